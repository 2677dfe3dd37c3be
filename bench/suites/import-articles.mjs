// Import of 1,000 seed-format articles (made from the corpus posts by varying their titles, so
// every one gets its own id) into a fresh IndexedDB, in headless Chromium, with the real
// importer and sanitizer. Goal: ≤ 3 s (issue 2), then ≤ 1.5 s (issue 17: feeds import in bulk).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { launchChromium, stats } from '../chromium.mjs';

const RUNS = 5;
const COUNT = 1000;

function corpusPosts(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.md')) out.push(readFileSync(file, 'utf8'));
    }
  };
  walk(root);
  return out;
}

/** 1,000 distinct files: the corpus posts with `#n` appended to their title. */
function makeFiles(posts) {
  return Array.from({ length: COUNT }, (_, i) => {
    const text = posts[i % posts.length].replace(
      /^(title:\s*)(['"]?)(.*?)\2\s*$/m,
      (_m, key, q, title) => `${key}${q}${title} #${i}${q}`,
    );
    return { name: `bench-${i}.md`, text };
  });
}

export async function run({ root, fixtures }) {
  const posts = corpusPosts(path.join(fixtures, 'corpus/hexo-posts'));
  posts.push(readFileSync(path.join(root, 'assets/seeds/000_460d2781416ddc35.md'), 'utf8'));
  const files = makeFiles(posts);
  const server = await startStaticServer(path.join(root, 'bench/.dist'));
  const chrome = await launchChromium(null);
  try {
    const page = await chrome.browser.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => document.title === 'ready');
    const times = [];
    let last = null;
    for (let i = 0; i < RUNS; i++) {
      last = await page.evaluate((f, db) => window.glossaBench.importFiles(f, db), files, `bench-import-${i}`);
      times.push(last.ms);
    }
    const s = stats(times);
    return [
      {
        suite: 'import',
        metric: `import ${COUNT} seed-format articles`,
        unit: 'ms',
        ...s,
        goal: '≤ 1500 ms',
        met: s.median <= 1500,
        note: `${last.created} created, ${last.errors} errors`,
      },
    ];
  } finally {
    await chrome.close();
    await server.close();
  }
}
