/**
 * An extension update (the build installed again over itself, which fires onInstalled with
 * reason "update") re-runs the seed import and still leaves exactly one copy of the seed.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserName, type ExtensionBrowser, launchWithExtension } from './support/browsers';
import { extensionDb } from './support/extension-db';
import { PopupPage } from './support/pages';

/** The seed import's version mark, count of articles, or removal of the mark, in the extension's database. */
function idb(page: Page, op: 'count-articles' | 'delete-seed-mark' | 'seed-mark'): Promise<unknown> {
  if (op === 'count-articles') return extensionDb(page, { store: 'articles', op: 'count' });
  return extensionDb(page, { store: 'meta', op: op === 'seed-mark' ? 'get' : 'delete', key: 'seeds:importedVersion' });
}

describe.each<BrowserName>(['chromium', 'firefox'])('update in %s', (name) => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchWithExtension(name);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('updating the extension re-imports the seed and leaves exactly one copy', async () => {
    const popup = await PopupPage.open(ext);
    await popup.waitForEntries(1);
    expect(await idb(popup.page, 'count-articles')).toBe(1);
    // Forget that the seed was imported, so we can see the update import it again.
    await idb(popup.page, 'delete-seed-mark');
    expect(await idb(popup.page, 'seed-mark')).toBeNull();
    await popup.page.close();
    await ext.update();
    let page: Page | null = null;
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      page = await ext.openExtensionPage('/popup.html', 'main ul[aria-label], main [role=status]').catch(() => null);
      if (page && (await idb(page, 'seed-mark').catch(() => null)) !== null) break;
      await page?.close().catch(() => undefined);
      page = null;
      await new Promise((r) => setTimeout(r, 500));
    }
    if (!page) throw new Error('the reloaded extension never re-imported its seed');
    expect(await idb(page, 'seed-mark')).toMatchObject({ key: 'seeds:importedVersion' });
    expect(await idb(page, 'count-articles')).toBe(1);
  });
});
