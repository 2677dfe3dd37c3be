/**
 * Feeds in real browsers (issue 17), against a feed server on 127.0.0.1 that answers
 * conditional GETs by ETag and logs every request: subscribing by address in Options → Feeds
 * brings a Chinese UTF-8 feed's items into the popup with their exact titles; an item added to
 * the served feed appears after "Refresh now"; a refresh of the unchanged feed sends the stored
 * ETag and is answered 304 (nothing re-imported); a GBK feed reads right too; the list goes out as
 * OPML, both feeds are unsubscribed keeping their articles, and the file brings them back.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserName, type ExtensionBrowser, launchWithExtension, pollPage } from './support/browsers';
import { chooseOption, clickControl, control, typeInto } from './support/controls';
import { PopupPage } from './support/pages';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/feeds');
const UTF8 = readFileSync(path.join(FIXTURES, 'rss2-zh-utf8.xml'), 'utf8');
const GBK = readFileSync(path.join(FIXTURES, 'rss2-zh-gbk.xml'));
const titlesOf = (xml: string) => [...xml.matchAll(/<item>\s*<title>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?<\/title>/g)];
/** The items' titles as a reader sees them (entities decoded; the GBK bytes decoded by Node). */
const UTF8_TITLES = titlesOf(UTF8).map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
const GBK_TITLES = titlesOf(new TextDecoder('gbk').decode(GBK)).map((m) => m[1] ?? '');
const NEW_TITLE = '新增条目：春节假期安排通知';
const NEW_ITEM = `<item><title>${NEW_TITLE}</title><link>https://chinese.example.net/news/spring</link>
<guid isPermaLink="false">spring-1</guid><description>&lt;p&gt;国务院办公厅发布春节假期安排的通知。&lt;/p&gt;</description></item>`;

interface FeedServer {
  origin: string;
  /** Requests per path, with the headers sent and the status answered. */
  log: { path: string; headers: IncomingHttpHeaders; status: number }[];
  /** Whether the UTF-8 feed carries the added item (and its new ETag). */
  state: { added: boolean };
  server: Server;
}

