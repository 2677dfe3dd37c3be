// Sync (issue 5), in headless Chromium on its real IndexedDB against a real pouchdb-server on
// loopback: the initial sync of 1,000 articles and 10,000 highlights from device A to the
// server and from the server to an empty device B (time, requests, bytes), then the
// steady-state cost of one note edit (A pushes, B pulls). Each initial run uses a fresh server
// database and a fresh B; A's library is built once through the real local write paths.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { startCouchServer } from '../../scripts/couch-server.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { launchChromium, stats } from '../chromium.mjs';

const ARTICLES = 1_000;
const PER_ARTICLE = 10;
const RUNS = 3;
const EDITS = 15;

/** Plain text bodies from the corpus posts (front matter and tags dropped). */
function bodies(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.md')) {
        const text = readFileSync(file, 'utf8').replace(/^\s*---[\s\S]*?\n---/, '');
        out.push(
          text
            .replace(/<[^>]*>/g, ' ')
            .replace(/[ \t]+/g, ' ')
            .trim(),
        );
      }
    }
  };
  walk(root);
  return out.filter((t) => t.length > 200);
}

export async function run({ root, fixtures }) {
  const texts = bodies(path.join(fixtures, 'corpus/hexo-posts'));
  const couch = await startCouchServer();
  const server = await startStaticServer(path.join(root, 'bench/.dist-sync'));
  const chrome = await launchChromium(null, { protocolTimeout: 900_000 });
  try {
    const page = await chrome.browser.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const call = (fn, ...args) => page.evaluate((name, a) => window.glossaSyncBench[name](...a), fn, args);
    const built = await call('build', 'device-a', ARTICLES, PER_ARTICLE, texts);

    const push = [];
    const pull = [];
    let check = null;
    for (let i = 0; i < RUNS; i++) {
      const db = `bench-${i}`;
      await fetch(`${couch.url}/${db}`, { method: 'PUT' });
      await call('reset', 'device-a', couch.url, db);
      push.push(await call('sync', 'device-a', couch.url, db));
      pull.push(await call('sync', `device-b-${i}`, couch.url, db));
      check = await call('counts', `device-b-${i}`);
    }

    // Steady state: one note edited on A, pushed; B pulls it.
    const db = `bench-${RUNS - 1}`;
    const b = `device-b-${RUNS - 1}`;
    const editPush = [];
    const editPull = [];
    let arrived = 0;
    for (let i = 0; i < EDITS; i++) {
      await call('editNote', 'device-a', `h-${i}-0`, `修改 ${i}`);
      editPush.push(await call('sync', 'device-a', couch.url, db));
      editPull.push(await call('sync', b, couch.url, db));
      if ((await call('note', b, `h-${i}-0`)) === `修改 ${i}`) arrived += 1;
    }

    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    const med = (list, key) => stats(list.map((r) => r[key])).median;
    const row = (metric, list, unit, note) => ({
      suite: 'sync',
      metric,
      unit,
      ...stats(list.map((r) => r.ms)),
      note,
    });
    return [
      row(
        `initial push, ${ARTICLES} articles + ${ARTICLES * PER_ARTICLE} highlights (A → server)`,
        push,
        'ms',
        `${med(push, 'requests')} requests, ${mb(med(push, 'bytesSent'))} sent, ${mb(med(push, 'bytesReceived'))} received; A built in ${(built.ms / 1000).toFixed(1)} s`,
      ),
      row(
        'initial pull into an empty device (server → B)',
        pull,
        'ms',
        `${med(pull, 'requests')} requests, ${mb(med(pull, 'bytesReceived'))} received; B holds ${check?.articles} articles, ${check?.highlights} highlights, outbox ${check?.outbox}`,
      ),
      row(
        'one note edit: A pushes',
        editPush,
        'ms',
        `${med(editPush, 'requests')} requests, ${kb(med(editPush, 'bytesSent'))} sent, ${kb(med(editPush, 'bytesReceived'))} received`,
      ),
      row(
        'one note edit: B pulls',
        editPull,
        'ms',
        `${med(editPull, 'requests')} requests, ${kb(med(editPull, 'bytesSent'))} sent, ${kb(med(editPull, 'bytesReceived'))} received; ${arrived}/${EDITS} edits arrived`,
      ),
    ];
  } finally {
    await chrome.close();
    await server.close();
    await couch.stop();
  }
}
