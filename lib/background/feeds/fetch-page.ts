/**
 * One fetch of a feed entry's web page for "Fetch full text", from the background, with the
 * same guarantees as a feed fetch (fetch-feed.ts): http(s) only, no cookies or credentials, no
 * referrer, no page on the reader's own network unless the feed is there too, a timeout, and the size cap enforced while the body streams (`readCapped`). The
 * bytes are decoded as a browser would (decode-html.ts: header charset, else `<meta>`, else
 * UTF-8). Answers the page's HTML and final address, or a named error; never rejects.
 */
import { err, ok, type Result } from '../../model';
import { decodeHtmlBytes } from '../../shared/article/decode-html';
import type { FullTextError } from '../../shared/feeds/full-text';
import { isLocalNetworkHost } from '../../shared/local-network';
import { FETCH_TIMEOUT_MS, readCapped } from './fetch-feed';

/** The most a page may weigh, in bytes. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;

/** Knobs for tests; all optional. */
export interface FetchPageOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /**
   * Whether the page may be on this computer or the reader's network (`isLocalNetworkHost`):
   * only when its feed is there too. A feed from the internet must not make Glossa read a
   * router's or an intranet's pages, by its links or by a redirect (`local-page`).
   */
  allowLocal?: boolean;
}

/** A fetched page. */
export interface FetchedPage {
  html: string;
  /** The address after redirects: relative links and images resolve against it. */
  url: string;
}

const fail = (code: FullTextError['code'], detail = ''): Result<FetchedPage, FullTextError> => err({ code, detail });

/** Media types read as HTML (a missing one too: many servers send none). */
const HTML_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\s*(?:;|$)/i;

/** Fetches the page at `url`. */
export async function fetchPage(
  url: string,
  options: FetchPageOptions = {},
): Promise<Result<FetchedPage, FullTextError>> {
  if (!/^https?:\/\//i.test(url)) return fail('not-available', url);
  const local = (address: string) => !options.allowLocal && isLocalNetworkHost(new URL(address).hostname);
  if (local(url)) return fail('local-page', new URL(url).host);
  const maxBytes = options.maxBytes ?? MAX_PAGE_BYTES;
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const sizeText = `${Math.round(maxBytes / 1024 / 1024)} MB`;
  try {
    const response = await fetch(url, {
      method: 'GET',
      headers: { Accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' },
      credentials: 'omit',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
      signal,
    });
    const finalUrl = response.url || url;
    // The request itself is made (an extension cannot see a redirect's target first); the
    // answer is never read.
    if (local(finalUrl)) {
      await response.body?.cancel();
      return fail('local-page', new URL(finalUrl).host);
    }
    if (!response.ok) {
      await response.body?.cancel();
      return fail('http-status', String(response.status));
    }
    const type = response.headers.get('Content-Type');
    if (type !== null && !HTML_TYPE.test(type)) {
      await response.body?.cancel();
      return fail('not-html', type.split(';')[0]?.trim() ?? type);
    }
    if (Number(response.headers.get('Content-Length') ?? Number.NaN) > maxBytes) {
      await response.body?.cancel();
      return fail('too-large', sizeText);
    }
    const bytes = await readCapped(response, maxBytes);
    if (bytes === null) return fail('too-large', sizeText);
    // A redirect may not take the fetch off the web (the page's links would resolve there).
    if (!/^https?:\/\//i.test(finalUrl)) return fail('not-available', finalUrl);
    return ok({ html: decodeHtmlBytes(bytes, type), url: finalUrl });
  } catch (thrown) {
    if (signal.aborted) return fail('timeout', String(Math.round(timeoutMs / 1000)));
    return fail('network', thrown instanceof Error ? thrown.message : 'the request failed');
  }
}
