/**
 * "Fetch full text" in real browsers (issue 17 item 3), against a server on 127.0.0.1 serving a
 * summary-only Chinese RSS feed whose items link to Chinese article pages on the same server
 * (GBK, declared only in a <meta> tag, as many Chinese sites still do): subscribed in Options →
 * Feeds, an item opens in the reader with only its summary; "Fetch full text" replaces the body
 * with the page's paragraphs, exactly; an item whose page answers 404 says so and keeps its
 * summary; and with "Fetch full text of new entries" on, a new item arrives with its full text
 * on "Refresh now". The background fetches without cookies or referrer (Chrome: extraction in
 * the offscreen document; Firefox: in its background page).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGbk } from '../support/gbk';
import { ZH_PARAGRAPHS, zhArticlePage } from '../support/zh-article';
import { type BrowserName, type ExtensionBrowser, launchWithExtension, pollPage } from './support/browsers';
import { clickControl, typeInto } from './support/controls';
import { PopupPage } from './support/pages';

const FEED_TITLE = '长江日报 · 摘要';
const ITEMS = {
  flood: { title: '长江流域迎来强降雨', path: '/news/flood.html', summary: '据中央气象台消息，长江中下游出现强降雨。' },
  missing: { title: '已删除的旧闻', path: '/news/missing.html', summary: '这条新闻的网页已经不在了。' },
  later: { title: '防汛应急响应继续', path: '/news/later.html', summary: '水利部继续维持四级应急响应。' },
} as const;
type ItemKey = keyof typeof ITEMS;

interface Site {
  origin: string;
  log: { path: string; headers: IncomingHttpHeaders }[];
  state: { items: ItemKey[] };
  server: Server;
}

const rssItem = (origin: string, key: ItemKey) => {
  const { title, path, summary } = ITEMS[key];
  return `<item><title>${title}</title><link>${origin}${path}</link><guid isPermaLink="false">${key}</guid>
<description>&lt;p&gt;${summary}&lt;/p&gt;</description></item>`;
};

/** The feed (its items as `state` says) and the article pages (GBK; missing.html answers 404). */
async function startSite(): Promise<Site> {
  const log: Site['log'] = [];
  const state: Site['state'] = { items: ['flood', 'missing'] };
  const server = createServer((req, res) => {
    log.push({ path: req.url ?? '', headers: req.headers });
    const origin = `http://${req.headers.host}`;
    if (req.url === '/feed.xml') {
      const items = state.items.map((key) => rssItem(origin, key)).join('\n');
      const xml = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${FEED_TITLE}</title>
<link>${origin}/</link><description>摘要</description>${items}</channel></rss>`;
      return void res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(xml);
    }
    if (req.url === ITEMS.flood.path || req.url === ITEMS.later.path) {
      return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(encodeGbk(zhArticlePage('gbk')));
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, log, state, server };
}

/** The reader page of the article the popup lists as `title` (its path: `/reader.html?id=…`). */
async function openInReader(ext: ExtensionBrowser, title: string): Promise<Page> {
  const popup = await PopupPage.open(ext);
  await pollPage(
    popup.page,
    (name: string) =>
      [...document.querySelectorAll('li.item > a')].some((a) =>
        (a.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .some((id) => document.getElementById(id)?.textContent?.trim() === name),
      ),
    title,
  );
  const entry = (await popup.entries()).find((e) => e.name === title);
  await popup.page.close();
  expect(entry, title).toBeDefined();
  const href = new URL(entry?.href ?? '');
  return ext.openExtensionPage(href.pathname + href.search, 'article .g-body');
}

/** The text of each paragraph of the reader's body. */
const paragraphs = (page: Page) =>
  page.$$eval('article .g-body p', (ps) => ps.map((p) => (p.textContent ?? '').trim()).filter((t) => t !== ''));

/** The text of the full-text status line. */
const statusText = (page: Page) => page.$eval('.g-full-text output', (o) => (o.textContent ?? '').trim());

describe.each<BrowserName>(['chromium', 'firefox'])('fetch full text in %s', (name) => {
  let ext: ExtensionBrowser;
  let site: Site;

  beforeAll(async () => {
    site = await startSite();
    ext = await launchWithExtension(name);
  });
  afterAll(async () => {
    await ext?.close();
    site?.server.closeAllConnections();
    await new Promise((resolve) => site?.server.close(resolve));
  });

  it('replaces a summary-only entry’s body with its page’s article; a 404 page is named', async () => {
    const options = await ext.openExtensionPage('/options.html', '#feeds');
    await typeInto(options, 'textbox', 'Feed address', `${site.origin}/feed.xml`);
    await clickControl(options, 'button', 'Subscribe');
    await pollPage(
      options,
      () => document.querySelector('#feeds [role=status]')?.textContent?.includes('2 new articles from') === true,
    );
    await options.close();

    const reader = await openInReader(ext, ITEMS.flood.title);
    expect(await paragraphs(reader)).toEqual([ITEMS.flood.summary]);
    await clickControl(reader, 'button', 'Fetch full text');
    await pollPage(
      reader,
      (last: string) => [...document.querySelectorAll('article .g-body p')].some((p) => p.textContent?.trim() === last),
      ZH_PARAGRAPHS.at(-1),
    );
    expect(await paragraphs(reader)).toEqual([...ZH_PARAGRAPHS]);
    expect(await statusText(reader)).toBe('Full text fetched.');
    // The page's chrome stayed out; the page was fetched without cookies or referrer.
    expect(await reader.$eval('article .g-body', (b) => b.textContent ?? '')).not.toContain('首页');
    const fetched = site.log.filter((r) => r.path === ITEMS.flood.path);
    expect(fetched).toHaveLength(1);
    expect(fetched[0]?.headers.referer).toBeUndefined();
    expect(fetched[0]?.headers.cookie).toBeUndefined();
    await reader.close();

    const missing = await openInReader(ext, ITEMS.missing.title);
    await clickControl(missing, 'button', 'Fetch full text');
    await pollPage(missing, () => document.querySelector('.g-full-text output')?.textContent?.includes('404') === true);
    expect(await statusText(missing)).toBe('Could not fetch the full text: the page answered HTTP 404.');
    expect(await paragraphs(missing)).toEqual([ITEMS.missing.summary]);
    await missing.close();
  });

  // Goes on from the test above: the feed is subscribed.
  it('with “Fetch full text of new entries” on, a new entry arrives with its full text', async () => {
    const options = await ext.openExtensionPage('/options.html', '#feeds');
    await clickControl(options, 'checkbox', 'Fetch full text of new entries');
    await pollPage(
      options,
      () => document.querySelector<HTMLInputElement>('#feeds li.feed input[type=checkbox]')?.checked === true,
    );
    site.state.items = ['later', 'flood', 'missing'];
    await clickControl(options, 'button', 'Refresh now');
    await pollPage(
      options,
      () => document.querySelector('#feeds')?.textContent?.includes('1 new item at the last check.') === true,
    );
    await options.close();
    // Only the new entry's page was fetched by the refresh (the old ones keep what they have).
    expect(site.log.filter((r) => r.path === ITEMS.later.path)).toHaveLength(1);
    expect(site.log.filter((r) => r.path === ITEMS.missing.path)).toHaveLength(1);

    const reader = await openInReader(ext, ITEMS.later.title);
    expect(await paragraphs(reader)).toEqual([...ZH_PARAGRAPHS]);
    await reader.close();
  });
});
