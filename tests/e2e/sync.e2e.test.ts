/**
 * Sync end to end: two real Chromium profiles ("devices") with Glossa installed and one real
 * CouchDB-protocol server (pouchdb-server on 127.0.0.1). A highlight made in A appears in B; a
 * note added in B comes back to A's open reader page without a reload. In each browser, two
 * reader tabs of one article update each other live. The pictures of a page saved in A travel as
 * CouchDB attachments and show in B while the page's site is offline.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CouchServer, startCouchServer } from '../../scripts/couch-server.mjs';
import { solidPng } from '../../scripts/png.mjs';
import { serve, startImageServer } from '../support/image-server';
import { panelEntries, pressButton, selectText, waitForDrawn } from './support/annotations';
import { type BrowserName, type ExtensionBrowser, launchWithExtension, pollPage } from './support/browsers';
import { typeInto } from './support/controls';
import { readStore } from './support/extension-db';
import { ExtensionProbe, WebPage } from './support/live-web';
import { firstArticlePath, PopupPage } from './support/pages';
import { enableSync, syncNow } from './support/sync';

const PHRASE = '停火线过境点';
const PICTURES_TITLE = '港口的三张照片';

/** An article page on the test site with three pictures on the same site. */
function picturePage(origin: string): string {
  const prose =
    '<p>港口清晨的渔船陆续归来，码头上的工人开始卸货，空气里弥漫着海水和柴油的味道。这是一段足够长的正文，' +
    '让阅读模式把它当作文章而不是导航或页脚，也让每张照片之间都有文字相隔。</p>';
  const figure = (n: number) => `<figure><img src="${origin}/img/${n}.png" alt="照片 ${n}"></figure>`;
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${PICTURES_TITLE}</title></head><body>` +
    `<main><article><h1>${PICTURES_TITLE}</h1>${prose.repeat(3)}${figure(1)}${prose.repeat(2)}${figure(2)}` +
    `${prose.repeat(2)}${figure(3)}${prose.repeat(2)}</article></main></body></html>`
  );
}
const OTHER = '拜登和泽连斯基在电话交谈中';

async function openReader(ext: ExtensionBrowser, path: string): Promise<Page> {
  const page = await ext.openExtensionPage(path, 'article .g-body .g-para-btn');
  await page.setViewport({ width: 1000, height: 900 });
  return page;
}

describe.each<BrowserName>(['chromium', 'firefox'])('live across tabs in %s', (name) => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchWithExtension(name);
  });
  afterAll(async () => ext?.close());

  it('two reader tabs of one article stay identical while either is edited', async () => {
    const path = await firstArticlePath(ext);
    const first = await openReader(ext, path);
    const second = await openReader(ext, path);
    await first.bringToFront();
    expect(await selectText(first, 'article .g-body', OTHER)).toBe(true);
    expect(await pressButton(first, 'Highlight in Pink', '[role=toolbar]')).toBe(true);
    expect(await waitForDrawn(second, (d) => d.length === 1)).toEqual([{ color: 'pink', text: OTHER }]);
    // Edit in the second tab: the first follows.
    await second.bringToFront();
    expect(await pressButton(second, 'Add note', 'aside.g-panel')).toBe(true);
    await typeInto(second, 'textbox', 'Note', '两个标签页');
    expect(await pressButton(second, 'Save note', '[role=dialog]')).toBe(true);
    await first.waitForFunction(
      () => document.querySelector('aside.g-panel .g-note-text')?.textContent === '两个标签页',
      { polling: 100, timeout: 15_000 },
    );
    expect(await panelEntries(first)).toEqual(await panelEntries(second));
    await first.close();
    await second.close();
  });
});

describe('sync between two Chromium profiles through a CouchDB-protocol server', () => {
  let server: CouchServer;
  let a: ExtensionBrowser;
  let b: ExtensionBrowser;
  let optionsA: Page;
  let optionsB: Page;
  beforeAll(async () => {
    server = await startCouchServer();
    a = await launchWithExtension('chromium');
    b = await launchWithExtension('chromium');
    optionsA = await enableSync(a, server.url, 'e2e');
    optionsB = await enableSync(b, server.url, 'e2e');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.stop();
  });

  it('a highlight made in A appears in B; a note edited in B comes back to A’s open page', async () => {
    const path = await firstArticlePath(a);
    const readerA = await openReader(a, path);
    expect(await selectText(readerA, 'article .g-body', PHRASE)).toBe(true);
    expect(await pressButton(readerA, 'Highlight in Blue', '[role=toolbar]')).toBe(true);
    await waitForDrawn(readerA, (d) => d.length === 1);

    await optionsA.bringToFront();
    await syncNow(optionsA);
    await optionsB.bringToFront();
    await syncNow(optionsB);
    const readerB = await openReader(b, await firstArticlePath(b));
    expect(await waitForDrawn(readerB, (d) => d.length === 1)).toEqual([{ color: 'blue', text: PHRASE }]);

    expect(await pressButton(readerB, 'Add note', 'aside.g-panel')).toBe(true);
    await typeInto(readerB, 'textbox', 'Note', '从 B 同步回来');
    expect(await pressButton(readerB, 'Save note', '[role=dialog]')).toBe(true);
    await readerB.waitForFunction(
      () => document.querySelector('aside.g-panel .g-note-text')?.textContent === '从 B 同步回来',
      { polling: 100 },
    );
    await optionsB.bringToFront();
    await syncNow(optionsB);
    await optionsA.bringToFront();
    await syncNow(optionsA);
    // A's reader page was open all along: the pulled note reaches it without a reload.
    await readerA.waitForFunction(
      () => document.querySelector('aside.g-panel .g-note-text')?.textContent === '从 B 同步回来',
      { polling: 100, timeout: 15_000 },
    );
    expect(await waitForDrawn(readerA, (d) => d.length === 1)).toEqual([{ color: 'blue', text: PHRASE }]);

    // The popup shows the sync state in words.
    const popup = await PopupPage.open(a);
    await popup.page.waitForFunction(() => /^Synced /.test(document.querySelector('.sync-line')?.textContent ?? ''), {
      polling: 100,
      timeout: 10_000,
    });
    await popup.page.close();
  });

  it('the pictures of a page saved in A reach B as attachments: B shows them with their site offline', async () => {
    const site = await startImageServer();
    site.route('/harbour.html', serve(picturePage(site.origin), 'text/html; charset=utf-8'));
    for (const [i, width] of [300, 340, 380].entries()) {
      site.route(`/img/${i + 1}.png`, serve(solidPng(width, 200, [40 * i, 120, 200]), 'image/png'));
    }
    const probe = await ExtensionProbe.open(a);
    const page = await a.browser.newPage();
    await page.goto(`${site.origin}/harbour.html`, { waitUntil: 'domcontentloaded' });
    const web = new WebPage(page);
    await web.waitForControl();
    await probe.toggleReadingView(await probe.tabId(`${site.origin}/harbour.html`));
    await web.waitForReadingView(true);
    await web.readingFrame();
    await page.keyboard.press('Enter');
    // A's background stores the three pictures and the thumbnail.
    const stored = async () => {
      const maps = await readStore<{ entries: { hash?: string }[]; thumb: string | null }>(probe.page, 'imageMaps');
      return maps.some((m) => m.entries.length === 3 && m.entries.every((e) => e.hash) && m.thumb);
    };
    const until = Date.now() + 30_000;
    while (!(await stored()) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    expect(await stored(), JSON.stringify(await readStore(probe.page, 'imageMaps'))).toBe(true);
    await page.close();
    await probe.page.close();

    await optionsA.bringToFront();
    await syncNow(optionsA);
    // The site is gone before B ever hears of the article: B has only the server.
    await site.stop();
    await optionsB.bringToFront();
    await syncNow(optionsB);

    const popup = await PopupPage.open(b);
    await pollPage(popup.page, () =>
      [...document.querySelectorAll<HTMLImageElement>('img.thumb')].some((i) => i.naturalWidth > 0),
    );
    const entry = (await popup.entries()).find((e) => e.name === PICTURES_TITLE);
    await popup.page.close();
    const url = new URL(entry?.href ?? '');
    const reader = await b.openExtensionPage(url.pathname + url.search, 'article .g-body');
    await pollPage(reader, () => {
      const imgs = [...document.querySelectorAll<HTMLImageElement>('article .g-body img')];
      return imgs.length === 3 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    });
    const shown = await reader.evaluate(() =>
      [...document.querySelectorAll<HTMLImageElement>('article .g-body img')].map((i) => [
        i.src.slice(0, 5),
        i.naturalWidth,
      ]),
    );
    expect(shown).toEqual([
      ['blob:', 300],
      ['blob:', 340],
      ['blob:', 380],
    ]);
    await reader.close();
  });
});
