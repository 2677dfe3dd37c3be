/**
 * Sync end to end: two real Chromium profiles ("devices") with Glossa installed and one real
 * CouchDB-protocol server (pouchdb-server on 127.0.0.1). A highlight made in A appears in B; a
 * note added in B comes back to A's open reader page without a reload. In each browser, two
 * reader tabs of one article update each other live.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CouchServer, startCouchServer } from '../../scripts/couch-server.mjs';
import { panelEntries, pressButton, selectText, waitForDrawn } from './support/annotations';
import { type BrowserName, type ExtensionBrowser, launchWithExtension } from './support/browsers';
import { typeInto } from './support/controls';
import { firstArticlePath, PopupPage } from './support/pages';
import { enableSync, syncNow } from './support/sync';

const PHRASE = '停火线过境点';
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
  beforeAll(async () => {
    server = await startCouchServer();
    a = await launchWithExtension('chromium');
    b = await launchWithExtension('chromium');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.stop();
  });

  it('a highlight made in A appears in B; a note edited in B comes back to A’s open page', async () => {
    const optionsA = await enableSync(a, server.url, 'e2e');
    const optionsB = await enableSync(b, server.url, 'e2e');
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
});
