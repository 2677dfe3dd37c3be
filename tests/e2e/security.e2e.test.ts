/**
 * Issue 14 in real browsers: what a web page can and cannot do to Glossa. Finding 1: a page's own
 * script selecting text and dispatching `mouseup`, Alt+Shift+H and clicks (with `pushState` in
 * between) makes Glossa do nothing — no highlighting layer, nothing saved. Finding 2: the sync
 * password and server address are nowhere a content script can read (storage.local / .sync).
 * Finding 6: with the reading view open and the reader selecting and highlighting in it, the
 * page's own world reaches none of it — not through the highlight registry, the selection,
 * caret lookups or event paths. Review finding 1: a note written on a live page is shown and
 * typed only in our note editor's frame; the page's own script, listening to every key and
 * reading its whole document, sees none of it — not while it is typed, nor after a reload.
 * And a page hears nothing when Glossa starts in it (WXT's context used to post our id to it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Highlight } from '../../lib/model';
import { type CouchServer, startCouchServer } from '../../scripts/couch-server.mjs';
import type { StaticServer } from '../../scripts/static-server.mjs';
import {
  clickHighlight,
  type drawn,
  pressButton,
  pressShortcut,
  selectText,
  waitForDrawn,
} from './support/annotations';
import { type BrowserName, BUILD_DIRS, type ExtensionBrowser, launchWithExtension } from './support/browsers';
import { extensionDb, readStore } from './support/extension-db';
import { ENGLISH, ExtensionProbe, serveTestPages, WebPage } from './support/live-web';
import { enableSync } from './support/sync';

/** A page script doing what the observed attack did, five times, a new URL each time. */
const ATTACK = `<script>
(async () => {
  for (let step = 0; step < 5; step++) {
    await new Promise((r) => setTimeout(r, 600));
    history.pushState({}, '', '/attack-' + step + '.html');
    const p = [...document.querySelectorAll('p')].find((x) => x.textContent.length > 80);
    const range = document.createRange();
    range.selectNodeContents(p);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', bubbles: true }));
    for (const type of ['keydown', 'keyup']) {
      document.dispatchEvent(new KeyboardEvent(type, { key: 'H', code: 'KeyH', altKey: true, shiftKey: true, bubbles: true }));
    }
    document.querySelector('glossa-page-control')?.click();
    window.__attackSteps = step + 1;
  }
})();
</script>`;

