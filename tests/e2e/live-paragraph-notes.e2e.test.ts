/**
 * Paragraph notes on the live web page (issue 15 item 2), end to end in real browsers: on a
 * live Chinese article, a highlight and a paragraph note made with the paragraph's margin
 * control — a button of Glossa's own layer, found by its role and name in the UI language —
 * with the Chinese note typed in our note frame. The side panel lists both in reading order, the
 * stored copy shows the note on the same paragraph, Tab reaches the margin controls, and the
 * page's paragraphs read byte-identical before and after.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Highlight } from '../../lib/model';
import type { StaticServer } from '../../scripts/static-server.mjs';
import { pressButton, pressShortcut, selectText, waitForDrawn } from './support/annotations';
import { type BrowserName, type ExtensionBrowser, launchWithExtension } from './support/browsers';
import { readStore } from './support/extension-db';
import { type LayerButton, layerButtons } from './support/layer';
import { ENGLISH, ExtensionProbe, serveTestPages, WebPage } from './support/live-web';

/** Highlighted: late in the article. */
const LATE = '中国是世界第二大军费支出国';
/** In the paragraph that gets the note: earlier than LATE. */
const NOTED = '美国、中国、印度、英国和俄罗斯是前五位国防开支国';
const NOTE = '这段让我想到 **玻璃鸽子** 的比喻';
/** In a paragraph of the English page, which no test saves before the last one. */
const PHRASE = 'proof-of-concept code that exploits the vulnerability';

const MESSAGES = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
/** An English UI message with its one placeholder filled. */
const message = (key: string, n: number) => (MESSAGES[key]?.message ?? key).replace(/\$[A-Z_]+\$/, String(n));
/** The number in a name made from message `key` (a paragraph's control), or null for another name. */
function numberIn(key: string, name: string): number | null {
  const [before = '', after = ''] = (MESSAGES[key]?.message ?? key).split(/\$[A-Z_]+\$/);
  if (!name.startsWith(before) || !name.endsWith(after)) return null;
  const n = name.slice(before.length, name.length - after.length);
  return /^\d+$/.test(n) ? Number(n) : null;
}

/** The page's paragraphs (as anchoring counts them) and the whole body, as the page serializes them. */
function paragraphsHtml(page: Page): Promise<{ paragraphs: string[]; glossaInBody: number }> {
  return page.evaluate(() => ({
    paragraphs: [
      ...document.body.querySelectorAll('p, li, blockquote, pre, h1, h2, h3, h4, h5, h6, figcaption, dt, dd, td, th'),
    ].map((p) => p.outerHTML),
    glossaInBody: document.body.querySelectorAll('[class^="g-"], [data-glossa-ui], glossa-annotator').length,
  }));
}

