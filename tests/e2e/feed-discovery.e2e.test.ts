/**
 * Subscribing from the current page in real browsers (issue 17, item 1), against a server on
 * 127.0.0.1: a Chinese blog post declares two feeds (one by a relative href, one GBK), plus an
 * alternate that is no feed and a `javascript:` one; the popup opened on that tab offers exactly
 * the two feeds, subscribes to one, says so in words and lists its Chinese articles; the side
 * panel on the same tab shows that feed as subscribed and subscribes to the other. A tab showing
 * a feed itself (an XML document; in Chromium also a feed shown as text) is offered as "Subscribe
 * to this address"; an XML file that is no feed is refused with the named error.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserName, type ExtensionBrowser, launchWithExtension, pollPage } from './support/browsers';
import { clickControl, control } from './support/controls';
import { ExtensionProbe } from './support/live-web';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/feeds');
const UTF8 = readFileSync(path.join(FIXTURES, 'rss2-zh-utf8.xml'));
const GBK = readFileSync(path.join(FIXTURES, 'rss2-zh-gbk.xml'));
const BIG5 = readFileSync(path.join(FIXTURES, 'rss2-zh-big5.xml'));
const ATOM = readFileSync(path.join(FIXTURES, 'atom.xml'));

/** Item titles of an RSS file as a reader sees them (decoded by Node, entities resolved). */
const itemTitles = (bytes: Uint8Array, encoding: string) =>
  [
    ...new TextDecoder(encoding).decode(bytes).matchAll(/<item>\s*<title>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?<\/title>/g),
  ].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
const UTF8_TITLES = itemTitles(UTF8, 'utf-8');
const GBK_TITLES = itemTitles(GBK, 'gbk');
const BIG5_TITLES = itemTitles(BIG5, 'big5');
const BIG5_FEED = /<channel>\s*<title>(.*?)<\/title>/.exec(new TextDecoder('big5').decode(BIG5))?.[1] ?? '';

/** The post: two feeds declared (relative and root-relative), and two alternates that are not. */
const POST = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>春节见闻</title>
<link rel="alternate" type="application/rss+xml" title="  半岛新闻 · 中文
  RSS " href="../feeds/zh.xml">
<link rel="alternate" hreflang="en" href="/en/post.html">
<link rel="alternate" type="application/rss+xml" title="Script" href="javascript:alert(1)">
<link rel="alternate" type="application/rss+xml" title="新浪新闻 GBK" href="/gbk.xml">
</head><body><h1>春节见闻</h1><p>今年春节，城里到处张灯结彩。</p></body></html>`;

const SITEMAP = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/</loc></url></urlset>`;

/** Every route: path → content type and body. */
const ROUTES: Record<string, [string, string | Uint8Array]> = {
  '/blog/2024/post.html': ['text/html; charset=utf-8', POST],
  '/blog/feeds/zh.xml': ['application/rss+xml; charset=utf-8', UTF8],
  '/gbk.xml': ['application/rss+xml', GBK],
  // Feeds shown in the tab itself, at addresses that do not look like feeds: only the document can tell.
  '/direct/news': ['text/xml', BIG5],
  '/direct/as-text': ['application/atom+xml', ATOM],
  '/sitemap': ['text/xml; charset=utf-8', SITEMAP],
};

