/**
 * The feed service against a real server on 127.0.0.1 and a real (fake-indexeddb) library:
 * subscribing stores the feed and imports its entries with their Chinese titles and the feed
 * remembered, an address that is no feed is refused by name and stores nothing, "Refresh now"
 * sends the stored validators and a 304 imports nothing, new items arrive on refresh, the alarm's
 * schedule follows the earliest due feed, and unsubscribing removes the feed's articles only
 * when asked, never a highlighted one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFeedService } from '../../../../lib/background/feeds/service';
import { articleIdFor } from '../../../../lib/shared/article/ids';
import { sanitizeArticleHtml } from '../../../../lib/shared/article/sanitize';
import { type Library, openLibrary } from '../../../../lib/storage';
import { makeArticle, makeHighlight, uniqueDbName } from '../../../support/library';
import { type FeedServer, startFeedServer } from './feed-server';

const UTF8 = readFileSync(path.resolve(import.meta.dirname, '../../../fixtures/feeds/rss2-zh-utf8.xml'), 'utf8');
const TITLES = ['华盛顿与基辅就莫斯科危机进行磋商', '联合国秘书长呼吁停火 & 对话', '气候大会闭幕：各国承诺减排'];
const EXTRA = `<item><title>新的一条：春节假期安排</title><link>https://chinese.example.net/news/new</link>
<guid isPermaLink="false">new-1</guid><description>&lt;p&gt;国务院办公厅发布通知。&lt;/p&gt;</description></item>`;

let server: FeedServer | null = null;
let library: Library | null = null;
afterEach(async () => {
  await server?.close();
  library?.close();
  server = null;
  library = null;
});

/** A server for `/feed.xml` (ETag by content) and a not-a-feed page; `extra` adds an item. */
async function setup() {
  const state = { extra: false, held: null as Promise<void> | null };
  server = await startFeedServer({
    '/feed.xml': (req, res) => {
      const body = state.extra ? UTF8.replace('</channel>', `${EXTRA}</channel>`) : UTF8;
      const etag = state.extra ? '"v2"' : '"v1"';
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { ETag: etag }).end();
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag }).end(body);
    },
    // Answers only once `state.held` settles: a refresh caught in flight.
    '/held.xml': (_req, res) =>
      void (state.held ?? Promise.resolve()).then(() =>
        res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(UTF8),
      ),
    '/copy.xml': (_req, res) =>
      void res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(UTF8),
    '/page.html': (_req, res) => void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>你好</p>'),
  });
  library = await openLibrary({ name: uniqueDbName() });
  const clock = { now: 10_000 };
  const alarms: Array<number | null> = [];
  const service = createFeedService({
    library: Promise.resolve(library),
    prepare: async (html, baseUrl) => sanitizeArticleHtml(html, window, { baseUrl: baseUrl ?? undefined }),
    now: () => clock.now,
    schedule: (at) => void alarms.push(at),
  });
  return { state, service, lib: library, clock, alarms, base: server.base, seen: server.seen };
}

