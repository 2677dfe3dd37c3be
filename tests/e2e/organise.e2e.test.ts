/**
 * Organising the library from the popup, end to end in real browsers: tag the seed article
 * (typed in Chinese) and filter by the tag, by source category and by archive state; delete
 * it with its highlight and undo; and the options page, reached from the popup, changes how
 * the reader page sets the text.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pressShortcut, selectText, waitForDrawn } from './support/annotations';
import { type BrowserName, type ExtensionBrowser, launchWithExtension, waitForTab } from './support/browsers';
import { chooseOption, clickControl, control, typeInto } from './support/controls';
import { readStore } from './support/extension-db';
import { firstArticlePath, PopupPage, screenshot } from './support/pages';

const SEED_TITLE = '华盛顿与基辅就莫斯科危机进行磋商并指责俄罗斯继续向乌克兰军事集结';
const ORGANISE = `Organise “${SEED_TITLE}”`;
const TAG = '俄乌局势';

/** Text of the popup's count line. */
const countLine = (page: Page) => page.$eval('p.count', (p) => (p.textContent ?? '').trim());

describe.each<BrowserName>(['chromium', 'firefox'])('organising the library in %s', (name) => {
  let ext: ExtensionBrowser;
  let readerPath = '';

  beforeAll(async () => {
    ext = await launchWithExtension(name);
    readerPath = await firstArticlePath(ext);
  });
  afterAll(async () => {
    await ext?.close();
  });

  async function openPopup(): Promise<Page> {
    const popup = await PopupPage.open(ext);
    await popup.waitForEntries(1);
    return popup.page;
  }

  it('tags the seed in Chinese and filters by tag, source category and archive state', async () => {
    const page = await openPopup();
    await clickControl(page, 'button', ORGANISE);
    await typeInto(page, 'combobox', 'New tag', TAG);
    await page.keyboard.press('Enter');
    await control(page, 'button', `Remove tag “${TAG}”`);
    await page.waitForFunction(
      (tag: string) => document.querySelector('li.item .meta')?.textContent?.includes(`#${tag}`),
      { polling: 100, timeout: 10_000 },
      TAG,
    );
    const [stored] = await readStore<{ tags: string[] }>(page, 'articles');
    expect(stored?.tags).toEqual([TAG]);

    await clickControl(page, 'button', 'Filter and sort');
    await chooseOption(page, 'Tag', TAG);
    await page.waitForFunction(() => document.querySelector('p.count')?.textContent?.includes('1 of 1'), {
      polling: 100,
    });
    expect(await page.$$eval('li.item', (li) => li.length)).toBe(1);
    await chooseOption(page, 'Source category', 'Aljazeera 半岛网');
    expect(await countLine(page)).toBe('1 of 1 article');
    await chooseOption(page, 'Status', 'archived');
    await page.waitForFunction(() => document.body.textContent?.includes('No articles match these filters.'), {
      polling: 100,
    });
    expect(await page.$$eval('li.item', (li) => li.length)).toBe(0);
    await clickControl(page, 'button', 'Clear filters');
    await page.waitForFunction(() => document.querySelectorAll('li.item').length === 1, { polling: 100 });
    await page.close();
  });

  it('archives and unarchives the seed', async () => {
    const page = await openPopup();
    await clickControl(page, 'button', ORGANISE);
    await clickControl(page, 'button', 'Archive');
    await page.waitForFunction(() => document.querySelector('li.item .meta')?.textContent?.includes('Archived'), {
      polling: 100,
    });
    expect((await readStore<{ archived: boolean }>(page, 'articles'))[0]?.archived).toBe(true);
    await clickControl(page, 'button', 'Unarchive');
    await page.waitForFunction(() => !document.querySelector('li.item .meta')?.textContent?.includes('Archived'), {
      polling: 100,
    });
    expect((await readStore<{ archived: boolean }>(page, 'articles'))[0]?.archived).toBe(false);
    await page.close();
  });

  it('deletes the seed with its highlight, and Undo brings both back', async () => {
    const reader = await ext.openExtensionPage(readerPath, 'article .g-body .g-para-btn');
    expect(await selectText(reader, 'article .g-body', '停火线过境点')).toBe(true);
    await pressShortcut(reader, 'KeyH');
    expect((await waitForDrawn(reader, (d) => d.length === 1)).map((d) => d.text)).toEqual(['停火线过境点']);
    // Drawn comes before stored: closing the page before its write commits would abort it.
    const until = Date.now() + 30_000;
    while (!(await readStore<{ deleted: boolean }>(reader, 'highlights')).some((h) => !h.deleted)) {
      if (Date.now() > until) throw new Error('the highlight was drawn but never stored');
      await new Promise((r) => setTimeout(r, 100));
    }
    await reader.close();

    const page = await openPopup();
    await clickControl(page, 'button', ORGANISE);
    await clickControl(page, 'button', 'Delete article');
    await page.waitForFunction(() => document.body.textContent?.includes('No saved articles yet.'), { polling: 100 });
    const notice = await page.$eval('.undo-region', (r) => (r.textContent ?? '').trim());
    expect(notice).toContain(`Deleted “${SEED_TITLE}” and its highlight.`);
    expect(await readStore(page, 'articles')).toEqual([]);
    const tombstoned = await readStore<{ deleted: boolean }>(page, 'highlights');
    expect(tombstoned.map((h) => h.deleted)).toEqual([true]);

    await clickControl(page, 'button', 'Undo');
    await page.waitForFunction(() => document.querySelectorAll('li.item').length === 1, {
      polling: 100,
      timeout: 10_000,
    });
    expect(await page.$$eval('li.item .title', (t) => t.map((e) => e.textContent))).toEqual([SEED_TITLE]);
    expect((await readStore<{ deleted: boolean }>(page, 'highlights')).map((h) => h.deleted)).toEqual([false]);
    await page.close();

    const again = await ext.openExtensionPage(readerPath, 'article .g-body .g-para-btn');
    expect((await waitForDrawn(again, (d) => d.length === 1)).map((d) => d.text)).toEqual(['停火线过境点']);
    await again.close();
  });

  it('opens the options page from the popup; its settings change the reader page', async () => {
    const page = await openPopup();
    await clickControl(page, 'button', 'Settings');
    const options = await waitForTab(ext.browser, '/options.html');
    await options.waitForSelector('main h2', { timeout: 30_000 });
    await chooseOption(options, 'Font', 'sans');
    await chooseOption(options, 'Text width', 'wide');
    await clickControl(options, 'radio', 'Sepia');
    await control(options, 'radio', 'Green');
    await clickControl(options, 'radio', 'Green');
    await options.waitForFunction(() => document.querySelector('.status')?.textContent === 'Saved.', { polling: 100 });
    await options.setViewport({ width: 1000, height: 800 });
    await screenshot(options, `${name}-options`);
    // The shortcut table shows the keys the browser really assigned (commands.e2e.test.ts).
    await options.waitForFunction(
      () => document.querySelector('table.shortcuts tbody td')?.textContent === 'Alt+Shift+G',
      { polling: 100, timeout: 10_000 },
    );
    const keys = await options.$$eval('table.shortcuts tbody tr td:first-child', (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(keys.slice(1, 4)).toEqual(['Alt+Shift+S', 'Alt+Shift+H', 'Alt+Shift+A']);

    const reader = await ext.openExtensionPage(readerPath, 'article .g-body');
    const look = await reader.evaluate(() => {
      const root = document.querySelector('.glossa-reader') as HTMLElement;
      const article = root.querySelector('article') as HTMLElement;
      return {
        theme: root.dataset.theme,
        font: root.dataset.font,
        widthScale: root.style.getPropertyValue('--g-width-scale'),
        maxWidth: getComputedStyle(article).maxWidth,
        fontSize: getComputedStyle(root).fontSize,
      };
    });
    expect(look).toMatchObject({ theme: 'sepia', font: 'sans', widthScale: '1.3' });
    // 38em of CJK measure × 1.3 at the default 18 px.
    expect(Number.parseFloat(look.maxWidth)).toBeCloseTo(38 * 1.3 * 18, 0);

    // A change on the options page reaches an open reader page at once.
    await chooseOption(options, 'Font', 'serif');
    await reader.waitForFunction(
      () => document.querySelector<HTMLElement>('.glossa-reader')?.dataset.font === 'serif',
      { polling: 100, timeout: 10_000 },
    );
    await reader.close();
    await options.close();
  });
});
