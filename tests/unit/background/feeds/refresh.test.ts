/**
 * A subscription refreshed end to end against a real server on 127.0.0.1: a GBK feed (charset in
 * the Content-Type only) imported with correct Chinese titles, the next refresh answered 304 with
 * nothing re-imported, a broken feed recorded as an error with back-off while the library keeps
 * what it had, and a 410 ending the subscription's schedule.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshSubscription } from '../../../../lib/background/feeds/refresh';
import { sanitizeArticleHtml } from '../../../../lib/shared/article/sanitize';
import { newSubscription } from '../../../../lib/shared/feeds/subscription';
import { type Library, openLibrary } from '../../../../lib/storage';
import { uniqueDbName } from '../../../support/library';
import { type FeedServer, startFeedServer } from './feed-server';

const GBK = readFileSync(path.resolve(import.meta.dirname, '../../../fixtures/feeds/rss2-zh-gbk-undeclared.xml'));

let server: FeedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function depsFor(lib: Library, clock: { now: number }) {
  return {
    prepare: (html: string, baseUrl: string | null) =>
      sanitizeArticleHtml(html, window, { baseUrl: baseUrl ?? undefined }),
    store: (article: Parameters<Library['upsertArticle']>[0]) => lib.upsertArticle(article, { keepDeleted: true }),
    now: () => clock.now,
  };
}

describe('refreshSubscription', () => {
  it('imports a GBK feed, then a conditional refresh answers 304 and imports nothing', async () => {
    let mode: 'ok' | 'broken' | 'gone' = 'ok';
    server = await startFeedServer({
      '/gbk.xml': (req, res) => {
        if (mode === 'gone') return void res.writeHead(410).end();
        if (mode === 'broken') return void res.writeHead(200, { 'Content-Type': 'text/xml' }).end('<rss><channel>');
        if (req.headers['if-none-match'] === '"g1"') return void res.writeHead(304).end();
        res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=GBK', ETag: '"g1"' }).end(GBK);
      },
    });
    const lib = await openLibrary({ name: uniqueDbName() });
    const clock = { now: 1_000 };
    const deps = depsFor(lib, clock);
    const sub = await newSubscription(`${server.base}/gbk.xml`, 0);
    if (sub === null) throw new Error('no subscription');

    const first = await refreshSubscription(sub, deps);
    expect(first.subscription).toMatchObject({ title: '新浪新闻·国内', siteUrl: 'https://news.example.cn/' });
    expect(first.subscription.fetch).toMatchObject({
      etag: '"g1"',
      newItems: 1,
      failures: 0,
      nextCheck: 1_000 + 3_600_000,
    });
    const id = first.report?.results[0]?.id ?? '';
    expect((await lib.getArticle(id))?.title).toBe('长江流域迎来强降雨 多地启动防汛应急响应');
    expect((await lib.getArticle(id))?.source).toBe('新浪新闻·国内');

    clock.now = 2_000;
    const second = await refreshSubscription(first.subscription, deps);
    expect(server.seen[1]?.headers['if-none-match']).toBe('"g1"');
    expect(second.report).toBeNull();
    expect(second.subscription.fetch).toMatchObject({ lastChecked: 2_000, newItems: 0, etag: '"g1"', lastError: null });

    mode = 'broken';
    clock.now = 3_000;
    const third = await refreshSubscription(second.subscription, deps);
    expect(third.subscription.fetch).toMatchObject({
      failures: 1,
      lastError: { code: 'broken-xml' },
      lastSuccess: 2_000,
    });
    expect(await lib.countArticles()).toBe(1);

    mode = 'gone';
    const fourth = await refreshSubscription(third.subscription, deps);
    expect(fourth.subscription.fetch).toMatchObject({ gone: true, nextCheck: null, lastError: { code: 'gone' } });
    lib.close();
  });
});
