/**
 * Search from the popup, end to end in real browsers: Chinese words from the middle of the
 * seed's sentences (no spaces around them) are found as the reader types, the hit shows its
 * snippet with the words marked, and Enter opens the article in the reader page.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserName, type ExtensionBrowser, launchWithExtension, waitForTab } from './support/browsers';
import { control, typeInto } from './support/controls';
import { PopupPage, ReaderPage, screenshot } from './support/pages';

const SEED_TITLE = '华盛顿与基辅就莫斯科危机进行磋商并指责俄罗斯继续向乌克兰军事集结';

/** What the results list shows: each hit's title, snippet text and marked words. */
function hits(page: Page): Promise<{ title: string; snippet: string; marked: string[] }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('ul[aria-label="Search results"] li.hit')].map((li) => ({
      title: (li.querySelector('.title')?.textContent ?? '').trim(),
      snippet: (li.querySelector('.snippet')?.textContent ?? '').trim(),
      marked: [...li.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
    })),
  );
}

/** Types `query` into the emptied search box and waits for the results of exactly that query. */
async function search(page: Page, query: string): Promise<void> {
  const box = await control(page, 'searchbox', 'Search your library');
  await page.$eval(box, (input) => {
    (input as HTMLInputElement).select();
  });
  await page.keyboard.press('Backspace');
  await typeInto(page, 'searchbox', 'Search your library', query);
  await page.waitForFunction(
    (q: string) =>
      (document.querySelector('input[type=search]') as HTMLInputElement | null)?.value === q &&
      document.querySelector('.results')?.getAttribute('aria-busy') === 'false' &&
      // The results shown are this query's (not the previous one's, kept while it runs).
      document.querySelector('.results')?.getAttribute('data-query') === q &&
      document.querySelector('.results p.count, .results [role=alert]') !== null,
    { polling: 100, timeout: 15_000 },
    query,
  );
  // A failed search says why; report that rather than a timeout.
  const failure = await page.$eval('.results', (r) => r.querySelector('[role=alert]')?.textContent ?? null);
  if (failure) throw new Error(`Search failed in the popup: ${failure}`);
}

describe.each<BrowserName>(['chromium', 'firefox'])('search in %s', (name) => {
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    ext = await launchWithExtension(name);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('finds a Chinese word inside an unspaced sentence and marks it in the snippet', async () => {
    const popup = await PopupPage.open(ext);
    await popup.waitForEntries(1);
    const page = popup.page;
    // 停火线 sits mid-sentence in the body: “…开通顿巴斯地区停火线过境点等方面…”.
    await search(page, '停火线');
    const found = await hits(page);
    expect(found).toHaveLength(1);
    expect(found[0]?.title).toBe(SEED_TITLE);
    expect(found[0]?.snippet).toContain('停火线过境点');
    expect(found[0]?.marked).toEqual(['停火线']);
    expect(await page.$eval('.results p.count', (p) => p.textContent)).toBe('1 matching article');
    // The library list is replaced while a query is present.
    expect(await page.$('ul[aria-label="Saved articles"]')).toBeNull();
    await page.setViewport({ width: 380, height: 300 });
    await screenshot(page, `${name}-popup-search`);

    // 克罗地亚 is in the seed too (“…与克罗地亚总理…”); 火星探测 is in no article.
    await search(page, '克罗地亚');
    expect((await hits(page)).map((h) => h.marked)).toEqual([['克罗地亚']]);
    await search(page, '火星探测');
    expect(await hits(page)).toEqual([]);
    expect(await page.$eval('.results p.count', (p) => p.textContent)).toBe('No matches for “火星探测”.');
    await page.close();
  });

  it('opens the hit for 乌克兰 with Enter: the reader page shows the article', async () => {
    const popup = await PopupPage.open(ext);
    await popup.waitForEntries(1);
    const page = popup.page;
    await search(page, '乌克兰');
    const [hit] = await hits(page);
    expect(hit?.title).toBe(SEED_TITLE);
    expect(hit?.marked).toContain('乌克兰');
    // The popup closes itself as it opens the article: the key's release may find no page left.
    await page.keyboard.press('Enter').catch((error: unknown) => {
      if (!page.isClosed() && !String(error).includes('Target closed')) throw error;
    });
    const tab = await waitForTab(ext.browser, '/reader.html?id=');
    const reader = new ReaderPage(tab);
    await reader.ready();
    expect((await reader.facts()).title).toBe(SEED_TITLE);
    await tab.close();
  });
});
