/**
 * Saved means saved (issue 16), in real browsers: a page with three pictures on 127.0.0.1 is
 * saved from its reading view; the background stores the pictures and a thumbnail; the server is
 * stopped; the stored copy shows all three from local bytes (decoded: `naturalWidth > 0`), the
 * popup shows the thumbnail, and neither page asks the old host for anything.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solidPng } from '../../scripts/png.mjs';
import { type ImageServer, serve, startImageServer } from '../support/image-server';
import { type BrowserName, type ExtensionBrowser, launchWithExtension, pollPage } from './support/browsers';
import { control } from './support/controls';
import { readStore } from './support/extension-db';
import { ExtensionProbe, WebPage } from './support/live-web';
import { PopupPage } from './support/pages';

const TITLE = 'Three pictures of the harbour';
const PROSE =
  '<p>This paragraph is ordinary prose that makes the page read like an article, long enough for any ' +
  'reader-mode heuristic to count it as content rather than navigation or boilerplate text.</p>';

function articlePage(origin: string): string {
  const figure = (n: number) =>
    `<figure><img src="${origin}/img/${n}.png" alt="Harbour picture ${n}"><figcaption>Picture ${n}</figcaption></figure>`;
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title></head><body>` +
    `<main><article><h1>${TITLE}</h1>${PROSE.repeat(3)}${figure(1)}${PROSE.repeat(2)}${figure(2)}` +
    `${PROSE.repeat(2)}${figure(3)}${PROSE.repeat(2)}</article></main></body></html>`
  );
}

/** Every image element of `page` with its source and decoded width, and the resources it loaded. */
function imagesOf(page: Page, origin: string) {
  return page.evaluate(
    (host: string) => ({
      images: [...document.querySelectorAll('img')].map((img) => ({ src: img.src, width: img.naturalWidth })),
      fromOldHost: performance.getEntriesByType('resource').filter((e) => e.name.startsWith(host)).length,
    }),
    origin,
  );
}

interface StoredMap {
  articleId: string;
  entries: { src: string; hash?: string }[];
  thumb: string | null;
}

