/**
 * Fetches one image's bytes for the library, as a stranger would: no cookies or credentials, no
 * referrer (the site learns nothing of what the reader saved or from where), a deadline for the
 * whole answer, and a size cap enforced while the body streams in — a lying or missing
 * Content-Length cannot make us read more than the cap. Redirects are followed by fetch itself:
 * browsers expose neither the `Location` of a manual redirect nor a hop count to an extension,
 * so the limit is the Fetch standard's (20), which also refuses any hop to a non-http(s) scheme;
 * the final address is checked again here. An article from the internet may not lead to this
 * computer or the reader's network (`allowLocal`): a public page must not make Glossa read a
 * router's or an intranet's pictures into a library that syncs and exports.
 */
import type { ImageFailureReason } from '../../model';
import { isLocalNetworkHost } from '../../shared/local-network';

/** Bytes that may still be read for one article (shared by its concurrent fetches). */
export interface ByteBudget {
  /** Takes `bytes` from the budget; false (taking nothing) when they are not there. */
  take(bytes: number): boolean;
  /** Gives back bytes of an image that was not kept. */
  give(bytes: number): void;
}

/** A budget of `bytes`. */
export function byteBudget(bytes: number): ByteBudget {
  let remaining = bytes;
  return {
    take: (n) => {
      if (n > remaining) return false;
      remaining -= n;
      return true;
    },
    give: (n) => {
      remaining += n;
    },
  };
}

/** Limits of one fetch. */
export interface FetchImageOptions {
  /** The per-image cap, in bytes. */
  maxBytes: number;
  /** Deadline for the whole answer, headers and body, in ms. */
  timeoutMs: number;
  /** The article's remaining bytes; passing it is answered `article-cap`. */
  budget?: ByteBudget;
  /** The fetch to use (the context's own by default). */
  fetch?: typeof fetch;
  /** Whether the picture may be on this computer or the reader's network (the article is). */
  allowLocal: boolean;
}

/** The bytes, or why there are none. */
export type FetchedImage = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: ImageFailureReason };

const isHttp = (url: string) => /^https?:/i.test(url);
const failed = (reason: ImageFailureReason): FetchedImage => ({ ok: false, reason });

/** Fetches `url` within the limits. Never throws: every failure is a named reason. */
export async function fetchImage(url: string, options: FetchImageOptions): Promise<FetchedImage> {
  if (!isHttp(url)) return failed('not-http');
  const local = (address: string) =>
    !options.allowLocal && URL.canParse(address) && isLocalNetworkHost(new URL(address).hostname);
  if (local(url)) return failed('local-network');
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const doFetch = options.fetch ?? fetch;
  let taken = 0;
  const giveBack = () => options.budget?.give(taken);
  try {
    const response = await doFetch(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
      signal: deadline,
      headers: { Accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/svg+xml;q=0.8' },
    });
    if (response.url && !isHttp(response.url)) {
      await response.body?.cancel();
      return failed('not-http');
    }
    if (response.url && local(response.url)) {
      await response.body?.cancel();
      return failed('local-network');
    }
    if (!response.ok) {
      await response.body?.cancel();
      return failed('http-status');
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await response.body?.cancel();
      return failed('too-large');
    }
    const reader = response.body?.getReader();
    if (!reader) return failed('network');
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      const overCap = total > options.maxBytes;
      const overBudget = !overCap && options.budget !== undefined && !options.budget.take(value.byteLength);
      if (overCap || overBudget) {
        await reader.cancel();
        giveBack();
        return failed(overCap ? 'too-large' : 'article-cap');
      }
      if (options.budget) taken += value.byteLength;
      chunks.push(value);
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return { ok: true, bytes };
  } catch {
    giveBack();
    return failed(deadline.aborted ? 'timeout' : 'network');
  }
}