describe('the feed service', () => {
  it('subscribes: stores the feed, imports its entries with their titles and remembers their feed', async () => {
    const { service, lib, base, alarms } = await setup();
    const result = await service.subscribe(`${base}/feed.xml`);
    if (!result.ok) throw new Error(result.error.detail);
    expect(result).toMatchObject({ created: 3, existed: false });
    expect(result.subscription).toMatchObject({ title: '半岛新闻 · 中文', url: `${base}/feed.xml` });
    expect(result.subscription.fetch).toMatchObject({ etag: '"v1"', newItems: 3, lastError: null });
    const [stored] = await service.list();
    expect(stored).toEqual(result.subscription);
    // The reader's subscribe is stamped for sync.
    expect(stored?.stamps?.deleted).toMatch(/^\d{15}-/);
    const ids = await lib.feedArticleIds(result.subscription.id);
    const titles = await Promise.all(ids.map(async (id) => (await lib.getArticleMeta(id))?.title));
    expect(titles.sort()).toEqual([...TITLES].sort());
    const meta = await lib.getArticleMeta(ids[0] ?? '');
    expect(meta).toMatchObject({ origin: 'feed', source: '半岛新闻 · 中文' });
    // The one alarm is set to the feed's next check, an hour on.
    expect(alarms.at(-1)).toBe(10_000 + 60 * 60_000);
  });

  it('refuses an address that is not a feed by name, and stores nothing', async () => {
    const { service, lib, base } = await setup();
    const result = await service.subscribe(`${base}/page.html`);
    expect(result).toMatchObject({ ok: false, error: { code: 'not-a-feed' } });
    expect(await service.list()).toEqual([]);
    expect(await lib.countArticles()).toBe(0);
    const missing = await service.subscribe(`${base}/missing.xml`);
    expect(missing).toMatchObject({ ok: false, error: { code: 'http-status' } });
  });

  it('answers a known feed that fails now with its error, and keeps the subscription', async () => {
    const { service, base } = await setup();
    const first = await service.subscribe(`${base}/feed.xml`);
    if (!first.ok) throw new Error(first.error.detail);
    await server?.close();
    server = null;
    const again = await service.subscribe(`${base}/feed.xml`);
    expect(again).toMatchObject({ ok: false, error: { code: 'network' } });
    const [kept] = await service.list();
    expect(kept?.fetch).toMatchObject({ failures: 1, lastError: { code: 'network' }, etag: '"v1"' });
  });

  it('refreshes now with the stored validators: 304 imports nothing, a new item arrives', async () => {
    const { state, service, lib, base, seen, clock } = await setup();
    const result = await service.subscribe(`${base}/feed.xml`);
    if (!result.ok) throw new Error(result.error.detail);
    clock.now = 20_000;
    const [unchanged] = await service.refresh(result.subscription.id);
    expect(seen.at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(unchanged?.fetch).toMatchObject({ lastChecked: 20_000, newItems: 0, lastError: null });
    expect(await lib.countArticles()).toBe(3);

    state.extra = true;
    clock.now = 30_000;
    const [changed] = await service.refresh(null);
    expect(changed?.fetch).toMatchObject({ lastChecked: 30_000, newItems: 1, etag: '"v2"' });
    const ids = await lib.feedArticleIds(result.subscription.id);
    expect(ids).toHaveLength(4);
    const titles = await Promise.all(ids.map(async (id) => (await lib.getArticleMeta(id))?.title));
    expect(titles).toContain('新的一条：春节假期安排');
  });

  it('refreshes only due feeds when the alarm fires', async () => {
    const { service, base, seen, clock } = await setup();
    await service.subscribe(`${base}/feed.xml`);
    const before = seen.length;
    clock.now = 10_000 + 30 * 60_000;
    await service.refreshDue();
    expect(seen.length).toBe(before);
    clock.now = 10_000 + 60 * 60_000;
    await service.refreshDue();
    expect(seen.length).toBe(before + 1);
  });

  it("sets a feed's interval: the next check and the alarm move with it", async () => {
    const { service, base, alarms } = await setup();
    const result = await service.subscribe(`${base}/feed.xml`);
    if (!result.ok) throw new Error(result.error.detail);
    const [changed] = await service.setInterval(result.subscription.id, 15);
    expect(changed).toMatchObject({ intervalMinutes: 15, fetch: { nextCheck: 10_000 + 15 * 60_000 } });
    expect(alarms.at(-1)).toBe(10_000 + 15 * 60_000);
    await expect(service.setInterval('s_missing', 30)).rejects.toThrow('No such subscription.');
  });

  it('keeps settings the reader changes while a refresh runs, and a feed unsubscribed meanwhile stays gone', async () => {
    const { state, service, lib, base, seen } = await setup();
    const result = await service.subscribe(`${base}/held.xml`);
    if (!result.ok) throw new Error(result.error.detail);
    const { id } = result.subscription;
    let release = () => {};
    state.held = new Promise((resolve) => {
      release = resolve;
    });
    const asked = seen.length;
    const refreshing = service.refresh(id);
    await vi.waitFor(() => expect(seen.length).toBe(asked + 1));
    await service.setFullText(id, true);
    await service.setInterval(id, 15);
    release();
    await refreshing;
    const stored = await lib.getSubscription(id);
    expect(stored).toMatchObject({ fullText: true, intervalMinutes: 15 });
    expect(stored?.fetch.nextCheck).toBe((stored?.fetch.lastChecked ?? 0) + 15 * 60_000);

    state.held = new Promise((resolve) => {
      release = resolve;
    });
    const again = service.refresh(id);
    await vi.waitFor(() => expect(seen.length).toBe(asked + 2));
    await service.unsubscribe(id, true);
    release();
    await again;
    expect(await lib.getSubscription(id)).toBeUndefined();
  });

  it('unsubscribes keeping the articles, or removing them except highlighted ones', async () => {
    const { service, lib, base } = await setup();
    const first = await service.subscribe(`${base}/feed.xml`);
    if (!first.ok) throw new Error(first.error.detail);
    expect(await service.unsubscribe(first.subscription.id, true)).toEqual({ existed: true, removed: 0, kept: 3 });
    expect(await service.list()).toEqual([]);
    expect(await lib.countArticles()).toBe(3);
    // The removing half in a fresh library: kept articles are the reader's (see the tests below).
    library?.close();
    await server?.close();

    const fresh = await setup();
    const again = await fresh.service.subscribe(`${fresh.base}/feed.xml`);
    if (!again.ok) throw new Error(again.error.detail);
    const [highlighted] = await fresh.lib.feedArticleIds(again.subscription.id);
    await fresh.lib.putHighlight(makeHighlight({ id: 'h1', articleId: highlighted ?? '' }));
    expect(await fresh.service.unsubscribe(again.subscription.id, false)).toEqual({
      existed: true,
      removed: 2,
      kept: 1,
    });
    expect(await fresh.lib.countArticles()).toBe(1);
    expect(await fresh.lib.getArticleMeta(highlighted ?? '')).toBeDefined();
  });

  it('never overwrites or claims an article saved another way, or another feed’s, when an entry names its page', async () => {
    const { service, lib, base } = await setup();
    // The reader saved the UN ceasefire page from the web; the feed's entry has that page as guid and link.
    const page = 'https://chinese.example.net/news/2021/12/11/un-ceasefire';
    const id = await articleIdFor({ url: page, title: '', published: null, source: null });
    await lib.upsertArticle(
      makeArticle({
        id,
        url: page,
        origin: 'web',
        title: '读者保存的全文',
        html: '<p>读者保存的全文。</p>',
        text: '读者保存的全文。',
      }),
    );
    const before = await lib.getArticle(id);
    const a = await service.subscribe(`${base}/feed.xml`);
    if (!a.ok) throw new Error(a.error.detail);
    expect(a.created).toBe(2);
    expect(await lib.getArticle(id)).toEqual(before);
    expect(await lib.feedArticleIds(a.subscription.id)).not.toContain(id);
    // "Unsubscribe and remove" removes what the feed brought in, never the reader's page.
    expect(await service.unsubscribe(a.subscription.id, false)).toMatchObject({ removed: 2 });
    expect(await lib.getArticle(id)).toEqual(before);
  });

  it('leaves a feed’s articles to that feed: a second feed naming the same pages updates nothing', async () => {
    const { service, lib, base } = await setup();
    const a = await service.subscribe(`${base}/feed.xml`);
    if (!a.ok) throw new Error(a.error.detail);
    const own = await lib.feedArticleIds(a.subscription.id);
    const before = await Promise.all(own.map((id) => lib.getArticle(id)));
    const b = await service.subscribe(`${base}/copy.xml`);
    if (!b.ok) throw new Error(b.error.detail);
    expect(await Promise.all(own.map((id) => lib.getArticle(id)))).toEqual(before);
    for (const id of own) expect(await lib.feedOfArticle(id)).toBe(a.subscription.id);
    expect((await lib.feedArticleIds(b.subscription.id)).some((id) => own.includes(id))).toBe(false);
  });
});