async function startServer(): Promise<{ origin: string; requests: string[]; server: Server }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const route = ROUTES[req.url ?? ''];
    if (!route) return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'Content-Type': route[0], 'Cache-Control': 'no-store' }).end(route[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

/** The offers in "Feeds on this page": each feed's shown name and host, and its button's name or its state. */
async function offers(page: Page): Promise<{ name: string; host: string; action: string }[]> {
  const list = await control(page, 'list', 'Feeds on this page');
  return page.$$eval(`${list} > li`, (items) =>
    items.map((li) => ({
      name: li.querySelector('.page-feed-name > bdi:first-child')?.textContent ?? '',
      host: li.querySelector('.page-feed-host')?.textContent ?? '',
      action:
        li.querySelector('button')?.getAttribute('aria-label') ??
        li.querySelector('.page-feed-state')?.textContent ??
        '',
    })),
  );
}

/** Waits until the section's status line says `text` (a timeout names what it said instead). */
async function saysStatus(page: Page, text: string): Promise<void> {
  const said = () => page.$eval('.page-feeds [role=status]', (p) => p.textContent ?? '').catch(() => null);
  await expect.poll(said, { timeout: 30_000, interval: 100 }).toBe(text);
}

/** Waits until the popup's library list names every one of `titles` (exact names). */
async function listsArticles(popup: Page, titles: readonly string[]): Promise<void> {
  await pollPage(
    popup,
    (wanted: string) => {
      const names = [...document.querySelectorAll('li.item > a')].map((a) =>
        (a.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
          .join(' '),
      );
      return (JSON.parse(wanted) as string[]).every((title) => names.includes(title));
    },
    JSON.stringify(titles),
  );
}

describe.each<BrowserName>(['chromium', 'firefox'])('subscribing from the page in %s', (name) => {
  let ext: ExtensionBrowser;
  let site: Awaited<ReturnType<typeof startServer>>;
  let probe: ExtensionProbe;

  beforeAll(async () => {
    site = await startServer();
    ext = await launchWithExtension(name);
    probe = await ExtensionProbe.open(ext);
  });
  afterAll(async () => {
    await ext?.close();
    site?.server.closeAllConnections();
    await new Promise((resolve) => site?.server.close(resolve));
  });

  /** Opens `pathname` of the site in a tab and answers the page and its tab id. */
  async function visit(pathname: string): Promise<{ page: Page; tabId: number }> {
    const url = site.origin + pathname;
    const page = await ext.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return { page, tabId: await probe.tabId(url) };
  }

  it('offers the feeds a page declares in the popup, subscribes, and lists the Chinese articles', async () => {
    expect(UTF8_TITLES).toHaveLength(3);
    const { page, tabId } = await visit('/blog/2024/post.html');
    const popup = await ext.openExtensionPage(`/popup.html?tab=${tabId}`);
    // Each title the page chose is shown with the host the feed is really on.
    const host = new URL(site.origin).host;
    expect(await offers(popup)).toEqual([
      { name: '半岛新闻 · 中文 RSS', host, action: 'Subscribe to 半岛新闻 · 中文 RSS' },
      { name: '新浪新闻 GBK', host, action: 'Subscribe to 新浪新闻 GBK' },
    ]);
    // Asking read the page's links; nothing was fetched until the reader chose a feed.
    expect(site.requests.filter((r) => r.endsWith('.xml'))).toEqual([]);

    await clickControl(popup, 'button', 'Subscribe to 半岛新闻 · 中文 RSS');
    await saysStatus(popup, 'Subscribed to “半岛新闻 · 中文”: 3 new articles.');
    await listsArticles(popup, UTF8_TITLES);
    expect(await offers(popup)).toEqual([
      { name: '半岛新闻 · 中文 RSS', host, action: 'Subscribed' },
      { name: '新浪新闻 GBK', host, action: 'Subscribe to 新浪新闻 GBK' },
    ]);
    expect(site.requests.filter((r) => r.endsWith('.xml'))).toEqual(['/blog/feeds/zh.xml']);
    await popup.close();

    // The side panel on the same tab knows the first is subscribed, and subscribes to the other.
    const panel = await ext.openExtensionPage(`/sidepanel.html?tab=${tabId}`);
    await pollPage(panel, () => document.querySelector('.page-feeds li .page-feed-state') !== null);
    expect(await offers(panel)).toEqual([
      { name: '半岛新闻 · 中文 RSS', host, action: 'Subscribed' },
      { name: '新浪新闻 GBK', host, action: 'Subscribe to 新浪新闻 GBK' },
    ]);
    await clickControl(panel, 'button', 'Subscribe to 新浪新闻 GBK');
    await saysStatus(panel, 'Subscribed to “新浪新闻·国内”: 1 new article.');
    expect((await offers(panel)).map((o) => o.action)).toEqual(['Subscribed', 'Subscribed']);
    await panel.close();

    const library = await ext.openExtensionPage('/popup.html');
    await listsArticles(library, [...UTF8_TITLES, ...GBK_TITLES]);
    await library.close();
    await page.close();
  });

  it('offers a tab showing a feed as an XML document by its own address', async () => {
    expect(BIG5_TITLES).toHaveLength(1);
    const { page, tabId } = await visit('/direct/news');
    const popup = await ext.openExtensionPage(`/popup.html?tab=${tabId}`);
    expect(await offers(popup)).toEqual([
      { name: 'This page may be a feed itself.', host: new URL(site.origin).host, action: 'Subscribe to this address' },
    ]);
    await clickControl(popup, 'button', 'Subscribe to this address');
    await saysStatus(popup, `Subscribed to “${BIG5_FEED}”: 1 new article.`);
    await listsArticles(popup, BIG5_TITLES);
    await popup.close();
    await page.close();
  });

  it('refuses an XML file that is no feed, in words', async () => {
    const { page, tabId } = await visit('/sitemap');
    const popup = await ext.openExtensionPage(`/popup.html?tab=${tabId}`);
    await clickControl(popup, 'button', 'Subscribe to this address');
    await saysStatus(popup, 'Not subscribed: This address is not a feed (RSS, Atom or JSON Feed).');
    expect(await offers(popup)).toEqual([
      { name: 'This page may be a feed itself.', host: new URL(site.origin).host, action: 'Subscribe to this address' },
    ]);
    await popup.close();
    await page.close();
  });

  // Chromium shows a feed served as application/atom+xml (or rss+xml) as plain text; Firefox
  // downloads it instead, leaving no tab that shows it. So this case is Chromium's alone.
  if (name === 'chromium') {
    it('offers a feed Chromium shows as plain text, by its first bytes', async () => {
      const { page, tabId } = await visit('/direct/as-text');
      const popup = await ext.openExtensionPage(`/popup.html?tab=${tabId}`);
      await clickControl(popup, 'button', 'Subscribe to this address');
      await saysStatus(popup, 'Subscribed to “读书笔记”: 3 new articles.');
      await listsArticles(popup, ['《红楼梦》重读札记', '论散文的节奏', '只有摘要的条目']);
      await popup.close();
      await page.close();
    });
  }
});
