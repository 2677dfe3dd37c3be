// Parsing a 500-item Chinese RSS 2.0 feed (issue 17): Glossa's path (linear pre-scan, feedsmith,
// normalizing) beside feedsmith alone and @rowanmanning/feed-parser, in one Node process (the
// parsers are plain JavaScript and the MV3 worker is V8 without a DOM, so no browser is needed),
// each timed after warm-up runs and in a rotating order; then parse + import up to the store,
// with sanitizing stubbed (it needs a DOM; the `import` suite measures it); the CPU time of
// refreshing 100 subscriptions that all answer 304 (the server runs in a child process, so only
// the client's work is counted); and the minified and gzipped size each parser adds to a bundle.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { stats } from '../chromium.mjs';

const ITEMS = 500;
const RUNS = 15;
const WARMUP = 3;
const FEEDS = 100;

/** A server in a child process answering 304 to `If-None-Match: "same"` on every path. */
const SERVER = `
import { createServer } from 'node:http';
const server = createServer((req, res) => {
  if (req.headers['if-none-match'] === '"same"') res.writeHead(304, { ETag: '"same"' }).end();
  else res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: '"same"' }).end('<rss><channel><title>t</title></channel></rss>');
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function startServer() {
  const child = spawn(process.execPath, ['--input-type=module', '-e', SERVER], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (data) => resolve(Number(String(data).trim())));
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  return { base: `http://127.0.0.1:${port}`, close: () => child.kill() };
}

/** CPU (user + system) and wall milliseconds of refreshing FEEDS unchanged subscriptions. */
async function refreshCost(harness) {
  const server = await startServer();
  try {
    const urls = Array.from({ length: FEEDS }, (_, i) => `${server.base}/feed/${i}.xml`);
    const cpu = [];
    const wall = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const startCpu = process.cpuUsage();
      const start = performance.now();
      const unchanged = await harness.refreshAllUnchanged(urls, '"same"');
      const used = process.cpuUsage(startCpu);
      if (unchanged !== FEEDS) throw new Error(`${unchanged} of ${FEEDS} answered 304`);
      if (i >= WARMUP) {
        cpu.push((used.user + used.system) / 1000);
        wall.push(performance.now() - start);
      }
    }
    return { cpu: stats(cpu), wall: stats(wall) };
  } finally {
    server.close();
  }
}

function time(fn) {
  const start = performance.now();
  const out = fn();
  return { ms: performance.now() - start, out };
}

/** Minified bytes and gzipped bytes of a browser bundle of `code` (written beside the harness). */
async function bundleSize(root, name, code) {
  const dir = path.join(root, 'bench/.dist-feeds/entries');
  mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.ts`);
  writeFileSync(entry, code);
  const out = await build({
    root,
    logLevel: 'silent',
    configFile: false,
    build: { write: false, minify: true, lib: { entry, formats: ['es'], fileName: 'entry' } },
  });
  const chunk = (Array.isArray(out) ? out[0] : out).output[0];
  const bytes = Buffer.from(chunk.code);
  return { min: bytes.length, gzip: gzipSync(bytes).length };
}

export async function run({ root }) {
  const harness = await import(path.join(root, 'bench/.dist-feeds/feeds.mjs'));
  const text = harness.makeFeed(ITEMS);
  const names = Object.keys(harness.PARSERS);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length];
      const { ms, out } = time(() => harness.PARSERS[name](text));
      if (out !== ITEMS) throw new Error(`${name} read ${out} entries, not ${ITEMS}`);
      if (i >= WARMUP) times[name].push(ms);
    }
  }
  const importTimes = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const start = performance.now();
    const stored = await harness.importAll(text);
    if (stored !== ITEMS) throw new Error(`imported ${stored}, not ${ITEMS}`);
    if (i >= WARMUP) importTimes.push(performance.now() - start);
  }
  const glossa = stats(times[names[0]]);
  const rows = names.map((name) => {
    const s = stats(times[name]);
    return {
      suite: 'feeds',
      metric: `parse ${ITEMS} items (${(text.length / 1e6).toFixed(2)} M chars): ${name}`,
      unit: 'ms',
      ...s,
      ...(name === names[0] ? {} : { peer: name, ratio: s.median / glossa.median }),
      note: `${(s.median / ITEMS).toFixed(3)} ms per item`,
    };
  });
  const imp = stats(importTimes);
  rows.push({
    suite: 'feeds',
    metric: `parse + import ${ITEMS} items up to the store (sanitizing stubbed)`,
    unit: 'ms',
    ...imp,
    note: `${(imp.median / ITEMS).toFixed(3)} ms per item`,
  });
  const refresh = await refreshCost(harness);
  rows.push({
    suite: 'feeds',
    metric: `refresh ${FEEDS} feeds that all answer 304: CPU (Node, client side)`,
    unit: 'ms',
    ...refresh.cpu,
    goal: '≤ 1000 ms',
    met: refresh.cpu.median <= 1000,
    note: `wall ${refresh.wall.median.toFixed(0)} ms; the extension's worker is not measured here`,
  });
  const sizes = {
    'glossa feed path': `export { parseFeedText } from '${path.join(root, 'lib/shared/feeds/parse-feed.ts')}';`,
    'feedsmith parseFeed': "export { parseFeed } from 'feedsmith';",
    '@rowanmanning/feed-parser': "export { parseFeed } from '@rowanmanning/feed-parser';",
  };
  for (const [name, code] of Object.entries(sizes)) {
    const { min, gzip } = await bundleSize(root, name, code);
    rows.push({
      suite: 'feeds',
      metric: `bundle: ${name}`,
      unit: 'kB gzip',
      median: gzip / 1024,
      runs: 1,
      note: `${(min / 1024).toFixed(1)} kB minified`,
    });
  }
  return rows;
}