/** Serves the UTF-8 feed (ETag by version, 304 on a match) and the GBK one (ETag "g1"). */
async function startFeedServer(): Promise<FeedServer> {
  const log: FeedServer['log'] = [];
  const state = { added: false };
  const server = createServer((req, res) => {
    const answer = (status: number, headers: Record<string, string>, body?: string | Uint8Array) => {
      log.push({ path: req.url ?? '', headers: req.headers, status });
      res.writeHead(status, headers).end(body);
    };
    if (req.url === '/zh.xml') {
      const etag = state.added ? '"zh-2"' : '"zh-1"';
      if (req.headers['if-none-match'] === etag) return answer(304, { ETag: etag });
      const body = state.added ? UTF8.replace('</channel>', `${NEW_ITEM}</channel>`) : UTF8;
      return answer(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag }, body);
    }
    if (req.url === '/gbk.xml') {
      if (req.headers['if-none-match'] === '"g1"') return answer(304, { ETag: '"g1"' });
      return answer(200, { 'Content-Type': 'application/rss+xml', ETag: '"g1"' }, GBK);
    }
    answer(404, { 'Content-Type': 'text/plain' }, 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, log, state, server };
}

/**
 * The popup's article titles once all of `expected` are listed (exact names: the bundled seed's
 * title begins with a feed item's). A fresh popup each time: it lists what the library holds now.
 */
async function popupTitles(ext: ExtensionBrowser, expected: readonly string[]): Promise<string[]> {
  const popup = await PopupPage.open(ext);
  await pollPage(
    popup.page,
    (wanted: string) => {
      const names = [...document.querySelectorAll('li.item > a')].map((a) =>
        (a.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
          .join(' '),
      );
      return (JSON.parse(wanted) as string[]).every((title) => names.some((n) => n === title));
    },
    JSON.stringify(expected),
  );
  const names = (await popup.entries()).map((e) => e.name);
  await popup.page.close();
  return names;
}

/** The text of the Feeds section's status line and subscription list. */
const feedsText = (page: Page) => page.$eval('#feeds', (el) => (el.textContent ?? '').replace(/\s+/g, ' '));

describe.each<BrowserName>(['chromium', 'firefox'])('feeds in %s', (name) => {
  let ext: ExtensionBrowser;
  let feeds: FeedServer;

  beforeAll(async () => {
    feeds = await startFeedServer();
    ext = await launchWithExtension(name);
  });
  afterAll(async () => {
    await ext?.close();
    feeds?.server.closeAllConnections();
    await new Promise((resolve) => feeds?.server.close(resolve));
  });

  it('subscribes by address, refreshes now with a new item, then gets 304 for the unchanged feed', async () => {
    expect(UTF8_TITLES).toHaveLength(3);
    const options = await ext.openExtensionPage('/options.html', '#feeds');
    await typeInto(options, 'textbox', 'Feed address', `${feeds.origin}/zh.xml`);
    await clickControl(options, 'button', 'Subscribe');
    await pollPage(
      options,
      () => document.querySelector('#feeds [role=status]')?.textContent?.includes('3 new articles from') === true,
    );
    expect(await feedsText(options)).toContain('3 new articles from “半岛新闻 · 中文”.');
    expect(await feedsText(options)).toContain('3 new items at the last check.');

    const listed = await popupTitles(ext, UTF8_TITLES);
    for (const title of UTF8_TITLES) expect(listed.filter((n) => n === title)).toHaveLength(1);
    expect(listed.includes(NEW_TITLE)).toBe(false);

    // The served feed gains an item; "Refresh now" brings it in.
    feeds.state.added = true;
    await clickControl(options, 'button', 'Refresh now');
    await pollPage(
      options,
      () => document.querySelector('#feeds')?.textContent?.includes('1 new item at the last check.') === true,
    );
    const zh = () => feeds.log.filter((r) => r.path === '/zh.xml');
    expect(zh().map((r) => r.status)).toEqual([200, 200]);
    expect(zh()[1]?.headers['if-none-match']).toBe('"zh-1"');
    expect(await popupTitles(ext, [...UTF8_TITLES, NEW_TITLE])).toContain(NEW_TITLE);

    // Unchanged since: the conditional refresh is answered 304 and nothing new arrives.
    await clickControl(options, 'button', 'Refresh now');
    await pollPage(
      options,
      () => document.querySelector('#feeds')?.textContent?.includes('0 new items at the last check.') === true,
    );
    expect(zh().map((r) => r.status)).toEqual([200, 200, 304]);
    expect(zh()[2]?.headers['if-none-match']).toBe('"zh-2"');
    const after = await popupTitles(ext, [...UTF8_TITLES, NEW_TITLE]);
    expect(after.filter((n) => n === NEW_TITLE)).toHaveLength(1);
    await options.close();
  });

  it('reads a GBK feed (declared in its XML) with the exact Chinese titles', async () => {
    expect(GBK_TITLES).toEqual(['长江流域迎来强降雨 多地启动防汛应急响应']);
    const options = await ext.openExtensionPage('/options.html', '#feeds');
    await typeInto(options, 'textbox', 'Feed address', `${feeds.origin}/gbk.xml`);
    await clickControl(options, 'button', 'Subscribe');
    await pollPage(
      options,
      () => document.querySelector('#feeds [role=status]')?.textContent?.includes('1 new article from') === true,
    );
    expect(await feedsText(options)).toContain('1 new article from “新浪新闻·国内”.');
    const listed = await popupTitles(ext, GBK_TITLES);
    expect(listed.filter((n) => n === GBK_TITLES[0])).toHaveLength(1);
    expect(feeds.log.filter((r) => r.path === '/gbk.xml').map((r) => r.status)).toEqual([200]);
    await options.close();
  });

  // Goes on from the two tests above: both feeds are subscribed and their articles stored.
  it('filters the popup by feed and by unread; opening an article reads it; a feed is marked all read', async () => {
    /** A fresh popup with its filters open, filtered to the feed whose menu entry starts with `feed`. */
    const filtered = async (feed: string, read: 'all' | 'unread') => {
      const popup = await PopupPage.open(ext);
      await clickControl(popup.page, 'button', 'Filter and sort');
      const menu = await control(popup.page, 'combobox', 'Feed');
      const value = await popup.page.waitForFunction(
        (s: string, f: string) =>
          [...(document.querySelector<HTMLSelectElement>(s)?.options ?? [])].find((o) => o.text.startsWith(`${f} (`))
            ?.value ?? false,
        { polling: 100, timeout: 15_000 },
        menu,
        feed,
      );
      await chooseOption(popup.page, 'Feed', String(await value.jsonValue()));
      await chooseOption(popup.page, 'Read', read);
      return popup;
    };
    const listed = async (popup: PopupPage, titles: readonly string[]) => {
      if (titles.length === 0) {
        await pollPage(
          popup.page,
          () => document.body.textContent?.includes('No articles match these filters.') === true,
        );
        return [];
      }
      await popup.waitForEntries(titles.length);
      return popup.entries();
    };

    const gbk = await filtered('新浪新闻·国内', 'unread');
    const unread = await listed(gbk, GBK_TITLES);
    expect(unread.map((e) => e.name)).toEqual(GBK_TITLES);
    await gbk.page.close();
    // Reading it in the reader marks it read.
    const { pathname, search } = new URL(unread[0]?.href ?? '');
    const reader = await ext.openExtensionPage(pathname + search, 'article .g-body');
    await reader.close();
    const again = await filtered('新浪新闻·国内', 'unread');
    expect(await listed(again, [])).toEqual([]);
    await again.page.close();

    // The other feed: its four unread articles, then all marked read at once.
    const zh = await filtered('半岛新闻 · 中文', 'unread');
    expect((await listed(zh, [...UTF8_TITLES, NEW_TITLE])).map((e) => e.name).sort()).toEqual(
      [...UTF8_TITLES, NEW_TITLE].sort(),
    );
    await clickControl(zh.page, 'button', 'Mark 4 unread articles of “半岛新闻 · 中文” as read');
    expect(await listed(zh, [])).toEqual([]);
    await zh.page.close();
  });

  // Goes on from the tests above: both feeds are subscribed and their articles stored.
  it('round-trips the subscriptions through OPML: export, unsubscribe keeping articles, import', async () => {
    const options = await ext.openExtensionPage('/options.html', '#feeds');
    await pollPage(options, () => document.querySelectorAll('#feeds li.feed').length === 2);
    // The download's Blob is kept for the test; the anchor's click (the download itself) is not needed.
    await options.evaluate(() => {
      const kept: Blob[] = [];
      (window as unknown as { keptBlobs: Blob[] }).keptBlobs = kept;
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        kept.push(blob);
        return create(blob);
      };
      HTMLAnchorElement.prototype.click = () => undefined;
    });
    await clickControl(options, 'button', 'Export OPML');
    const opml = await options.evaluate(() => (window as unknown as { keptBlobs: Blob[] }).keptBlobs[0]?.text() ?? '');
    expect(opml).toContain(`xmlUrl="${feeds.origin}/zh.xml"`);
    expect(opml).toContain(`xmlUrl="${feeds.origin}/gbk.xml"`);
    expect(opml).toContain('title="半岛新闻 · 中文"');

    for (const remaining of [1, 0]) {
      await clickControl(options, 'button', 'Unsubscribe');
      await clickControl(options, 'button', 'Unsubscribe, keep articles');
      await pollPage(
        options,
        (n: string) => document.querySelectorAll('#feeds li.feed').length === Number(n),
        String(remaining),
      );
    }
    expect(await feedsText(options)).toContain('No subscriptions yet.');
    // Kept: the articles stay in the library.
    await popupTitles(ext, [...UTF8_TITLES, NEW_TITLE, ...GBK_TITLES]);

    // The exported file, chosen in the import field (a change event with the file, as a pick sends).
    await options.$eval(
      '#feeds input[type=file]',
      (input, text) => {
        const files = new DataTransfer();
        files.items.add(new File([text], 'glossa-feeds.opml', { type: 'text/x-opml' }));
        (input as HTMLInputElement).files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      opml,
    );
    await pollPage(
      options,
      () => document.querySelector('#feeds [role=status]')?.textContent?.includes('2 feeds subscribed') === true,
    );
    expect(await feedsText(options)).toContain('2 feeds subscribed from the file; 0 could not be read.');
    expect(await options.$$eval('#feeds li.feed h3', (hs) => hs.map((h) => h.textContent).sort())).toEqual(
      ['半岛新闻 · 中文', '新浪新闻·国内'].sort(),
    );
    await options.close();
  });
});
