/**
 * Highlighting end to end in real browsers: a Chinese phrase of the seed highlighted in the
 * reader page, with a note, survives a reload; a whole paragraph takes a note; delete and undo;
 * a highlight made on a live served page appears on its stored copy; and when the served text
 * changes, the highlight re-anchors — or, when its words are gone, is drawn nowhere; and a
 * saved page that no longer reads as an article still gets its highlights drawn.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Highlight } from '../../lib/model';
import type { StaticServer } from '../../scripts/static-server.mjs';
import {
  clickHighlight,
  drawn,
  panelEntries,
  pressButton,
  pressShortcut,
  selectText,
  waitForDrawn,
} from './support/annotations';
import { type BrowserName, type ExtensionBrowser, launchWithExtension, reloadPage } from './support/browsers';
import { typeInto } from './support/controls';
import { extensionDb, readStore } from './support/extension-db';
import { ENGLISH, ExtensionProbe, serveTestPages, WebPage } from './support/live-web';
import { firstArticlePath, PopupPage } from './support/pages';

const PHRASE = '停火线过境点';
const LIVE_PHRASE = 'proof-of-concept code that exploits the vulnerability';
const LIVE_SENTENCE = 'A flaw in the wildly popular online game';
const STORED_PHRASE = 'Named Binary Tag';

describe.each<BrowserName>(['chromium', 'firefox'])('highlights in %s', (name) => {
  let ext: ExtensionBrowser;
  let server: StaticServer;
  let probe: ExtensionProbe;
  let readerPath = '';
  let liveSource = '';

  beforeAll(async () => {
    server = await serveTestPages();
    ext = await launchWithExtension(name);
    probe = await ExtensionProbe.open(ext);
    readerPath = await firstArticlePath(ext);
    liveSource = await (await fetch(server.url + ENGLISH.path)).text();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** The id of the article saved from `url`, waiting up to 15 s for the save to land. */
  async function savedArticleId(url: string): Promise<string> {
    for (let tries = 0; tries < 100; tries++) {
      const found = await extensionDb<{ id: string } | null>(probe.page, {
        store: 'articles',
        op: 'getByIndex',
        index: 'byUrl',
        key: url,
      });
      const id = found?.id ?? '';
      if (id) return id;
      await new Promise((r) => setTimeout(r, 150));
    }
    return '';
  }

  /** The stored colour and deleted flag of the seed's PHRASE highlight. */
  async function storedPhrase(page: Page): Promise<{ color: string; deleted: boolean } | null> {
    const all = await readStore<Highlight>(page, 'highlights');
    const h = all.find((x) => x.selectors.some((sel) => sel.type === 'TextQuoteSelector' && sel.exact === PHRASE));
    return h ? { color: h.color, deleted: h.deleted } : null;
  }

  async function openReader(path = readerPath): Promise<Page> {
    const page = await ext.openExtensionPage(path, 'article .g-body .g-para-btn');
    await page.setViewport({ width: 1000, height: 900 });
    return page;
  }

  it('highlights a Chinese phrase of the seed in a colour, adds a note, and keeps both across a reload', async () => {
    const page = await openReader();
    expect(await selectText(page, 'article .g-body', PHRASE)).toBe(true);
    expect(await pressButton(page, 'Highlight in Blue', '[role=toolbar]')).toBe(true);
    expect(await waitForDrawn(page, (d) => d.length === 1)).toEqual([{ color: 'blue', text: PHRASE }]);
    // The panel lists it; "Add note" opens the editor on it.
    expect(await pressButton(page, 'Add note', 'aside.g-panel')).toBe(true);
    await typeInto(page, 'textbox', 'Note', '过境点 **重开** 的背景');
    expect(await pressButton(page, 'Save note', '[role=dialog]')).toBe(true);
    await page.waitForFunction(
      () => document.querySelector('aside.g-panel .g-note-text strong')?.textContent === '重开',
      { polling: 100 },
    );

    await reloadPage(page, 'article .g-body .g-para-btn');
    expect(await waitForDrawn(page, (d) => d.length === 1)).toEqual([{ color: 'blue', text: PHRASE }]);
    await page.waitForFunction(() => document.querySelectorAll('aside.g-panel .g-items > li').length === 1, {
      polling: 100,
    });
    expect(await panelEntries(page)).toEqual([{ title: PHRASE, note: '过境点 重开 的背景' }]);
    // The heading counts by plural rules; on a wide window the text keeps a gutter from the panel.
    expect(await page.$eval('aside.g-panel > h2', (h) => h.textContent)).toBe('1 highlight or note');
    for (const width of [1200, 1280, 1600]) {
      await page.setViewport({ width, height: 900 });
      const gap = await page.evaluate(() => {
        const text = document.querySelector('article .g-body')?.getBoundingClientRect();
        const panel = document.querySelector('aside.g-panel')?.getBoundingClientRect();
        return text && panel ? panel.left - text.right : Number.NaN;
      });
      expect(gap, `gap at ${width}px`).toBeGreaterThanOrEqual(16);
    }
    await page.close();
  });

  it('annotates a whole paragraph from its margin control, reachable by keyboard', async () => {
    const page = await openReader();
    const label = await page.evaluate(() => {
      const p = [...document.querySelectorAll('article .g-body p')].find((el) =>
        el.textContent?.includes('他提议开启'),
      );
      return p?.querySelector('.g-para-btn')?.getAttribute('aria-label') ?? '';
    });
    expect(label).toMatch(/^Add a note to paragraph \d+$/);
    // Keyboard: focus the control, Enter opens the editor with the note box focused.
    await page.focus(`button[aria-label="${label}"]`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Note', { polling: 100 });
    await page.keyboard.type('这一段说明了和谈的立场。');
    expect(await pressButton(page, 'Save note', '[role=dialog]')).toBe(true);
    const edit = label.replace('Add a note to', 'Edit the note on');
    await page.waitForSelector(`button[aria-label="${edit}"]`, { timeout: 10_000 });

    await reloadPage(page, 'article .g-body .g-para-btn');
    await page.waitForSelector(`button[aria-label="${edit}"]`, { timeout: 10_000 });
    const notes = await panelEntries(page);
    expect(notes).toContainEqual({
      title: `Note on ${label.replace('Add a note to ', '')}`,
      note: '这一段说明了和谈的立场。',
    });
    await page.close();
  });

  it('clicking a highlight opens its editor: change the colour, delete it, bring it back with Undo', async () => {
    const page = await openReader();
    await waitForDrawn(page, (d) => d.length === 1);
    expect(await clickHighlight(page, PHRASE)).toBe(true);
    await page.waitForSelector(`[role=dialog][aria-label="Highlight: ${PHRASE}"]`, { timeout: 10_000 });
    expect(await pressButton(page, 'Green', '[role=dialog]')).toBe(true);
    expect(await waitForDrawn(page, (d) => d[0]?.color === 'green')).toEqual([{ color: 'green', text: PHRASE }]);
    expect(await pressButton(page, 'Close', '[role=dialog]')).toBe(true);
    expect(await pressButton(page, 'Delete highlight', 'aside.g-panel')).toBe(true);
    expect(await waitForDrawn(page, (d) => d.length === 0)).toEqual([]);
    await expect.poll(() => storedPhrase(page), { timeout: 10_000 }).toEqual({ color: 'green', deleted: true });
    expect(await pressButton(page, 'Undo', '[role=status]')).toBe(true);
    expect(await waitForDrawn(page, (d) => d.length === 1)).toEqual([{ color: 'green', text: PHRASE }]);
    // The view is drawn before the write commits; a tab closed within those milliseconds would
    // take the write with it. Wait until the library holds the revived highlight.
    await expect.poll(() => storedPhrase(page), { timeout: 10_000 }).toEqual({ color: 'green', deleted: false });
    await page.close();
    // The popup counts the seed's highlight and its paragraph note.
    const popup = await PopupPage.open(ext);
    await popup.waitForEntries(1);
    await popup.page.waitForFunction(() => document.body.textContent?.includes('2 highlights'), {
      polling: 100,
      timeout: 10_000,
    });
    await popup.page.close();
  });

  it('highlights on a live page (saving it), the stored copy shows it, and one made on the stored copy shows on the page', async () => {
    const page = await ext.browser.newPage();
    await page.goto(server.url + ENGLISH.path, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('glossa-page-control', { timeout: 30_000 });
    expect(await selectText(page, 'body', LIVE_PHRASE)).toBe(true);
    // The first selection loads the highlighting layer; then the shortcut highlights.
    await page.waitForSelector('glossa-annotator', { timeout: 15_000 });
    await pressShortcut(page, 'KeyH');
    const live = await waitForDrawn(page, (d) => d.length === 1);
    expect(live.map((d) => d.text)).toEqual([LIVE_PHRASE]);

    // The page is saved with its first highlight (drawn at once, stored a moment later).
    const articleId = await savedArticleId(server.url + ENGLISH.path);
    expect(articleId).not.toBe('');
    const stored = await ext.openExtensionPage(`/reader.html?id=${articleId}`, 'article .g-body .g-para-btn');
    expect((await waitForDrawn(stored, (d) => d.length === 1)).map((d) => d.text)).toEqual([LIVE_PHRASE]);
    // And the other way: a highlight made on the stored copy appears on the live page.
    expect(await selectText(stored, 'article .g-body', STORED_PHRASE)).toBe(true);
    expect(await pressButton(stored, 'Highlight in Green', '[role=toolbar]')).toBe(true);
    await waitForDrawn(stored, (d) => d.length === 2);
    await stored.close();
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForSelector('glossa-annotator', { timeout: 30_000 });
    const both = await waitForDrawn(page, (d) => d.length === 2);
    expect(both.map((d) => d.text).sort()).toEqual([STORED_PHRASE, LIVE_PHRASE].sort());
    await page.close();
  });

  it('re-anchors on a revisit after the text changed a little, and draws nothing when its words are gone', async () => {
    // A little edit: a sentence inserted before the highlight, a word changed after it.
    server.route(
      ENGLISH.path,
      liveSource
        .replace(LIVE_SENTENCE, `Editor's note: this story was updated. ${LIVE_SENTENCE}`)
        .replace('21 months, he said', 'twenty-one months, he said'),
    );
    const page = await ext.browser.newPage();
    await page.goto(server.url + ENGLISH.path, { waitUntil: 'domcontentloaded' });
    // Revisiting a page saved with highlights loads the layer by itself.
    await page.waitForSelector('glossa-annotator', { timeout: 30_000 });
    const moved = await waitForDrawn(page, (d) => d.length === 2);
    expect(moved.map((d) => d.text).sort()).toEqual([STORED_PHRASE, LIVE_PHRASE].sort());

    // Now the highlighted words are rewritten everywhere: it must not land on other text.
    server.route(ENGLISH.path, liveSource.replaceAll(LIVE_PHRASE, 'knock multiplayer hosts offline'));
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForSelector('glossa-annotator', { timeout: 30_000 });
    await waitForDrawn(page, (d) => d.length > 0);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await drawn(page)).toEqual([{ color: 'green', text: STORED_PHRASE }]);
    server.route(ENGLISH.path, liveSource);
    await page.close();
  });

  it('draws a saved page’s highlights on a visit even when the page no longer reads as an article', async () => {
    // All that is left is the highlighted paragraph: not an article, so the eager script tells
    // the background nothing; the background finds the page's highlights when the tab loads it.
    const paragraph = liveSource.match(/<p>\s*A flaw in the wildly popular online game[\s\S]*?<\/p>/)?.[0] ?? '';
    expect(paragraph).toContain(LIVE_PHRASE);
    server.route(
      ENGLISH.path,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Moved</title></head><body>${paragraph}</body></html>`,
    );
    const page = await ext.browser.newPage();
    await page.goto(server.url + ENGLISH.path, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('glossa-annotator', { timeout: 30_000 });
    const found = await waitForDrawn(page, (d) => d.length > 0);
    expect(found).toEqual([{ color: expect.any(String), text: LIVE_PHRASE }]);
    expect(await page.evaluate(() => document.querySelector('glossa-page-control') === null)).toBe(true);
    expect(await probe.badge(await probe.tabId(server.url + ENGLISH.path))).toBe('');
    server.route(ENGLISH.path, liveSource);
    await page.close();
  });

  it('an edit in the reader reaches the open live page at once, without a reload', async () => {
    const page = await ext.browser.newPage();
    await page.goto(server.url + ENGLISH.path, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('glossa-annotator', { timeout: 30_000 });
    await waitForDrawn(page, (d) => d.length === 2);
    const reader = await openReader(`/reader.html?id=${await savedArticleId(server.url + ENGLISH.path)}`);
    await waitForDrawn(reader, (d) => d.length === 2);
    // (The phrase is a link on this page: a click follows it, so the panel opens the editor.)
    expect(await pressButton(reader, `Go to: ${STORED_PHRASE}`, 'aside.g-panel')).toBe(true);
    expect(await pressButton(reader, 'Purple', '[role=dialog]')).toBe(true);
    const live = await waitForDrawn(page, (d) => d.some((x) => x.color === 'purple'));
    expect(live).toContainEqual({ color: 'purple', text: STORED_PHRASE });
    await reader.close();
    await page.close();
  });

  it('highlights inside the reading view of a live page (a triple-click, then the shortcut), out of the page’s reach', async () => {
    const page = await ext.browser.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(`${server.url}/zh.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('glossa-page-control', { timeout: 30_000 });
    await probe.toggleReadingView(await probe.tabId(`${server.url}/zh.html`));
    const frame = await new WebPage(page).readingFrame();
    // The view is another origin's frame: select a paragraph by position, trying a few lines.
    let found: Awaited<ReturnType<typeof drawn>> = [];
    for (const y of [420, 520, 620, 320, 720]) {
      await page.mouse.click(480, y, { count: 3 });
      await pressShortcut(page, 'KeyH');
      found = await waitForDrawn(frame, (d) => d.length > 0, 2_000);
      if (found.length > 0) break;
    }
    expect(found).toHaveLength(1);
    expect(found[0]?.text).toMatch(/[\u4e00-\u9fff]{5}/);
    // Drawn in the frame's own document: the page's highlight registry holds nothing of it.
    expect(await drawn(page)).toEqual([]);
    // The first highlight saved the page; the highlight is in the library.
    const articleId = await savedArticleId(`${server.url}/zh.html`);
    expect(articleId).not.toBe('');
    const stored = (await readStore<Highlight>(probe.page, 'highlights')).filter((h) => h.articleId === articleId);
    expect(stored.map((h) => h.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact)).toEqual([found[0]?.text]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('glossa-reading-view'), { polling: 100, timeout: 10_000 });
    await page.close();
  });

  it('notes a paragraph in the reading view from its margin control, by keyboard; the stored copy shows the same note', async () => {
    const page = await ext.browser.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(`${server.url}/zh.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('glossa-page-control', { timeout: 30_000 });
    await probe.toggleReadingView(await probe.tabId(`${server.url}/zh.html`));
    const frame = await new WebPage(page).readingFrame();
    await frame.waitForSelector('.g-body p > .g-para-btn', { timeout: 10_000 });
    // The second paragraph's control: its name, and the paragraph's own first words.
    const target = await frame.evaluate(() => {
      const button = document.querySelectorAll('.g-body p > .g-para-btn')[1];
      const text = button?.parentElement?.textContent?.trim() ?? '';
      return { label: button?.getAttribute('aria-label') ?? '', words: text.slice(0, 12) };
    });
    expect(target.label).toMatch(/^Add a note to paragraph \d+$/);
    expect(target.words).toMatch(/[\u4e00-\u9fff]{4}/);
    await frame.focus(`button[aria-label="${target.label}"]`);
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Note', {
      polling: 100,
      timeout: 10_000,
    });
    const NOTE = '阅读视图里的段落笔记。';
    await page.keyboard.type(NOTE);
    expect(await pressButton(frame, 'Save note', '[role=dialog]')).toBe(true);
    await frame.waitForSelector(`button[aria-label="${target.label.replace('Add a note to', 'Edit the note on')}"]`, {
      timeout: 10_000,
    });

    // Stored as a paragraph note of the saved article, and shown on its stored copy's paragraph.
    const articleId = await savedArticleId(`${server.url}/zh.html`);
    const stored = (await readStore<Highlight>(probe.page, 'highlights')).filter(
      (h) => h.articleId === articleId && h.kind === 'paragraph-note' && !h.deleted,
    );
    expect(stored.map((h) => h.note)).toEqual([NOTE]);
    // Escape closes the note's dialog, then the view; the page closes once the view is gone.
    await page.keyboard.press('Escape');
    await frame.waitForFunction(() => !document.querySelector('.g-editor[role=dialog]'), {
      polling: 100,
      timeout: 10_000,
    });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('glossa-reading-view'), { polling: 100, timeout: 10_000 });
    await page.close();
    const copy = await openReader(`/reader.html?id=${articleId}`);
    const onCopy = await copy.waitForFunction(
      (words: string) => {
        const p = [...document.querySelectorAll('article .g-body p')].find((el) =>
          el.textContent?.trim().startsWith(words),
        );
        const label = p?.querySelector(':scope > .g-para-btn[data-has-note]')?.getAttribute('aria-label');
        return label ?? false;
      },
      { polling: 100, timeout: 10_000 },
      target.words,
    );
    expect(await onCopy.jsonValue()).toMatch(/^Edit the note on paragraph \d+$/);
    expect(await panelEntries(copy)).toContainEqual({
      title: `Note on ${String(await onCopy.jsonValue()).replace('Edit the note on ', '')}`,
      note: NOTE,
    });
    await copy.close();
  });
});