describe.each<BrowserName>(['chromium', 'firefox'])('paragraph notes on a live page in %s', (name) => {
  let ext: ExtensionBrowser;
  let server: StaticServer;
  let probe: ExtensionProbe;

  beforeAll(async () => {
    server = await serveTestPages();
    ext = await launchWithExtension(name);
    probe = await ExtensionProbe.open(ext);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** The top of the innermost paragraph holding `text`, in viewport pixels (scrolled into view). */
  function paragraphTop(page: Page, text: string): Promise<number> {
    return page.evaluate((wanted: string) => {
      const block = [...document.querySelectorAll('p, li')].reverse().find((p) => p.textContent?.includes(wanted));
      block?.scrollIntoView({ block: 'center' });
      return block?.getBoundingClientRect().top ?? -1;
    }, text);
  }

  /** The margin controls of the layer (`key`: paraNoteAdd or paraNoteEdit), each with its number. */
  async function marginControls(page: Page, key: string): Promise<(LayerButton & { n: number })[]> {
    const tabId = await probe.tabId(page.url());
    return (await layerButtons(ext, probe, page, tabId)).flatMap((b) => {
      const n = numberIn(key, b.name);
      return n === null ? [] : [{ ...b, n }];
    });
  }

  /** The margin control named from `key` beside the paragraph holding `text` (scrolled into view). */
  async function marginControl(page: Page, key: string, text: string): Promise<LayerButton & { n: number }> {
    const until = Date.now() + 15_000;
    for (;;) {
      const top = await paragraphTop(page, text);
      const found = (await marginControls(page, key)).find((b) => Math.abs(b.y - top) < 4);
      if (found) return found;
      if (Date.now() > until) throw new Error(`No “${message(key, 0)}” control beside “${text}”`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('a paragraph note made with the margin control shows in the panel and on the stored copy; the page is untouched', async () => {
    const url = `${server.url}/zh.html`;
    const page = await ext.browser.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await new WebPage(page).waitForControl();
    const before = await paragraphsHtml(page);
    expect(before.paragraphs.length).toBeGreaterThan(5);

    await page.bringToFront();
    expect(await selectText(page, 'body', LATE)).toBe(true);
    await page.waitForSelector('glossa-annotator', { timeout: 15_000 });
    await pressShortcut(page, 'KeyH');
    expect((await waitForDrawn(page, (d) => d.length === 1)).length).toBe(1);

    // The reader points at the paragraph: its control shows; a real click on it opens our frame.
    const hidden = await marginControl(page, 'paraNoteAdd', NOTED);
    expect(hidden.shown).toBe(false);
    const top = await paragraphTop(page, NOTED);
    await page.mouse.move(500, top + 8);
    await expect
      .poll(async () => (await marginControl(page, 'paraNoteAdd', NOTED)).shown, { timeout: 10_000 })
      .toBe(true);
    const { n, x, y, width, height } = await marginControl(page, 'paraNoteAdd', NOTED);
    await page.mouse.click(x + width / 2, y + height / 2);
    const editor = await new WebPage(page).noteFrame();
    await editor.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA', {
      timeout: 10_000,
      polling: 100,
    });
    // Nothing is stored for a note not written yet.
    const notes = async () =>
      (await readStore<Highlight>(probe.page, 'highlights')).filter((h) => h.kind === 'paragraph-note');
    expect(await notes()).toEqual([]);
    await page.keyboard.type(NOTE);
    expect(await pressButton(editor, 'Save note', '[role=dialog]')).toBe(true);
    await expect.poll(async () => (await notes()).length, { timeout: 10_000 }).toBe(1);
    const stored = await readStore<Highlight>(probe.page, 'highlights');
    const note = stored.find((h) => h.kind === 'paragraph-note');
    const highlight = stored.find(
      (h) => h.kind === 'highlight' && h.selectors.some((s) => 'exact' in s && s.exact === LATE),
    );
    expect(note).toMatchObject({ note: NOTE, articleId: highlight?.articleId });
    expect(note?.selectors.find((s) => s.type === 'ParagraphSelector')).toMatchObject({ index: n - 1 });
    await pressButton(editor, 'Close', '[role=dialog]');
    // The control now says the paragraph has a note.
    await marginControl(page, 'paraNoteEdit', NOTED);

    // The side panel of the tab lists both, in reading order (the note's paragraph comes first).
    const panel = await ext.openExtensionPage(`/sidepanel.html?tab=${await probe.tabId(url)}`, 'ol.entries > li');
    await panel.waitForFunction(() => document.querySelectorAll('ol.entries > li').length === 2, {
      timeout: 15_000,
      polling: 100,
    });
    const listed = await panel.$$eval('ol.entries > li', (items) =>
      items.map((li) => ({
        kind: li.getAttribute('data-kind'),
        title: li.querySelector('.title')?.textContent ?? '',
        note: li.querySelector('.g-note-text')?.textContent ?? '',
      })),
    );
    expect(listed).toEqual([
      { kind: 'paragraph-note', title: message('paraNoteLabel', n), note: '这段让我想到 玻璃鸽子 的比喻' },
      { kind: 'highlight', title: LATE, note: '' },
    ]);
    await panel.close();

    // The stored copy shows the note on the same paragraph.
    const reader = await ext.openExtensionPage(`/reader.html?id=${note?.articleId}`, 'article .g-body');
    await reader.waitForFunction(
      (wanted: string) =>
        [...document.querySelectorAll('.g-body .g-para-btn[data-has-note]')].some((b) =>
          b.parentElement?.textContent?.includes(wanted),
        ),
      { timeout: 15_000, polling: 100 },
      NOTED,
    );
    await reader.close();

    // The page's paragraphs are exactly as they were, and no Glossa node entered its body.
    const after = await paragraphsHtml(page);
    expect(after.paragraphs).toEqual(before.paragraphs);
    expect(after.glossaInBody).toBe(0);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain('玻璃鸽子');
    await page.close();
  });

  it('Tab reaches the margin controls, in reading order, and Enter opens the note frame', async () => {
    const url = `${server.url}/zh.html`;
    const page = await ext.browser.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await new WebPage(page).waitForControl();
    // The saved page's highlights bring the layer at once.
    await page.waitForSelector('glossa-annotator', { timeout: 15_000 });
    const { n } = await marginControl(page, 'paraNoteEdit', NOTED);
    // The controls of the first paragraphs, in order, and which one has focus.
    const controls = [...(await marginControls(page, 'paraNoteAdd')), ...(await marginControls(page, 'paraNoteEdit'))];
    controls.sort((a, b) => a.n - b.n);
    expect(controls.length).toBeGreaterThan(3);
    const tabId = await probe.tabId(page.url());
    const focusedName = async () =>
      (await layerButtons(ext, probe, page, tabId)).find((b) => b.focused && b.name.includes('paragraph'))?.name ??
      null;
    // From the page's last focusable element, past the reading-view control, Tab reaches the
    // first margin control, then the next ones in reading order.
    await page.evaluate(() => {
      [...document.querySelectorAll<HTMLElement>('a[href], button, input, [tabindex]')].at(-1)?.focus();
    });
    let first: string | null = null;
    for (let i = 0; i < 12 && !first; i++) {
      await page.keyboard.press('Tab');
      first = await focusedName();
    }
    const names = [first];
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press('Tab');
      names.push(await focusedName());
    }
    expect(names).toEqual(controls.slice(0, 3).map((c) => c.name));
    // Tab on to the noted paragraph's control; Enter opens its note in our frame.
    let name = names.at(-1) ?? null;
    for (let i = 0; i < 100 && name !== message('paraNoteEdit', n); i++) {
      await page.keyboard.press('Tab');
      name = await focusedName();
    }
    expect(name).toBe(message('paraNoteEdit', n));
    await page.keyboard.press('Enter');
    const editor = await new WebPage(page).noteFrame();
    await editor.waitForFunction(
      (text: string) => document.querySelector('.g-note-text')?.textContent === text,
      { timeout: 10_000, polling: 100 },
      '这段让我想到 玻璃鸽子 的比喻',
    );
    await page.close();
  });

  it('notes a paragraph of a page not saved yet, with no text selected first: the note saves the page with it', async () => {
    const page = await ext.browser.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(server.url + ENGLISH.path, { waitUntil: 'domcontentloaded' });
    await new WebPage(page).waitForControl();
    const before = await paragraphsHtml(page);
    // The reader's first pointer move on an article page brings the layer.
    await page.mouse.move(400, 300);
    await page.waitForSelector('glossa-annotator', { timeout: 15_000 });
    const top = await paragraphTop(page, PHRASE);
    await page.mouse.move(500, top + 8);
    await expect
      .poll(async () => (await marginControl(page, 'paraNoteAdd', PHRASE)).shown, { timeout: 10_000 })
      .toBe(true);
    const { x, y, width, height } = await marginControl(page, 'paraNoteAdd', PHRASE);
    await page.mouse.click(x + width / 2, y + height / 2);
    const editor = await new WebPage(page).noteFrame();
    await editor.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA', {
      timeout: 10_000,
      polling: 100,
    });
    await page.keyboard.type('漏洞的细节');
    expect(await pressButton(editor, 'Save note', '[role=dialog]')).toBe(true);
    await expect
      .poll(
        async () =>
          (await readStore<Highlight>(probe.page, 'highlights')).filter((h) => h.note === '漏洞的细节').length,
        { timeout: 10_000 },
      )
      .toBe(1);
    const note = (await readStore<Highlight>(probe.page, 'highlights')).find((h) => h.note === '漏洞的细节');
    const articles = await readStore<{ id: string; url: string; title: string }>(probe.page, 'articles');
    expect(articles.find((a) => a.id === note?.articleId)?.title).toBe(ENGLISH.title);
    expect(note?.kind).toBe('paragraph-note');
    // The layer hears of the new note: its control now says the paragraph has one.
    await pressButton(editor, 'Close', '[role=dialog]');
    await marginControl(page, 'paraNoteEdit', PHRASE);
    expect((await paragraphsHtml(page)).paragraphs).toEqual(before.paragraphs);
    await page.close();
  });
});
