/**
 * "Fetch full text" end to end against a real server on 127.0.0.1 and a real (fake-indexeddb)
 * library, with the reading view's extractor in jsdom: a summary-only feed article gets its
 * GBK page's paragraphs as its body, keeping its id, its highlights and its tags; a failure
 * (HTTP error, no article on the page, not a feed's article, a page on this computer linked by a
 * feed from the internet) is named and changes nothing; and a
 * feed with "Fetch full text of new entries" on fetches its new summary-only entries' pages on
 * refresh — at most ten, failures recorded, the refresh itself still a success.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fetchFullText } from '../../../../lib/background/feeds/full-text';
import { createFeedService } from '../../../../lib/background/feeds/service';
import type { Article } from '../../../../lib/model';
import { extractPageBody } from '../../../../lib/page/extract/page-body';
import { sanitizeArticleHtml } from '../../../../lib/shared/article/sanitize';
import { newSubscription } from '../../../../lib/shared/feeds/subscription';
import { type Library, openLibrary } from '../../../../lib/storage';
import { encodeGbk } from '../../../support/gbk';
import { makeArticle, makeHighlight, uniqueDbName } from '../../../support/library';
import { ZH_PARAGRAPHS, zhArticlePage } from '../../../support/zh-article';
import { type FeedServer, startFeedServer } from './feed-server';

let server: FeedServer | null = null;
let library: Library | null = null;
afterEach(async () => {
  await server?.close();
  library?.close();
  server = null;
  library = null;
});

const extract = async (html: string, url: string) => extractPageBody(html, url, window);
const SUMMARY = '<p>据中央气象台消息，长江中下游出现强降雨。</p>';

async function setup() {
  server = await startFeedServer({
    '/article': (_req, res) =>
      void res.writeHead(200, { 'Content-Type': 'text/html' }).end(encodeGbk(zhArticlePage('gbk'))),
    '/empty': (_req, res) => void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body></body></html>'),
  });
  library = await openLibrary({ name: uniqueDbName() });
  const lib = library;
  // The articles' feed, on this computer as its pages are (a page on the local network is
  // fetched only for a feed that is there too).
  const feed = await newSubscription(`${server.base}/feed.xml`, 0);
  if (feed === null) throw new Error('no subscription');
  await lib.putSubscription(feed);
  const store = async (article: Article, feedId = feed.id) => {
    await lib.upsertArticle(article);
    await lib.linkFeedArticles(feedId, [article.id]);
  };
  return { lib, base: server.base, store };
}

describe('fetchFullText', () => {
  it('replaces a feed article’s summary with its page’s article, keeping id, highlights and tags', async () => {
    const { lib, base, store } = await setup();
    const article = makeArticle({
      id: 'a_feed1',
      origin: 'feed',
      url: `${base}/article`,
      lang: 'zh-CN',
      tags: ['水利'],
      html: SUMMARY,
      text: '据中央气象台消息，长江中下游出现强降雨。',
    });
    await store(article);
    const highlight = makeHighlight({
      id: 'h_1',
      articleId: 'a_feed1',
      selectors: [{ type: 'TextQuoteSelector', exact: '中央气象台', prefix: '据', suffix: '消息' }],
    });
    await lib.putHighlight(highlight);

    const result = await fetchFullText(lib, 'a_feed1', { extract });
    expect(result).toMatchObject({ ok: true });
    const stored = await lib.getArticle('a_feed1');
    for (const paragraph of ZH_PARAGRAPHS) {
      expect(stored?.text).toContain(paragraph);
      expect(stored?.html).toContain(`<p>${paragraph}</p>`);
    }
    // Site chrome is not the article; relative images resolve against the page, not the extension.
    expect(stored?.text).not.toContain('首页');
    expect(stored?.html).toContain(`src="${base}/img/flood.jpg"`);
    expect(stored?.tags).toEqual(['水利']);
    expect(stored?.origin).toBe('feed');
    expect(stored?.charCount).toBeGreaterThan(200);
    expect((await lib.listHighlights('a_feed1')).map((h) => h.id)).toEqual(['h_1']);
    expect(await lib.countArticles()).toBe(1);
  });

  it('never trades a saved text for a shorter one (a teaser or a sign-in page): named, kept as it was', async () => {
    const { lib, base, store } = await setup();
    const long = '这是已经保存的完整正文，比网页上能取到的内容长得多。'.repeat(200);
    const article = makeArticle({
      id: 'a_full',
      origin: 'feed',
      url: `${base}/article`,
      html: `<p>${long}</p>`,
      text: long,
      charCount: long.length,
    });
    await store(article);
    const before = await lib.getArticle('a_full');
    expect(await fetchFullText(lib, 'a_full', { extract })).toEqual({
      ok: false,
      error: { code: 'shorter', detail: String(long.length) },
    });
    expect(await lib.getArticle('a_full')).toEqual(before);
  });

  it('names each failure and leaves the article exactly as it was', async () => {
    const { lib, base, store } = await setup();
    await store(makeArticle({ id: 'a_404', origin: 'feed', url: `${base}/missing`, html: SUMMARY }));
    await store(makeArticle({ id: 'a_empty', origin: 'feed', url: `${base}/empty`, html: SUMMARY }));
    await lib.upsertArticle(makeArticle({ id: 'a_web', origin: 'web', url: `${base}/article`, html: SUMMARY }));
    // A feed on the internet whose entry links into this computer, and an article of no feed.
    const remote = await newSubscription('https://example.com/feed.xml', 0);
    if (remote === null) throw new Error('no subscription');
    await lib.putSubscription(remote);
    await store(makeArticle({ id: 'a_inward', origin: 'feed', url: `${base}/article`, html: SUMMARY }), remote.id);
    await lib.upsertArticle(makeArticle({ id: 'a_kept', origin: 'feed', url: `${base}/article`, html: SUMMARY }));
    const ids = ['a_404', 'a_empty', 'a_web', 'a_inward', 'a_kept'];
    const before = await Promise.all(ids.map((id) => lib.getArticle(id)));

    expect(await fetchFullText(lib, 'a_404', { extract })).toEqual({
      ok: false,
      error: { code: 'http-status', detail: '404' },
    });
    expect(await fetchFullText(lib, 'a_empty', { extract })).toMatchObject({
      ok: false,
      error: { code: 'no-article' },
    });
    expect(await fetchFullText(lib, 'a_web', { extract })).toMatchObject({
      ok: false,
      error: { code: 'not-available' },
    });
    expect(await fetchFullText(lib, 'a_none', { extract })).toMatchObject({
      ok: false,
      error: { code: 'not-available' },
    });
    const local = { ok: false, error: { code: 'local-page', detail: new URL(base).host } };
    expect(await fetchFullText(lib, 'a_inward', { extract })).toEqual(local);
    expect(await fetchFullText(lib, 'a_kept', { extract })).toEqual(local);
    const after = await Promise.all(ids.map((id) => lib.getArticle(id)));
    expect(after).toEqual(before);
    // The web article's page, and the pages on this computer of a feed that is not, never fetched.
    expect(server?.seen.map((r) => r.path)).toEqual(['/missing', '/empty']);
  });
});

describe('a feed with "Fetch full text of new entries"', () => {
  const item = (n: number, link: string) =>
    `<item><title>第${n}条</title><link>${link}</link><guid isPermaLink="false">g${n}</guid>` +
    `<description>&lt;p&gt;摘要${n}。&lt;/p&gt;</description></item>`;

  it('fetches its new summary-only entries on refresh: at most ten, one at a time, failures recorded', async () => {
    const state = { items: [] as string[] };
    let inFlight = 0;
    let most = 0;
    server = await startFeedServer({
      '/feed.xml': (_req, res) =>
        void res
          .writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' })
          .end(`<rss version="2.0"><channel><title>新闻</title>${state.items.join('')}</channel></rss>`),
      ...Object.fromEntries(
        Array.from({ length: 12 }, (_, i) => [
          `/p${i}`,
          (_req: unknown, res: import('node:http').ServerResponse) => {
            inFlight += 1;
            most = Math.max(most, inFlight);
            setTimeout(() => {
              inFlight -= 1;
              res.writeHead(200, { 'Content-Type': 'text/html; charset=gbk' }).end(encodeGbk(zhArticlePage(null)));
            }, 5);
          },
        ]),
      ),
    });
    library = await openLibrary({ name: uniqueDbName() });
    const lib = library;
    const base = server.base;
    const service = createFeedService({
      library: Promise.resolve(lib),
      prepare: async (html, baseUrl) => sanitizeArticleHtml(html, window, { baseUrl: baseUrl ?? undefined }),
      extract,
    });
    const subscribed = await service.subscribe(`${base}/feed.xml`);
    expect(subscribed.ok).toBe(true);
    if (!subscribed.ok) return;
    const id = subscribed.subscription.id;
    expect(subscribed.subscription.fullText).toBe(false);
    expect((await service.setFullText(id, true)).map((s) => s.fullText)).toEqual([true]);

    // Twelve new entries with pages, and one whose page is missing.
    state.items = [...Array.from({ length: 12 }, (_, i) => item(i, `${base}/p${i}`)), item(99, `${base}/gone`)];
    state.items.unshift(state.items.pop() ?? '');
    const [after] = await service.refresh(id);
    expect(after?.fetch.lastError).toBeNull();
    expect(after?.fetch.newItems).toBe(13);
    const pages = server.seen.filter((r) => r.path !== '/feed.xml').map((r) => r.path);
    expect(pages).toHaveLength(10);
    expect(pages).toContain('/gone');
    expect(most).toBe(1);

    const articles = await Promise.all((await lib.feedArticleIds(id)).map((a) => lib.getArticle(a)));
    const full = articles.filter((a) => a?.text.includes(ZH_PARAGRAPHS[0] ?? '?'));
    expect(full).toHaveLength(9);
    const gone = articles.find((a) => a?.title === '第99条');
    expect(gone?.text).toBe('摘要99。');
    // The feed's status counts the entry whose page failed, stored with the subscription...
    expect(after?.fetch.fullTextFailed).toBe(1);
    expect((await lib.getSubscription(id))?.fetch.fullTextFailed).toBe(1);
    // ...until a refresh that brings nothing new.
    const [quiet] = await service.refresh(id);
    expect(quiet?.fetch).toMatchObject({ newItems: 0, fullTextFailed: 0 });
  });

  it('keeps a fetched full text when the next refreshes bring the entry’s summary again', async () => {
    const state = { version: 1 };
    server = await startFeedServer({
      // A changed feed each time (no 304): its one entry still carries only a summary.
      '/feed.xml': (_req, res) =>
        void res
          .writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: `"v${state.version++}"` })
          .end(
            `<rss version="2.0"><channel><title>新闻 ${state.version}</title>${item(1, `${base}/p1`)}</channel></rss>`,
          ),
      '/p1': (_req, res) =>
        void res.writeHead(200, { 'Content-Type': 'text/html; charset=gbk' }).end(encodeGbk(zhArticlePage(null))),
    });
    library = await openLibrary({ name: uniqueDbName() });
    const lib = library;
    const base = server.base;
    const service = createFeedService({
      library: Promise.resolve(lib),
      prepare: async (html, baseUrl) => sanitizeArticleHtml(html, window, { baseUrl: baseUrl ?? undefined }),
      extract,
    });
    const subscribed = await service.subscribe(`${base}/feed.xml`);
    if (!subscribed.ok) throw new Error('not subscribed');
    const [articleId] = await lib.feedArticleIds(subscribed.subscription.id);
    if (!articleId) throw new Error('no article');
    expect((await lib.getArticle(articleId))?.text).toBe('摘要1。');
    expect(await fetchFullText(lib, articleId, { extract })).toMatchObject({ ok: true });
    await lib.putHighlight(makeHighlight({ id: 'h1', articleId }));
    const full = (await lib.getArticle(articleId))?.text ?? '';
    expect(full).toContain(ZH_PARAGRAPHS[0] ?? '?');

    // Two refreshes that each read the feed again: the body stays the full text.
    for (let i = 0; i < 2; i++) await service.refresh(subscribed.subscription.id);
    expect(server.seen.filter((r) => r.path === '/feed.xml')).toHaveLength(3);
    expect((await lib.getArticle(articleId))?.text).toBe(full);
    expect((await lib.getHighlight('h1'))?.deleted).toBe(false);
    // And the link still says so, read state and all, after the refreshes re-linked the entry.
    expect((await lib.feedLinkOf(articleId))?.fullTextAt).toEqual(expect.any(Number));
  });
});
