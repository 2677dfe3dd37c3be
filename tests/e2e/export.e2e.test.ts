/**
 * Exporting from the reader page in real browsers: highlight a phrase of the seed with a note,
 * export the article to Markdown from the Export menu, and check the downloaded file's content.
 * Chromium really downloads it (download folder set over CDP) and the file on disk is read;
 * Firefox's download prompt cannot be driven headless, so there the Blob behind the
 * `<a download>` is read in the page the moment it is clicked.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pressButton, selectText, waitForDrawn } from './support/annotations';
import { type BrowserName, type ExtensionBrowser, launchWithExtension } from './support/browsers';
import { typeInto } from './support/controls';
import { firstArticlePath } from './support/pages';

const PHRASE = '停火线过境点';
const NOTE = '过境点 **重开** 的背景';
const TITLE = '华盛顿与基辅就莫斯科危机进行磋商并指责俄罗斯继续向乌克兰军事集结';

/** Makes the page keep what its next `<a download>` click hands over (name and text). */
async function captureDownloads(page: Page, stopDownload: boolean): Promise<void> {
  await page.evaluate((stop: boolean) => {
    const w = window as unknown as { __glossaDownloads: Promise<{ name: string; text: string }>[] };
    w.__glossaDownloads = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) {
        w.__glossaDownloads.push(fetch(this.href).then(async (r) => ({ name: this.download, text: await r.text() })));
        if (stop) return;
      }
      original.call(this);
    };
  }, stopDownload);
}

async function capturedDownload(page: Page): Promise<{ name: string; text: string }> {
  await page.waitForFunction(
    () => (window as unknown as { __glossaDownloads?: unknown[] }).__glossaDownloads?.length === 1,
    { timeout: 10_000, polling: 100 },
  );
  return page.evaluate(
    () =>
      (window as unknown as { __glossaDownloads: Promise<{ name: string; text: string }>[] })
        .__glossaDownloads[0] as Promise<{ name: string; text: string }>,
  );
}

/** Waits for a finished download in `dir` and reads it. */
async function downloadedFile(dir: string): Promise<{ name: string; text: string }> {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    const done = readdirSync(dir).filter((f) => !f.endsWith('.crdownload'));
    const [name] = done;
    if (name) return { name, text: readFileSync(path.join(dir, name), 'utf8') };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no download arrived in ${dir}`);
}

describe.each<BrowserName>(['chromium', 'firefox'])('export in %s', (name) => {
  let ext: ExtensionBrowser;
  let readerPath = '';
  let downloads = '';

  beforeAll(async () => {
    ext = await launchWithExtension(name);
    readerPath = await firstArticlePath(ext);
    downloads = mkdtempSync(path.join(tmpdir(), 'glossa-downloads-'));
    if (name === 'chromium') {
      const session = await ext.browser.target().createCDPSession();
      await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    }
  });
  afterAll(async () => {
    await ext?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  it('exports the article with its highlight and note as Obsidian Markdown', async () => {
    const page = await ext.openExtensionPage(readerPath, 'article .g-body .g-para-btn');
    await page.setViewport({ width: 1000, height: 900 });
    expect(await selectText(page, 'article .g-body', PHRASE)).toBe(true);
    expect(await pressButton(page, 'Highlight in Blue', '[role=toolbar]')).toBe(true);
    expect(await waitForDrawn(page, (d) => d.length === 1)).toEqual([{ color: 'blue', text: PHRASE }]);
    expect(await pressButton(page, 'Add note', 'aside.g-panel')).toBe(true);
    await typeInto(page, 'textbox', 'Note', NOTE);
    expect(await pressButton(page, 'Save note', '[role=dialog]')).toBe(true);
    await page.waitForFunction(
      () => document.querySelector('aside.g-panel .g-note-text strong')?.textContent === '重开',
      { polling: 100 },
    );

    // The Export menu: a disclosure button, then the format.
    await captureDownloads(page, name === 'firefox');
    expect(await pressButton(page, 'Export', '.g-toolbar')).toBe(true);
    await page.waitForSelector('.g-export button[aria-expanded="true"]', { timeout: 10_000 });
    expect(await pressButton(page, 'Markdown (Obsidian)', '.g-export-list')).toBe(true);

    const file = name === 'chromium' ? await downloadedFile(downloads) : await capturedDownload(page);
    expect(file.name).toBe(`${TITLE}.md`);
    const md = file.text;
    expect(md.startsWith(`---\ntitle: "${TITLE}"\n`)).toBe(true);
    expect(md).toContain('\ndate: "2021-12-10T10:20:36Z"\n');
    expect(md).toContain('\nsource: "Aljazeera 半岛网"\n');
    expect(md).toContain(`\n# ${TITLE}\n`);
    expect(md).toContain(`> [!quote|blue] Highlight · Blue\n> ${PHRASE}\n>\n> **Note**\n>\n> ${NOTE}\n`);
    expect(md).toMatch(/\n\^h-[0-9a-f-]{36}\n/);
    // Chromium: the page saw the same bytes it handed to the download.
    if (name === 'chromium') expect((await capturedDownload(page)).text).toBe(md);
    await page.close();
  });
});
