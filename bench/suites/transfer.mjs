// Export and re-import of a 10,000-article library (issue 6), in headless Chromium on its real
// IndexedDB. The library is built deterministically from the corpus posts (imported once with
// the real importer, then copied under new ids and titles, with 3 highlights each: every colour,
// notes on some, a tenth of them deleted). Timed: the JSON backup export, its import into an
// empty library, importing it again into that library (nothing changes), and the Markdown and
// JSON-LD exports.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { launchChromium, stats } from '../chromium.mjs';

const COUNT = 10_000;
const PER_ARTICLE = 3;
const RUNS = 3;

function corpusPosts(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.md')) out.push({ name, text: readFileSync(file, 'utf8') });
    }
  };
  walk(root);
  return out;
}

export async function run({ root, fixtures }) {
  const posts = corpusPosts(path.join(fixtures, 'corpus/hexo-posts'));
  posts.push({ name: 'seed.md', text: readFileSync(path.join(root, 'assets/seeds/000_460d2781416ddc35.md'), 'utf8') });
  const server = await startStaticServer(path.join(root, 'bench/.dist-transfer'));
  const chrome = await launchChromium(null, { protocolTimeout: 600_000 });
  try {
    const page = await chrome.browser.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const call = (fn, ...args) => page.evaluate((name, a) => window.glossaTransferBench[name](...a), fn, args);
    const built = await call('build', posts, COUNT, PER_ARTICLE, 'transfer-source');
    const times = { backup: [], restore: [], again: [], markdown: [], jsonld: [] };
    const sizes = {};
    let restored = null;
    let again = null;
    for (let i = 0; i < RUNS; i++) {
      const backup = await call('exportAll', 'transfer-source', 'backup');
      times.backup.push(backup.ms);
      sizes.backup = backup.bytes;
      restored = await call('importBackup', `transfer-target-${i}`);
      times.restore.push(restored.ms);
      again = await call('importBackup', `transfer-target-${i}`);
      times.again.push(again.ms);
      for (const format of ['markdown', 'jsonld']) {
        const out = await call('exportAll', 'transfer-source', format);
        times[format].push(out.ms);
        sizes[format] = out.bytes;
      }
    }
    const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const row = (metric, values, note) => ({ suite: 'transfer', metric, unit: 'ms', ...stats(values), note });
    return [
      row(
        `export backup of ${COUNT} articles`,
        times.backup,
        `${mb(sizes.backup)}; library built in ${(built.ms / 1000).toFixed(1)} s (${built.articles} articles, ${built.highlights} highlights)`,
      ),
      row(
        `import that backup into an empty library`,
        times.restore,
        `ok=${restored?.ok}, ${restored?.changed} records changed, ${restored?.articles} articles`,
      ),
      row('import the same backup again', times.again, `${again?.changed} records changed (must be 0)`),
      row(`export ${COUNT} articles as Markdown`, times.markdown, mb(sizes.markdown)),
      row(`export ${COUNT} articles as JSON-LD`, times.jsonld, mb(sizes.jsonld)),
    ];
  } finally {
    await chrome.close();
    await server.close();
  }
}
