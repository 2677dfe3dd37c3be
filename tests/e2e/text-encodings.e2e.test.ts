/**
 * Regression (issue 19): a Markdown file saved as UTF-16 with a byte-order mark imported in
 * Chromium and was refused as "binary" in Firefox. Real files on disk are picked on the options
 * page's import control in both browsers; UTF-16 LE and BE import like UTF-8, and a file with NUL
 * bytes and no BOM is still refused by name.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserName, type ExtensionBrowser, launchWithExtension } from './support/browsers';
import { PopupPage } from './support/pages';

const TITLES = { le: '停火线 UTF-16 LE 笔记', be: '停火线 UTF-16 BE 笔记' };
const note = (title: string) => `---\ntitle: ${title}\n---\n\n过境点 **重开** — 𠮷 and “quotes”.\r\n`;

/** `text` as UTF-16 with a BOM (LE or BE), or LE without one. */
function utf16(text: string, form: 'le' | 'be' | 'le-no-bom'): Buffer {
  const le = Buffer.from(form === 'le-no-bom' ? text : `\uFEFF${text}`, 'utf16le');
  return form === 'be' ? le.swap16() : le;
}

describe.each<BrowserName>(['chromium', 'firefox'])('UTF-16 Markdown files in %s', (name) => {
  let ext: ExtensionBrowser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'glossa-utf16-'));
    writeFileSync(path.join(dir, 'le.md'), utf16(note(TITLES.le), 'le'));
    writeFileSync(path.join(dir, 'be.md'), utf16(note(TITLES.be), 'be'));
    writeFileSync(path.join(dir, 'no-bom.md'), utf16(note('never imported'), 'le-no-bom'));
    ext = await launchWithExtension(name);
  });
  afterAll(async () => {
    await ext?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports UTF-16 LE and BE with a BOM and refuses NUL bytes without one, by name', async () => {
    const page = await ext.openExtensionPage('/options.html', 'main h1');
    const input = (await page.waitForSelector('.g-transfer-pick input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(...['le.md', 'be.md', 'no-bom.md'].map((f) => path.join(dir, f)));
    const results = await importResults(page, 3);
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[2]?.text).toContain('no-bom.md');
    await page.close();

    const popup = await PopupPage.open(ext);
    await popup.waitForEntries(3);
    const names = (await popup.entries()).map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining([expect.stringContaining(TITLES.le), expect.stringContaining(TITLES.be)]),
    );
    expect(names.join('\n')).not.toContain('never imported');
    await popup.page.close();
  });
});

/** The import's per-file results once `n` are shown: ok or failed, and their text. */
async function importResults(page: Page, n: number): Promise<{ ok: boolean; text: string }[]> {
  await page.waitForFunction(
    (count: number) => document.querySelectorAll('.g-transfer-results li').length >= count,
    {
      timeout: 30_000,
      polling: 100,
    },
    n,
  );
  return page.$$eval('.g-transfer-results li', (items) =>
    items.map((li) => ({ ok: li.classList.contains('g-ok'), text: li.textContent ?? '' })),
  );
}
