// @vitest-environment node
/**
 * fetchPage ("Fetch full text") against a real node:http server on 127.0.0.1: a GBK Chinese page
 * reads right whether the charset is in the Content-Type header or only in a `<meta>` tag (Big5
 * too), a page with no declaration reads as UTF-8, an HTTP error and a non-HTML answer are named,
 * an oversized page is refused while it streams (the connection cut), and only http(s) is fetched,
 * without cookies or referrer; a page on the reader's own network only when its feed is there too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type FetchPageOptions, fetchPage as fetchAny } from '../../../../lib/background/feeds/fetch-page';
import { encodeGbk } from '../../../support/gbk';
import { ZH_PARAGRAPHS, zhArticlePage } from '../../../support/zh-article';
import { type FeedServer, startFeedServer } from './feed-server';

/** The test server is on 127.0.0.1: fetched as a page whose feed is on this computer too. */
const fetchPage = (url: string, options: FetchPageOptions = {}) => fetchAny(url, { allowLocal: true, ...options });

let server: FeedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(routes: Parameters<typeof startFeedServer>[0]): Promise<FeedServer> {
  server = await startFeedServer(routes);
  return server;
}

describe('fetchPage', () => {
  it('reads a GBK page declared in the Content-Type header, or only in <meta charset>', async () => {
    const s = await serve({
      '/header': (_req, res) =>
        void res.writeHead(200, { 'Content-Type': 'text/html; charset=GBK' }).end(encodeGbk(zhArticlePage(null))),
      '/meta': (_req, res) =>
        void res.writeHead(200, { 'Content-Type': 'text/html' }).end(encodeGbk(zhArticlePage('gbk'))),
      '/http-equiv': (_req, res) =>
        void res
          .writeHead(200, { 'Content-Type': 'text/html' })
          .end(
            encodeGbk(
              zhArticlePage(null).replace(
                '<head>',
                '<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
              ),
            ),
          ),
      '/utf8': (_req, res) => void res.writeHead(200, { 'Content-Type': 'text/html' }).end(zhArticlePage(null)),
    });
    for (const path of ['/header', '/meta', '/http-equiv', '/utf8']) {
      const page = await fetchPage(`${s.base}${path}`);
      expect(page.ok, path).toBe(true);
      if (!page.ok) continue;
      for (const paragraph of ZH_PARAGRAPHS) expect(page.value.html, path).toContain(paragraph);
      expect(page.value.url).toBe(`${s.base}${path}`);
    }
    // No cookies, no referrer.
    for (const { headers } of s.seen) {
      expect(headers.cookie).toBeUndefined();
      expect(headers.referer).toBeUndefined();
    }
  });

  it('reads Big5 named in <meta>', async () => {
    const big5 = new Uint8Array([0xa4, 0xa4, 0xa4, 0xe5]); // 中文 in Big5
    const s = await serve({
      '/big5': (_req, res) =>
        void res
          .writeHead(200, { 'Content-Type': 'text/html' })
          .end(
            Buffer.concat([
              Buffer.from('<html><head><meta charset="big5"></head><body><p>'),
              big5,
              Buffer.from('</p>'),
            ]),
          ),
    });
    const page = await fetchPage(`${s.base}/big5`);
    expect(page.ok && page.value.html).toContain('<p>中文</p>');
  });

  it('names an HTTP error, a non-HTML answer and an address that is not http(s)', async () => {
    const s = await serve({
      '/pdf': (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/pdf' }).end('%PDF-1.4'),
    });
    expect(await fetchPage(`${s.base}/missing`)).toEqual({ ok: false, error: { code: 'http-status', detail: '404' } });
    expect(await fetchPage(`${s.base}/pdf`)).toEqual({
      ok: false,
      error: { code: 'not-html', detail: 'application/pdf' },
    });
    expect(await fetchPage('file:///etc/passwd')).toMatchObject({ ok: false, error: { code: 'not-available' } });
  });

  it('refuses an oversized page while it streams, and a declared one before reading', async () => {
    const s = await serve({
      '/endless': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const timer = setInterval(() => res.write(chunk), 1);
        res.on('close', () => clearInterval(timer));
      },
      '/declared': (_req, res) =>
        void res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(10 * 1024 * 1024) }).end(),
    });
    const maxBytes = 1024 * 1024;
    expect(await fetchPage(`${s.base}/endless`, { maxBytes })).toEqual({
      ok: false,
      error: { code: 'too-large', detail: '1 MB' },
    });
    expect(await fetchPage(`${s.base}/declared`, { maxBytes })).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(s.aborted()).toBeGreaterThanOrEqual(1);
  });

  it('refuses a page on this computer or the local network unless its feed is there too', async () => {
    const s = await serve({
      '/page': (_req, res) => void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>x</p>'),
    });
    expect(await fetchAny(`${s.base}/page`)).toEqual({
      ok: false,
      error: { code: 'local-page', detail: new URL(s.base).host },
    });
    expect(await fetchAny('http://192.168.1.1/admin')).toMatchObject({ ok: false, error: { code: 'local-page' } });
    expect(s.seen).toHaveLength(0);
    expect(await fetchAny(`${s.base}/page`, { allowLocal: true })).toMatchObject({ ok: true });
  });

  it('gives up after its timeout', async () => {
    const s = await serve({ '/slow': () => undefined });
    expect(await fetchPage(`${s.base}/slow`, { timeoutMs: 200 })).toMatchObject({
      ok: false,
      error: { code: 'timeout' },
    });
  });
});
