/**
 * The page note end to end (issue 15, item 3): on the seed's stored copy, a note on the whole
 * article in Chinese is added from the panel's first area, shown first and rendered, kept across
 * a reload; the W3C JSON-LD export writes it as an annotation on the source alone; and that file,
 * imported into a fresh profile (a new device), brings it back as the page note there. (Deleting
 * and importing in the same profile does not revive it, by design: the delete is the later write.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pressButton } from './support/annotations';
import { type BrowserName, type ExtensionBrowser, launchWithExtension, reloadPage } from './support/browsers';
import { typeInto } from './support/controls';
import { firstArticlePath } from './support/pages';

const NOTE = '整篇读下来，**停火线**一带的局势是关键。';
const SHOWN = '整篇读下来，停火线一带的局势是关键。';

/** Makes the page keep what its next `<a download>` click hands over, without downloading it. */
async function captureDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __glossaDownloads: Promise<string>[] };
    w.__glossaDownloads = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) w.__glossaDownloads.push(fetch(this.href).then((r) => r.text()));
    };
  });
}

async function capturedDownload(page: Page): Promise<string> {
  await page.waitForFunction(
    () => (window as unknown as { __glossaDownloads?: unknown[] }).__glossaDownloads?.length === 1,
    { timeout: 10_000, polling: 100 },
  );
  return page.evaluate(
    () => (window as unknown as { __glossaDownloads: Promise<string>[] }).__glossaDownloads[0] as Promise<string>,
  );
}

/** The panel's first area: the page note's rendered text, or '' when there is none. */
function shownPageNote(page: Page): Promise<string> {
  return page.evaluate(() => {
    const first = document.querySelector('aside.g-panel')?.firstElementChild;
    return first?.classList.contains('g-page-note')
      ? (first.querySelector('.g-note-text')?.textContent ?? '').trim()
      : 'not first';
  });
}

async function waitForPageNote(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t: string) =>
      document.querySelector('aside.g-panel > .g-page-note:first-child .g-note-text')?.textContent?.trim() === t,
    { timeout: 15_000, polling: 100 },
    text,
  );
}

describe.each<BrowserName>(['chromium', 'firefox'])('page notes in %s', (name) => {
  let ext: ExtensionBrowser;
  let fresh: ExtensionBrowser | undefined;
  let readerPath = '';
  let dir = '';

  beforeAll(async () => {
    ext = await launchWithExtension(name);
    readerPath = await firstArticlePath(ext);
    dir = mkdtempSync(path.join(tmpdir(), 'glossa-page-note-'));
  });
  afterAll(async () => {
    await ext?.close();
    await fresh?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('adds a Chinese page note first in the panel, keeps it across a reload, and carries it through W3C export and import', async () => {
    const page = await ext.openExtensionPage(readerPath, 'article .g-body .g-para-btn');
    await page.setViewport({ width: 1000, height: 900 });
    expect(await pressButton(page, 'Add a page note', 'aside.g-panel')).toBe(true);
    await typeInto(page, 'textbox', 'Page note', NOTE);
    expect(await pressButton(page, 'Save the page note', 'aside.g-panel')).toBe(true);
    await waitForPageNote(page, SHOWN);
    expect(await page.$eval('aside.g-panel .g-page-note .g-note-text strong', (el) => el.textContent)).toBe('停火线');

    await reloadPage(page, 'article .g-body .g-para-btn');
    await waitForPageNote(page, SHOWN);
    expect(await shownPageNote(page)).toBe(SHOWN);
    expect(await page.$eval('aside.g-panel > h2', (h) => h.textContent)).toBe('1 highlight or note');
    // One page note per article: with one, the panel offers to edit it, not to add another.
    const buttons = await page.$$eval('aside.g-page-note button, aside.g-panel .g-page-note button', (bs) =>
      bs.map((b) => b.textContent),
    );
    expect(buttons).toEqual(['Edit the page note', 'Delete the page note']);

    // W3C JSON-LD: an annotation on the whole source, with no selector.
    await captureDownloads(page);
    expect(await pressButton(page, 'Export', '.g-toolbar')).toBe(true);
    await page.waitForSelector('.g-export button[aria-expanded="true"]', { timeout: 10_000 });
    expect(await pressButton(page, 'Web Annotations (JSON-LD)', '.g-export-list')).toBe(true);
    const jsonld = await capturedDownload(page);
    const items = (JSON.parse(jsonld) as { first: { items: Record<string, unknown>[] } }).first.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ 'glossa:kind': 'page-note', body: { value: NOTE } });
    expect(Object.keys(items[0]?.target as object)).toEqual(['source']);
    await page.close();

    // A new device: a fresh profile imports the file and shows the page note on the same article.
    const file = path.join(dir, 'page-note.jsonld');
    writeFileSync(file, jsonld);
    fresh = await launchWithExtension(name);
    expect(await firstArticlePath(fresh)).toBe(readerPath);
    const options = await fresh.openExtensionPage('/options.html', 'main h1');
    const input = (await options.waitForSelector(
      '.g-transfer-pick input[type=file]',
    )) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await options.waitForFunction(() => document.querySelectorAll('.g-transfer-results li').length >= 1, {
      timeout: 30_000,
      polling: 100,
    });
    const results = await options.$$eval('.g-transfer-results li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(results).toHaveLength(1);
    await options.close();
    const again = await fresh.openExtensionPage(readerPath, 'article .g-body .g-para-btn');
    await waitForPageNote(again, SHOWN);
    expect(await shownPageNote(again)).toBe(SHOWN);
    await again.close();
  });
});
