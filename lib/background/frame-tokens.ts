/**
 * Hand-overs from a live page to one of our frames inside it (the reading view, the note
 * editor). The page's content script registers what the frame should show; the frame — an
 * extension page inside that same tab — redeems the one-time token from its address. A token is
 * redeemable once, by a frame in the tab that registered it, within a minute: a page that
 * embeds our frame itself (it is a web-accessible resource) gets nothing.
 */

/** What a content script registered. */
interface Registration<T> {
  tabId: number;
  value: T;
  expires: number;
}

const TTL_MS = 60_000;

/** A registry of one kind of frame, for the background's life. */
export interface FrameTokens<T> {
  /** Registers `value` for tab `tabId`; answers the token (an earlier one of the tab is dropped). */
  register(tabId: number, value: T, now?: number): string;
  /** The value registered under `token` by tab `tabId`, once; undefined for anything else. */
  redeem(token: string, tabId: number, now?: number): { value: T } | undefined;
}

/** An empty registry. */
export function createFrameTokens<T>(): FrameTokens<T> {
  const byToken = new Map<string, Registration<T>>();
  const token = () =>
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  return {
    register(tabId, value, now = Date.now()) {
      for (const [key, entry] of byToken) if (entry.tabId === tabId || entry.expires < now) byToken.delete(key);
      const key = token();
      byToken.set(key, { tabId, value, expires: now + TTL_MS });
      return key;
    },
    redeem(key, tabId, now = Date.now()) {
      const entry = byToken.get(key);
      if (!entry || entry.tabId !== tabId || entry.expires < now) return undefined;
      byToken.delete(key);
      return { value: entry.value };
    },
  };
}
