// @vitest-environment node
/**
 * fetchFeed against a real node:http server on 127.0.0.1 (no fetch mocks): conditional GET with
 * ETag and Last-Modified answered 304, 410 Gone, Retry-After in seconds and as an HTTP-date,
 * redirects (followed, a loop ending as a network error, none from the internet into the local
 * network), a timeout, and the size cap cutting
 * a body off while it streams.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../../../lib/background/feeds/fetch-feed';
import { MAX_FEED_BYTES } from '../../../../lib/shared/feeds/decode';
import { type FeedServer, startFeedServer } from './feed-server';

const RSS = '<rss version="2.0"><channel><title>t</title><item><title>一</title></item></channel></rss>';
const LAST_MODIFIED = 'Mon, 01 Jul 2024 08:00:00 GMT';

let server: FeedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(routes: Parameters<typeof startFeedServer>[0]): Promise<FeedServer> {
  server = await startFeedServer(routes);
  return server;
}

describe('fetchFeed', () => {
  it('sends the validators it has and reads a 304 as not modified', async () => {
    const s = await serve({
      '/feed': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { ETag: '"v1"' }).end();
        else
          res
            .writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: '"v1"', 'Last-Modified': LAST_MODIFIED })
            .end(RSS);
      },
    });
    const first = await fetchFeed({ url: `${s.base}/feed`, etag: null, lastModified: null });
    expect(first).toMatchObject({
      kind: 'fetched',
      etag: '"v1"',
      lastModified: LAST_MODIFIED,
      contentType: 'application/rss+xml',
    });
    expect(first.kind === 'fetched' && new TextDecoder().decode(first.bytes)).toBe(RSS);
    expect(s.seen[0]?.headers['if-none-match']).toBeUndefined();
    expect(s.seen[0]?.headers.accept).toContain('application/rss+xml');

    const second = await fetchFeed({ url: `${s.base}/feed`, etag: '"v1"', lastModified: LAST_MODIFIED });
    expect(second).toEqual({ kind: 'not-modified', etag: '"v1"', lastModified: null });
    expect(s.seen[1]?.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': LAST_MODIFIED });
    expect(s.seen[1]?.headers.cookie).toBeUndefined();
  });

  it('answers 410 as gone', async () => {
    const s = await serve({ '/gone': (_req, res) => res.writeHead(410).end('gone') });
    expect(await fetchFeed({ url: `${s.base}/gone`, etag: null, lastModified: null })).toEqual({ kind: 'gone' });
  });

  it('reads Retry-After in seconds and as an HTTP-date', async () => {
    const now = Date.UTC(2024, 6, 1, 8, 0, 0);
    const s = await serve({
      '/busy': (_req, res) => res.writeHead(503, { 'Retry-After': '120' }).end(),
      '/later': (_req, res) => res.writeHead(429, { 'Retry-After': 'Mon, 01 Jul 2024 09:00:00 GMT' }).end(),
      '/missing': (_req, res) => res.writeHead(404).end(),
    });
    const at = (path: string) =>
      fetchFeed({ url: `${s.base}${path}`, etag: null, lastModified: null }, { now: () => now });
    expect(await at('/busy')).toEqual({
      kind: 'failed',
      error: { code: 'http-status', detail: 'the server answered HTTP 503' },
      retryAfterMs: 120_000,
    });
    expect(await at('/later')).toMatchObject({ kind: 'failed', retryAfterMs: 3_600_000 });
    expect(await at('/missing')).toMatchObject({ kind: 'failed', error: { code: 'http-status' }, retryAfterMs: null });
  });

  it('follows a redirect and reports where it ended; a redirect loop is a network error', async () => {
    const s = await serve({
      '/old': (_req, res) => res.writeHead(301, { Location: '/new' }).end(),
      '/new': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/xml' }).end(RSS),
      '/loop': (_req, res) => res.writeHead(302, { Location: '/loop' }).end(),
    });
    expect(await fetchFeed({ url: `${s.base}/old`, etag: null, lastModified: null })).toMatchObject({
      kind: 'fetched',
      finalUrl: `${s.base}/new`,
    });
    const loop = await fetchFeed({ url: `${s.base}/loop`, etag: null, lastModified: null });
    expect(loop).toMatchObject({ kind: 'failed', error: { code: 'network' } });
    // The Fetch standard's cap: the first request and 20 redirects.
    expect(s.seen.filter((r) => r.path === '/loop').length).toBeLessThanOrEqual(21);
  });

  it('refuses a feed on the internet that redirects into this computer or the local network', async () => {
    const s = await serve({
      '/feed': (_req, res) => res.writeHead(302, { Location: `${s.base}/router/admin.xml` }).end(),
      '/direct': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/xml' }).end(RSS),
      '/router/admin.xml': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/xml' }).end(RSS),
    });
    // A public name resolved to this server (what DNS would do), so the redirect lands on 127.0.0.1.
    const PUBLIC = 'feeds.example.com';
    const resolving: typeof fetch = (input, init) => fetch(String(input).replace(PUBLIC, '127.0.0.1'), init);
    const publicBase = s.base.replace('127.0.0.1', PUBLIC);
    const refused = await fetchFeed(
      { url: `${publicBase}/feed`, etag: null, lastModified: null },
      { fetchImpl: resolving },
    );
    expect(refused).toEqual({
      kind: 'failed',
      error: { code: 'local-redirect', detail: `redirected to ${new URL(s.base).host}` },
      retryAfterMs: null,
    });
    // Without a redirect the same public feed reads as usual, and a local feed may redirect locally.
    const direct = await fetchFeed(
      { url: `${publicBase}/direct`, etag: null, lastModified: null },
      { fetchImpl: resolving },
    );
    expect(direct.kind).toBe('fetched');
    expect(await fetchFeed({ url: `${s.base}/feed`, etag: null, lastModified: null })).toMatchObject({
      kind: 'fetched',
      finalUrl: `${s.base}/router/admin.xml`,
    });
  });

  it('gives up after the timeout, also when headers came but the body stalls', async () => {
    const s = await serve({
      '/silent': () => undefined,
      '/stall': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/xml' });
        res.write('<rss>');
      },
    });
    for (const path of ['/silent', '/stall']) {
      const started = Date.now();
      const outcome = await fetchFeed({ url: `${s.base}${path}`, etag: null, lastModified: null }, { timeoutMs: 300 });
      expect(outcome).toMatchObject({ kind: 'failed', error: { code: 'timeout' } });
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });

  it('refuses a declared oversize body, and cuts off an undeclared one while it streams', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const s = await serve({
      '/declared': (_req, res) => res.writeHead(200, { 'Content-Length': String(MAX_FEED_BYTES + 1) }).end(),
      '/endless': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/xml' });
        // Writes until the client goes away: far more than the cap if nothing stopped it.
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) {}
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      },
    });
    const declared = await fetchFeed({ url: `${s.base}/declared`, etag: null, lastModified: null });
    expect(declared).toMatchObject({ kind: 'failed', error: { code: 'too-large' } });
    const endless = await fetchFeed(
      { url: `${s.base}/endless`, etag: null, lastModified: null },
      { maxBytes: 1024 * 1024 },
    );
    expect(endless).toMatchObject({ kind: 'failed', error: { code: 'too-large', detail: 'more than 1048576 bytes' } });
    await expect.poll(() => s.aborted(), { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
  });

  it('omits credentials and bypasses the HTTP cache (the request it makes, seen through a spy on the real fetch)', async () => {
    const s = await serve({ '/feed': (_req, res) => res.writeHead(200).end(RSS) });
    const inits: RequestInit[] = [];
    const spy: typeof fetch = (input, init) => {
      if (init) inits.push(init);
      return fetch(input, init);
    };
    await fetchFeed({ url: `${s.base}/feed`, etag: null, lastModified: null }, { fetchImpl: spy });
    expect(inits[0]).toMatchObject({
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
    });
  });

  it('answers a refused connection as a network error', async () => {
    const s = await serve({});
    const url = `${s.base}/feed`;
    await s.close();
    server = null;
    expect(await fetchFeed({ url, etag: null, lastModified: null })).toMatchObject({
      kind: 'failed',
      error: { code: 'network' },
    });
  });
});
