// Saving an article's images in the real extension (headless Chromium): an article naming 20
// pictures of ~200 kB served from 127.0.0.1 is announced as saved, and the time until the
// background has fetched, hashed and stored all of them (and made the thumbnail) is measured;
// then what IndexedDB holds on disk for them against their bytes on the wire. Issue 16.
import { createServer } from 'node:http';
import path from 'node:path';
import { noisePng } from '../../scripts/png.mjs';
import { launchChromium, stats } from '../chromium.mjs';

const RUNS = 5;
const IMAGES = 20;
const IMAGE_BYTES = 200_000;

/** Serves fresh pictures for each run (so no run is deduplicated against an earlier one). */
async function startServer() {
  const pictures = new Map();
  const server = createServer((req, res) => {
    const body = pictures.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': body.length });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, pictures, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * In an extension page: stores an article from `url` naming `urls`, announces it, waits until all
 * are saved.
 */
function saveAndWait({ id, urls, url }) {
  const request = (r) =>
    new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  return (async () => {
    const db = await request(indexedDB.open('glossa'));
    const [seed] = await request(db.transaction('articles').objectStore('articles').getAll());
    const html = urls.map((u) => `<p><img src="${u}" alt=""></p>`).join('');
    const tx = db.transaction(['articles', 'bodies'], 'readwrite');
    tx.objectStore('articles').put({ ...seed, id, url, heroImage: null, contentHash: id });
    tx.objectStore('bodies').put({ schema: seed.schema, id, html, text: '' });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    const before = (await navigator.storage.estimate()).usage ?? 0;
    const start = performance.now();
    // What every save path does after its write: announce it (the background listens).
    new BroadcastChannel('glossa:library').postMessage({ store: 'articles', ids: [id] });
    for (;;) {
      const map = await request(db.transaction('imageMaps').objectStore('imageMaps').get(id));
      if (map && map.entries.length === urls.length) {
        const elapsed = performance.now() - start;
        const saved = map.entries.filter((e) => e.hash).length;
        await new Promise((resolve) => setTimeout(resolve, 500));
        const after = (await navigator.storage.estimate()).usage ?? 0;
        db.close();
        return { elapsed, saved, thumb: Boolean(map.thumb), stored: after - before };
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
}

export async function run({ root }) {
  const server = await startServer();
  const chrome = await launchChromium(path.join(root, '.output/chrome-mv3'));
  try {
    const page = await chrome.browser.newPage();
    await page.goto(`${chrome.origin}/popup.html`);
    await page.waitForSelector('li.item > a', { timeout: 30_000 });
    const times = [];
    const overhead = [];
    for (let run = 0; run < RUNS; run++) {
      const urls = [];
      let wire = 0;
      for (let i = 0; i < IMAGES; i++) {
        const body = noisePng(IMAGE_BYTES);
        wire += body.length;
        server.pictures.set(`/r${run}/${i}.png`, body);
        urls.push(`${server.origin}/r${run}/${i}.png`);
      }
      // Saved from a page on this computer: only such an article may fetch pictures from it.
      const url = `${server.origin}/r${run}/article.html`;
      const result = await page.evaluate(saveAndWait, { id: `bench-images-${run}`, urls, url });
      if (result.saved !== IMAGES || !result.thumb) throw new Error(`run ${run}: ${JSON.stringify(result)}`);
      times.push(result.elapsed);
      overhead.push(result.stored / wire);
    }
    const t = stats(times);
    const o = stats(overhead);
    return [
      {
        suite: 'images',
        metric: `save ${IMAGES} images of ${IMAGE_BYTES / 1000} kB`,
        ...t,
        unit: 'ms',
        note: 'announce → map with all stored + thumbnail',
      },
      {
        suite: 'images',
        metric: 'stored size / wire size',
        ...o,
        unit: '×',
        note: 'navigator.storage.estimate() delta, thumbnails included',
      },
    ];
  } finally {
    await chrome.close();
    await server.close();
  }
}
