/**
 * The hand-over of a live page's article to its reading view. The page's content script
 * extracts the article (only it has the page's DOM) and registers it here; the view's frame —
 * an extension page inside that same tab — redeems the one-time token from its address. A token
 * is redeemable once, by a frame in the tab that registered it, within a minute: a page that
 * embeds our frame itself (it is a web-accessible resource) gets nothing.
 */
import type { WebPageSave } from '../shared/article/web-page';

/** What the content script registered. */
interface Registration {
  tabId: number;
  page: WebPageSave | null;
  expires: number;
}

const TTL_MS = 60_000;

/** The registry of the background's life. */
export interface ReadingViews {
  /** Registers `page` for tab `tabId`; answers the token (an earlier one of the tab is dropped). */
  register(tabId: number, page: WebPageSave | null, now?: number): string;
  /** The page registered under `token` by tab `tabId`, once; undefined for anything else. */
  redeem(token: string, tabId: number, now?: number): { page: WebPageSave | null } | undefined;
}

/** An empty registry. */
export function createReadingViews(): ReadingViews {
  const byToken = new Map<string, Registration>();
  const token = () =>
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  return {
    register(tabId, page, now = Date.now()) {
      for (const [key, entry] of byToken) if (entry.tabId === tabId || entry.expires < now) byToken.delete(key);
      const key = token();
      byToken.set(key, { tabId, page, expires: now + TTL_MS });
      return key;
    },
    redeem(key, tabId, now = Date.now()) {
      const entry = byToken.get(key);
      if (!entry || entry.tabId !== tabId || entry.expires < now) return undefined;
      byToken.delete(key);
      return { page: entry.page };
    },
  };
}
