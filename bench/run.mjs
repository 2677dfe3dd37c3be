// `npm run bench`: builds what it needs, runs each suite in headless Chromium, writes
// bench/results/<suite>.json and prints one table (median, p95, goal, peer ratio if any).
// Benchmarks never gate tests: the machines are shared and noisy.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(root, '../shared');
const only = process.argv.slice(2);

const SUITES = {
  import: () => import('./suites/import-articles.mjs'),
  popup: () => import('./suites/popup-paint.mjs'),
  detect: () => import('./suites/detect-extract.mjs'),
  content: () => import('./suites/content-cost.mjs'),
};

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

sh('npx', ['wxt', 'build', '-b', 'chrome']);
sh('npx', ['vite', 'build', '--config', 'bench/vite.config.ts']);
sh('npx', ['vite', 'build', '--config', 'bench/page-harness/vite.config.ts']);

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
const rows = [];
for (const [name, load] of Object.entries(SUITES)) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`running ${name}…`);
  const suite = await load();
  const result = await suite.run({ root, shared });
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
