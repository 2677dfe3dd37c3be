/**
 * The README's screenshots, taken from the product as it is now (issue 19), in headless Chromium:
 * the popup with its search box and filters, the reader with a highlight, a note and the side
 * panel, the reading view over a live page, and the options page. Each state is checked before it
 * is shot. They land in tests/artifacts/docs-*.png; `npm run screenshots` copies them to docs/.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../scripts/static-server.mjs';
import { pressButton, selectText, waitForDrawn } from './support/annotations';
import { type ExtensionBrowser, launchWithExtension } from './support/browsers';
import { clickControl, control, typeInto } from './support/controls';
import { ExtensionProbe, serveTestPages, WebPage } from './support/live-web';
import { firstArticlePath, PopupPage, screenshot } from './support/pages';

const PHRASE = '停火线过境点';

describe('documentation screenshots (Chromium)', () => {
  let ext: ExtensionBrowser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveTestPages();
    ext = await launchWithExtension('chromium');
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('the reader with a highlight, its note and the side panel', async () => {
    const page = await ext.openExtensionPage(await firstArticlePath(ext), 'article .g-body .g-para-btn');
    await page.setViewport({ width: 1200, height: 800 });
    expect(await selectText(page, 'article .g-body', PHRASE)).toBe(true);
    expect(await pressButton(page, 'Highlight in Yellow', '[role=toolbar]')).toBe(true);
    expect(await waitForDrawn(page, (d) => d.length === 1)).toEqual([{ color: 'yellow', text: PHRASE }]);
    expect(await pressButton(page, 'Add note', 'aside.g-panel')).toBe(true);
    await typeInto(page, 'textbox', 'Note', '过境点 **重开**：和谈的第一步');
    expect(await pressButton(page, 'Save note', '[role=dialog]')).toBe(true);
    await page.waitForFunction(
      () => document.querySelector('aside.g-panel .g-note-text strong')?.textContent === '重开',
      { polling: 100 },
    );
    // The editor stays open after saving; close it so the highlight and the panel show.
    expect(await pressButton(page, 'Close', '[role=dialog]')).toBe(true);
    await page.waitForFunction(() => !document.querySelector('[role=dialog]'), { polling: 100 });
    await scrollIntoCentre(page, 'article .g-body');
    await settle(page);
    await screenshot(page, 'docs-reader');
    await page.close();
  });

  it('the popup with its search box and filters open', async () => {
    const popup = await PopupPage.open(ext);
    await popup.waitForEntries(1);
    const page = popup.page;
    await page.setViewport({ width: 400, height: 600 });
    await control(page, 'searchbox', 'Search your library');
    await clickControl(page, 'button', 'Filter and sort');
    await page.waitForSelector('#popup-controls', { visible: true });
    await settle(page);
    await screenshot(page, 'docs-popup');
    await page.close();
  });

  it('the reading view over a live page', async () => {
    const probe = await ExtensionProbe.open(ext);
    const page = await ext.browser.newPage();
    await page.setViewport({ width: 1200, height: 800 });
    await page.goto(`${server.url}/zh.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('glossa-page-control', { timeout: 30_000 });
    await probe.toggleReadingView(await probe.tabId(`${server.url}/zh.html`));
    const frame = await new WebPage(page).readingFrame();
    expect(await frame.evaluate(() => document.querySelector('article')?.textContent?.length ?? 0)).toBeGreaterThan(
      200,
    );
    await settle(page);
    await screenshot(page, 'docs-reading-view');
    await page.close();
    await probe.page.close();
  });

  it('the options page', async () => {
    const page = await ext.openExtensionPage('/options.html', 'main h1');
    await page.setViewport({ width: 1000, height: 800 });
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Glossa settings');
    await settle(page);
    await screenshot(page, 'docs-options');
    await page.close();
  });
});

/** Scrolls `selector`'s first highlight (or the element) to the middle of the view. */
async function scrollIntoCentre(page: Page, selector: string): Promise<void> {
  await page.$eval(selector, (el) => {
    const mark = [...CSS.highlights.values()].flatMap((h) => [...h])[0];
    const top = mark instanceof Range ? mark.getBoundingClientRect().top : el.getBoundingClientRect().top;
    window.scrollBy(0, top - window.innerHeight / 3);
  });
}

/** Two frames for layout, transitions and fonts to finish before a shot. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((r) =>
        document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
      ),
  );
}