describe.each<BrowserName>(['chromium', 'firefox'])('saved images in %s', (name) => {
  let ext: ExtensionBrowser;
  let server: ImageServer;
  let probe: ExtensionProbe;

  beforeAll(async () => {
    server = await startImageServer();
    server.route('/article.html', serve(articlePage(server.origin), 'text/html; charset=utf-8'));
    const colours: [number, number, number][] = [
      [200, 40, 40],
      [40, 160, 60],
      [30, 60, 200],
    ];
    for (const [i, colour] of colours.entries()) {
      server.route(`/img/${i + 1}.png`, serve(solidPng(400 + i * 40, 300, colour), 'image/png'));
    }
    ext = await launchWithExtension(name);
    probe = await ExtensionProbe.open(ext);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.stop();
  });

  it('keeps the pictures of a saved page: offline, the stored copy and the popup show them from local bytes', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${server.origin}/article.html`, { waitUntil: 'domcontentloaded' });
    const web = new WebPage(page);
    await web.waitForControl();
    await probe.toggleReadingView(await probe.tabId(`${server.origin}/article.html`));
    await web.waitForReadingView(true);
    const view = await web.readingFrame();
    await page.keyboard.press('Enter');

    // The background fetches the three pictures and makes the thumbnail.
    let map: StoredMap | undefined;
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      const maps = await readStore<StoredMap>(probe.page, 'imageMaps');
      map = maps.find((m) => m.entries.some((e) => e.src.startsWith(server.origin)));
      if (map && map.entries.length === 3 && map.entries.every((e) => e.hash) && map.thumb) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(map?.entries.map((e) => Boolean(e.hash))).toEqual([true, true, true]);
    expect(map?.thumb).toBeTruthy();
    expect(await readStore(probe.page, 'images')).toHaveLength(4);
    // The open reading view turns to the saved copies as they arrive (only their address changes).
    await view.waitForFunction(
      () => {
        const imgs = [...document.querySelectorAll<HTMLImageElement>('article .g-body img')];
        return imgs.length === 3 && imgs.every((i) => i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0);
      },
      { polling: 100, timeout: 15_000 },
    );
    await page.close();

    await server.stop();

    const popup = await PopupPage.open(ext);
    await popup.waitForEntries(2);
    await pollPage(popup.page, () =>
      [...document.querySelectorAll<HTMLImageElement>('img.thumb')].some((i) => i.naturalWidth > 0),
    );
    const listed = await imagesOf(popup.page, server.origin);
    expect(listed.images.length).toBeGreaterThan(0);
    for (const image of listed.images) expect(image.src).toMatch(/^blob:/);
    expect(listed.images.find((i) => i.width > 0)?.width).toBeLessThanOrEqual(160);
    expect(listed.fromOldHost).toBe(0);
    const entry = (await popup.entries()).find((e) => e.name === TITLE);
    await popup.page.close();

    const url = new URL(entry?.href ?? '');
    const reader = await ext.openExtensionPage(url.pathname + url.search, 'article .g-body');
    await pollPage(reader, () => {
      const imgs = [...document.querySelectorAll<HTMLImageElement>('article .g-body img')];
      return imgs.length === 3 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    });
    const shown = await imagesOf(reader, server.origin);
    expect(shown.images.map((i) => i.width)).toEqual([400, 440, 480]);
    for (const image of shown.images) expect(image.src).toMatch(/^blob:/);
    expect(shown.fromOldHost).toBe(0);
    expect(await reader.evaluate(() => document.querySelectorAll('.g-img-missing').length)).toBe(0);
    await reader.close();

    // Options → Storage: what the pictures take (three and the thumbnail), and this article
    // among the largest, linked to its stored copy.
    const options = await ext.openExtensionPage('/options.html', 'main h2');
    const largest = await control(options, 'list', 'Largest articles');
    const items = await options.$$eval(`${largest} li a`, (links) =>
      links.map((a) => ({ title: a.textContent, href: a.getAttribute('href') ?? '' })),
    );
    expect(items.find((i) => i.title === TITLE)?.href).toBe(entry?.href);
    const lines = await options.$$eval('ul.storage-usage li', (li) => li.map((l) => l.textContent ?? ''));
    expect(lines).toContainEqual(expect.stringMatching(/^4 saved images: \d/));
    expect(lines).toContainEqual(expect.stringMatching(/^2 articles: \d/));
    await options.close();
  });

  it('keeps an SVG picture only as sanitized, in this browser too (Chrome: in the offscreen document)', async () => {
    const svgServer = await startImageServer();
    const hostile =
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" onload="alert(1)">' +
      '<script>alert(2)</script><rect width="40" height="20" fill="#2a6"/></svg>';
    svgServer.route('/logo.svg', serve(new TextEncoder().encode(hostile), 'image/svg+xml'));
    const svgTitle = 'A diagram drawn in SVG';
    svgServer.route(
      '/svg.html',
      serve(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${svgTitle}</title></head><body>` +
          `<main><article><h1>${svgTitle}</h1>${PROSE.repeat(3)}<figure><img src="${svgServer.origin}/logo.svg" ` +
          `alt="Diagram"></figure>${PROSE.repeat(3)}</article></main></body></html>`,
        'text/html; charset=utf-8',
      ),
    );
    try {
      const url = `${svgServer.origin}/svg.html`;
      const page = await ext.browser.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const web = new WebPage(page);
      await web.waitForControl();
      await probe.toggleReadingView(await probe.tabId(url));
      await web.readingFrame();
      await page.keyboard.press('Enter');
      let hash: string | undefined;
      const until = Date.now() + 30_000;
      while (!hash && Date.now() < until) {
        const maps = await readStore<StoredMap>(probe.page, 'imageMaps');
        hash = maps.flatMap((m) => m.entries).find((e) => e.src === `${svgServer.origin}/logo.svg`)?.hash;
        if (!hash) await new Promise((r) => setTimeout(r, 200));
      }
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      const stored = await probe.page.evaluate(
        (key: string) =>
          new Promise<{ type: string; text: string }>((resolve, reject) => {
            const open = indexedDB.open('glossa');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const request = open.result.transaction('images').objectStore('images').get(key);
              request.onsuccess = () => {
                const record = request.result as { type: string; blob: Blob };
                void record.blob.text().then((text) => resolve({ type: record.type, text }));
              };
              request.onerror = () => reject(request.error);
            };
          }),
        hash ?? '',
      );
      expect(stored.type).toBe('image/svg+xml');
      expect(stored.text).toContain('<rect');
      expect(stored.text).not.toMatch(/script|onload|alert/i);
      await page.keyboard.press('Escape');
      await page.close();
    } finally {
      await svgServer.stop();
    }
  });
});
