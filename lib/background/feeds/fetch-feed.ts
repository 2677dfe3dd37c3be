/**
 * One HTTP fetch of a feed, from the background worker, answered as a typed outcome (never a
 * throw). What it guarantees:
 * - conditional GET: the ETag and Last-Modified we last saw go out as If-None-Match and
 *   If-Modified-Since, and a 304 comes back as `not-modified` (the browser's HTTP cache is
 *   bypassed, `no-store`, so the 304 is the server's, not the cache's);
 * - no cookies or credentials (`credentials: 'omit'`) and no referrer;
 * - redirects followed as the Fetch standard allows (at most 20, then a network error): from an
 *   extension, `redirect: 'manual'` answers an opaque response without its Location, so a lower
 *   cap cannot be counted; the final address is reported;
 * - a timeout (an MV3 worker is stopped when a fetch waits 30 s; the default is well under);
 * - the size cap enforced while the body streams: a huge or endless body is cut off at the
 *   limit and the connection cancelled, never buffered whole;
 * - 410 → `gone`; other errors carry `Retry-After` when the server sent one;
 * - a feed on the internet that redirects to this computer or the reader's own network
 *   (`isLocalNetworkHost`) is refused (`local-redirect`) and that answer is never read: a public
 *   feed must not turn Glossa into a reader of a router's or an intranet's pages. (The request
 *   itself is made: an extension's fetch cannot see a redirect's target before following it.)
 *   A feed the reader subscribed to on their own network may redirect within it.
 */
import type { FeedError } from '../../model';
import { MAX_FEED_BYTES } from '../../shared/feeds/decode';
import { isLocalNetworkHost } from '../../shared/local-network';
import { parseRetryAfter } from './fetch-state';

/** Default time allowed for the whole fetch, body included. */
export const FETCH_TIMEOUT_MS = 20_000;

/** What to fetch: the address and the validators from the last fetch. */
export interface FetchTarget {
  url: string;
  etag: string | null;
  lastModified: string | null;
}

/** What one fetch did. */
export type FetchOutcome =
  | {
      kind: 'fetched';
      bytes: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      /** The address after redirects. */
      finalUrl: string;
    }
  | { kind: 'not-modified'; etag: string | null; lastModified: string | null }
  | { kind: 'gone' }
  | { kind: 'failed'; error: FeedError; retryAfterMs: number | null };

/** Knobs for tests and callers; all optional. */
export interface FetchFeedOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** Aborts the fetch from outside (the worker shutting down, an unsubscribe). */
  signal?: AbortSignal;
  /** The fetch to use (the global one by default). */
  fetchImpl?: typeof fetch;
  /** Clock for `Retry-After` dates. */
  now?: () => number;
}

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

const failed = (code: FeedError['code'], detail: string, retryAfterMs: number | null = null): FetchOutcome => ({
  kind: 'failed',
  error: { code, detail },
  retryAfterMs,
});

/** Fetches `target` once; see the module comment for what is guaranteed. Never rejects. */
export async function fetchFeed(target: FetchTarget, options: FetchFeedOptions = {}): Promise<FetchOutcome> {
  const maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? FETCH_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers = new Headers({ Accept: ACCEPT });
  if (target.etag !== null) headers.set('If-None-Match', target.etag);
  if (target.lastModified !== null) headers.set('If-Modified-Since', target.lastModified);
  const now = options.now ?? Date.now;
  try {
    const response = await (options.fetchImpl ?? fetch)(target.url, {
      method: 'GET',
      headers,
      credentials: 'omit',
      redirect: 'follow',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal,
    });
    const finalUrl = response.url || target.url;
    if (response.redirected && redirectsInward(target.url, finalUrl)) {
      await response.body?.cancel();
      return failed('local-redirect', `redirected to ${new URL(finalUrl).host}`);
    }
    const validators = { etag: response.headers.get('ETag'), lastModified: response.headers.get('Last-Modified') };
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: 'not-modified', ...validators };
    }
    if (response.status === 410) {
      await response.body?.cancel();
      return { kind: 'gone' };
    }
    if (!response.ok) {
      await response.body?.cancel();
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), now());
      return failed('http-status', `the server answered HTTP ${response.status}`, retryAfter);
    }
    const declared = Number(response.headers.get('Content-Length') ?? Number.NaN);
    if (declared > maxBytes) {
      await response.body?.cancel();
      return failed('too-large', `${declared} bytes; the limit is ${maxBytes}`);
    }
    const bytes = await readCapped(response, maxBytes);
    if (bytes === null) return failed('too-large', `more than ${maxBytes} bytes`);
    return {
      kind: 'fetched',
      bytes,
      contentType: response.headers.get('Content-Type'),
      ...validators,
      finalUrl,
    };
  } catch (thrown) {
    if (timeout.aborted)
      return failed('timeout', `no complete answer within ${options.timeoutMs ?? FETCH_TIMEOUT_MS} ms`);
    if (options.signal?.aborted) return failed('network', 'the fetch was cancelled');
    return failed('network', thrown instanceof Error ? thrown.message : 'the request failed');
  }
}

/** Whether a fetch of `from`, an internet address, ended on this computer or the reader's network. */
export function redirectsInward(from: string, to: string): boolean {
  return !isLocalNetworkHost(new URL(from).hostname) && isLocalNetworkHost(new URL(to).hostname);
}

/** The body's bytes, or null once it passes `maxBytes` (the rest is never read). */
export async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