describe.each<BrowserName>(['chromium', 'firefox'])('security in %s', (name) => {
  let ext: ExtensionBrowser;
  let server: StaticServer;
  let couch: CouchServer;
  let probe: ExtensionProbe;

  beforeAll(async () => {
    server = await serveTestPages();
    couch = await startCouchServer();
    ext = await launchWithExtension(name);
    probe = await ExtensionProbe.open(ext);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
    await couch?.stop();
  });

  const articles = () => extensionDb<number>(probe.page, { store: 'articles', op: 'count' });

  it('a page’s synthetic events select, press Alt+Shift+H and click: nothing loads, nothing is saved', async () => {
    const source = await (await fetch(server.url + ENGLISH.path)).text();
    server.route('/attack.html', source.replace('</body>', `${ATTACK}</body>`));
    // The bundled seed is imported at install: count once it is in.
    await probe.page.waitForFunction(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('glossa');
          open.onsuccess = () => {
            const req = open.result.transaction('articles').objectStore('articles').count();
            req.onsuccess = () => {
              open.result.close();
              resolve(req.result > 0);
            };
          };
        }),
      { timeout: 30_000, polling: 200 },
    );
    const before = await articles();
    const page = await ext.browser.newPage();
    await page.goto(`${server.url}/attack.html`, { waitUntil: 'domcontentloaded' });
    await new WebPage(page).waitForControl();
    await page.waitForFunction(() => (window as unknown as { __attackSteps?: number }).__attackSteps === 5, {
      polling: 100,
      timeout: 30_000,
    });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await page.evaluate(() => document.querySelector('glossa-annotator') !== null)).toBe(false);
    expect(await page.evaluate(() => document.querySelector('glossa-reading-view') !== null)).toBe(false);
    expect(await articles()).toBe(before);
    await page.close();
  });

  it('a page hears nothing of Glossa starting in it: no window message, no document event', async () => {
    // WXT's content-script context posted `{ type: "<runtime id>:content:wxt:content-script-started" }`
    // to every page on every load (any page could learn that Glossa is installed, and its id), and
    // dispatched a document event of that name, which a page could also forge to switch us off.
    const manifest = JSON.parse(readFileSync(path.join(BUILD_DIRS[name], 'manifest.json'), 'utf8'));
    const runtimeId = name === 'firefox' ? manifest.browser_specific_settings.gecko.id : new URL(ext.origin).host;
    const events = ['content', 'eager-content'].map((entry) => `${runtimeId}:${entry}:wxt:content-script-started`);
    const source = await (await fetch(`${server.url}/zh.html`)).text();
    const listener = `<script>window.__heard = [];
      addEventListener("message", (e) => window.__heard.push(JSON.stringify(e.data) ?? String(e.data)), true);
      for (const type of ${JSON.stringify(events)}) document.addEventListener(type, () => window.__heard.push(type), true);
      </script>`;
    expect(source).toContain('<head>');
    server.route('/listening.html', source.replace('<head>', `<head>${listener}`));
    const page = await ext.browser.newPage();
    await page.goto(`${server.url}/listening.html`, { waitUntil: 'domcontentloaded' });
    // The control is there: the eager script ran, decided, and reported to the background.
    await new WebPage(page).waitForControl();
    await new Promise((r) => setTimeout(r, 500));
    const heard = await page.evaluate(() => (window as unknown as { __heard?: string[] }).__heard);
    expect(heard).toEqual([]);
    await page.close();
  });

  it('keeps the sync password and address out of storage.local and storage.sync, which content scripts read', async () => {
    const options = await enableSync(ext, couch.url, 'security-db');
    const secret = 'pa55-w0rd-秘密';
    await options.evaluate(() => {
      const input = document.getElementById('sync-password') as HTMLInputElement;
      input.focus();
    });
    await options.keyboard.type(secret);
    await options.evaluate(() => {
      [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Save')?.click();
    });
    await options.waitForFunction(
      () => document.querySelector('form.sync-settings [role=status]')?.textContent === 'Settings saved.',
      { polling: 100 },
    );
    const areas = await options.evaluate(async () => {
      type Area = { get: (keys: null) => Promise<Record<string, unknown>> };
      type Api = { storage: { local: Area; sync: Area } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = g.browser ?? g.chrome;
      return JSON.stringify([await api.storage.local.get(null), await api.storage.sync.get(null)]);
    });
    expect(areas).not.toContain(secret);
    expect(areas).not.toContain(couch.url);
    // The password never comes back out, not even to our own options page.
    expect(await options.evaluate(() => document.body.innerHTML)).not.toContain(secret);
    await options.close();
  });

  it('the page’s own world reaches nothing of the reading view while the reader selects and highlights in it', async () => {
    const page: Page = await ext.browser.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(`${server.url}/zh.html`, { waitUntil: 'domcontentloaded' });
    await new WebPage(page).waitForControl();
    await page.evaluate(() => {
      const w = window as unknown as { __seen: string[] };
      w.__seen = [];
      const note = (what: string, node: Node | null | undefined) => {
        const root = node?.getRootNode();
        if (root && root !== document) w.__seen.push(`${what}: ${root.nodeName}`);
      };
      document.addEventListener('selectionchange', () => {
        const s = getSelection();
        note('selection', s?.anchorNode);
        if (s && s.rangeCount > 0) note('range', s.getRangeAt(0).startContainer);
      });
      for (const type of ['click', 'keydown', 'mouseup', 'input']) {
        window.addEventListener(
          type,
          (e) => {
            for (const n of e.composedPath()) if (n instanceof Node) note(`${type} path`, n);
          },
          true,
        );
      }
    });
    await probe.toggleReadingView(await probe.tabId(`${server.url}/zh.html`));
    const frame = await new WebPage(page).readingFrame();
    let found: Awaited<ReturnType<typeof drawn>> = [];
    for (const y of [420, 520, 620, 320]) {
      await page.mouse.click(480, y, { count: 3 });
      await page.keyboard.down('Alt');
      await page.keyboard.down('Shift');
      await page.keyboard.press('KeyH');
      await page.keyboard.up('Shift');
      await page.keyboard.up('Alt');
      found = await waitForDrawn(frame, (d) => d.length > 0, 2_000);
      if (found.length > 0) break;
    }
    expect(found.length).toBeGreaterThan(0);
    const reach = await page.evaluate(() => {
      const out: string[] = [...(window as unknown as { __seen: string[] }).__seen];
      const registry = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<Range>> } }).CSS.highlights;
      registry?.forEach((set, key) => {
        for (const range of set) out.push(`registry ${key}: ${range.startContainer.getRootNode().nodeName}`);
      });
      const d = document as unknown as {
        caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node } | null;
        caretRangeFromPoint?: (x: number, y: number) => Range | null;
      };
      const caret =
        d.caretPositionFromPoint?.(480, 420)?.offsetNode ?? d.caretRangeFromPoint?.(480, 420)?.startContainer;
      if (caret && caret.getRootNode() !== document) out.push(`caret: ${caret.getRootNode().nodeName}`);
      const host = document.querySelector('glossa-reading-view');
      if ((host as Element | null)?.shadowRoot) out.push('open shadow root');
      const text = document.documentElement.textContent ?? '';
      if (host && text.includes('Save to library')) out.push('view text in page');
      return out;
    });
    expect(reach).toEqual([]);
    await page.close();
  });

  it('a note written on a live page is typed and shown only in our frame: the page’s script sees none of it', async () => {
    const NOTE = '私密笔记 secret words';
    const PHRASE = 'proof-of-concept code that exploits the vulnerability';
    const page: Page = await ext.browser.newPage();
    // The page's own script: every key and input event it can hear, and its whole text.
    await page.evaluateOnNewDocument(() => {
      const w = window as unknown as { __keys: string[] };
      w.__keys = [];
      for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']) {
        window.addEventListener(
          type,
          (e) => w.__keys.push(`${type}:${(e as KeyboardEvent).key ?? (e as InputEvent).data ?? ''}`),
          true,
        );
      }
    });
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(server.url + ENGLISH.path, { waitUntil: 'domcontentloaded' });
    await new WebPage(page).waitForControl();
    expect(await selectText(page, 'body', PHRASE)).toBe(true);
    await page.waitForSelector('glossa-annotator', { timeout: 15_000 });
    await pressShortcut(page, 'KeyH');
    await waitForDrawn(page, (d) => d.length === 1);
    // Clicking the highlight opens the editor: our frame, focused.
    const before = await page.evaluate(() => (window as unknown as { __keys: string[] }).__keys.length);
    expect(await clickHighlight(page, PHRASE)).toBe(true);
    const editor = await new WebPage(page).noteFrame();
    expect(await pressButton(editor, 'Add note', '[role=dialog]')).toBe(true);
    await editor.waitForSelector('textarea', { timeout: 10_000 });
    await editor.focus('textarea');
    await page.keyboard.type(NOTE);
    expect(await pressButton(editor, 'Save note', '[role=dialog]')).toBe(true);
    await editor.waitForFunction(
      (n: string) => document.querySelector('.g-note-text')?.textContent === n,
      { polling: 100 },
      NOTE,
    );
    const saved = (await readStore<Highlight>(probe.page, 'highlights')).filter((h) => h.note === NOTE);
    expect(saved).toHaveLength(1);
    const heard = await page.evaluate(
      (from: number) => (window as unknown as { __keys: string[] }).__keys.slice(from),
      before,
    );
    expect(heard).toEqual([]);
    const inPage = async () =>
      page.evaluate(() => {
        const frames = [...Array(window.length).keys()].map((i) => {
          try {
            return window[i]?.document?.documentElement?.textContent ?? '';
          } catch {
            return 'unreachable';
          }
        });
        return { text: document.documentElement.textContent ?? '', frames };
      });
    const now = await inPage();
    expect(now.text).not.toContain('私密笔记');
    // Our frame, in a closed shadow root, is not even among the window's frames (which count
    // document-tree frames only); the page has none of its own.
    expect(now.frames).toEqual([]);
    expect(now.frames.join('')).not.toContain('私密笔记');
    // After a reload the note is still the reader's to see, in the frame, and not the page's.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForSelector('glossa-annotator', { timeout: 30_000 });
    await waitForDrawn(page, (d) => d.length === 1);
    expect(await clickHighlight(page, PHRASE)).toBe(true);
    const again = await new WebPage(page).noteFrame();
    await again.waitForFunction(
      (n: string) => document.querySelector('.g-note-text')?.textContent === n,
      { polling: 100 },
      NOTE,
    );
    expect((await inPage()).text).not.toContain('私密笔记');
    expect(await page.evaluate(() => (window as unknown as { __keys: string[] }).__keys.join(' '))).not.toContain('私');
    await page.close();
  });
});
