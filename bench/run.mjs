// `npm run bench`: builds what it needs, runs each suite in headless Chromium, writes
// bench/results/<suite>.json and prints one table (median, p95, goal, peer ratio if any).
// Benchmarks never gate tests: the machines are shared and noisy.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
/** The test corpora, part of the repository (tests/fixtures/corpus/README.md). */
const fixtures = path.resolve(root, 'tests/fixtures');
const only = process.argv.slice(2);

/** Builds, each run once if a selected suite needs it. */
const BUILDS = {
  extension: ['npx', ['wxt', 'build', '-b', 'chrome']],
  harness: ['npx', ['vite', 'build', '--config', 'bench/vite.config.ts']],
  page: ['npx', ['vite', 'build', '--config', 'bench/page-harness/vite.config.ts']],
  anchor: ['npx', ['vite', 'build', '--config', 'bench/page-harness/vite.anchor.config.ts']],
  transfer: ['npx', ['vite', 'build', '--config', 'bench/vite.transfer.config.ts']],
  search: ['npx', ['vite', 'build', '--config', 'bench/page-harness/vite.search.config.ts']],
  sync: ['npx', ['vite', 'build', '--config', 'bench/vite.sync.config.ts']],
  feeds: ['npx', ['vite', 'build', '--config', 'bench/vite.feeds.config.ts']],
};

const SUITES = {
  import: { load: () => import('./suites/import-articles.mjs'), builds: ['harness'] },
  popup: { load: () => import('./suites/popup-paint.mjs'), builds: ['extension'] },
  'popup-feeds': { load: () => import('./suites/popup-feeds.mjs'), builds: ['extension'] },
  panel: { load: () => import('./suites/panel-paint.mjs'), builds: ['extension'] },
  'go-to': { load: () => import('./suites/go-to.mjs'), builds: ['extension'] },
  detect: { load: () => import('./suites/detect-extract.mjs'), builds: ['page'] },
  content: { load: () => import('./suites/content-cost.mjs'), builds: ['extension'] },
  anchor: { load: () => import('./suites/anchor.mjs'), builds: ['anchor'] },
  transfer: { load: () => import('./suites/transfer.mjs'), builds: ['transfer'] },
  search: { load: () => import('./suites/search.mjs'), builds: ['search'] },
  sync: { load: () => import('./suites/sync.mjs'), builds: ['sync'] },
  feeds: { load: () => import('./suites/feeds.mjs'), builds: ['feeds'] },
  images: { load: () => import('./suites/save-images.mjs'), builds: ['extension'] },
};

const unknown = only.filter((name) => !(name in SUITES));
if (unknown.length > 0)
  throw new Error(`unknown suite ${unknown.join(', ')}; suites: ${Object.keys(SUITES).join(', ')}`);
const selected = Object.entries(SUITES).filter(([name]) => only.length === 0 || only.includes(name));

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

for (const build of new Set(selected.flatMap(([, suite]) => suite.builds))) sh(...BUILDS[build]);

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
const rows = [];
for (const [name, { load }] of selected) {
  console.log(`running ${name}…`);
  const suite = await load();
  const result = await suite.run({ root, fixtures });
  writeFileSync(
    path.join(root, `bench/results/${name}.json`),
    `${JSON.stringify({ date: new Date().toISOString(), rows: result }, null, 2)}\n`,
  );
  rows.push(...result);
}

const fmt = (v) => (typeof v === 'number' ? (v >= 100 ? v.toFixed(0) : v.toFixed(2)) : (v ?? ''));
console.log('\n| suite | metric | median | p95 | unit | runs | goal | met | peer | ratio | note |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.suite} | ${r.metric} | ${fmt(r.median)} | ${fmt(r.p95)} | ${r.unit} | ${r.runs} | ${r.goal ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : 'NO'} | ${r.peer ?? ''} | ${r.ratio === undefined ? '' : `${fmt(r.ratio)}×`} | ${r.note ?? ''} |`,
  );
}
