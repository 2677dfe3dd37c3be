// Issue 3's benchmark over the 130 Readability corpus pages, served from 127.0.0.1 and loaded
// in headless Chromium (page scripts off, as the corpus's expected output assumes):
// detection time, Glossa vs isProbablyReaderable, and extraction time and text F1, Glossa vs
// raw Readability vs Defuddle — all on the same live DOM in the same run.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { launchChromium, stats } from '../chromium.mjs';

const DETECT_REPS = 20;
const EXTRACT_REPS = 2;

export async function run({ root, fixtures }) {
  const corpus = path.join(fixtures, 'corpus/readability');
  const pages = readdirSync(corpus).sort();
  const bundle = readFileSync(path.join(root, 'bench/.dist-page/page-bench.js'), 'utf8');
  const server = await startStaticServer(corpus);
  const chrome = await launchChromium(null);
  const rows = { oursDetect: [], theirsDetect: [], oursExtract: [], rawExtract: [], defuddleExtract: [] };
  const f1 = { ours: [], readability: [], defuddle: [] };
  let agree = 0;
  try {
    const page = await chrome.browser.newPage();
    await page.setJavaScriptEnabled(false);
    for (const name of pages) {
      await page.goto(`${server.url}/${encodeURIComponent(name)}/source.html`, { waitUntil: 'domcontentloaded' });
      await page.evaluate(bundle);
      const expectedHtml = readFileSync(path.join(corpus, name, 'expected.html'), 'utf8');
      const meta = JSON.parse(readFileSync(path.join(corpus, name, 'expected-metadata.json'), 'utf8'));
      const r = await page.evaluate(
        (html, d, e, turn) => globalThis.glossaPageBench.measure(html, d, e, turn),
        expectedHtml,
        DETECT_REPS,
        EXTRACT_REPS,
        pages.indexOf(name),
      );
      rows.oursDetect.push(r.ours.detectMs);
      rows.theirsDetect.push(r.readability.detectMs);
      rows.oursExtract.push(r.ours.extractMs);
      rows.rawExtract.push(r.readability.extractMs);
      rows.defuddleExtract.push(r.defuddle.extractMs);
      f1.ours.push(r.ours.f1);
      f1.readability.push(r.readability.f1);
      f1.defuddle.push(r.defuddle.f1);
      if (r.ours.isArticle === Boolean(meta.readerable)) agree++;
    }
  } finally {
    await chrome.close();
    await server.close();
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const od = stats(rows.oursDetect);
  const td = stats(rows.theirsDetect);
  const oe = stats(rows.oursExtract);
  const re = stats(rows.rawExtract);
  const de = stats(rows.defuddleExtract);
  const n = pages.length;
  return [
    {
      suite: 'detect',
      metric: `detection per page, ${n} pages (Glossa)`,
      unit: 'ms',
      ...od,
      goal: 'median ≤ 3, p95 ≤ 12, ≤ 1.0× peer',
      met: od.median <= 3 && od.p95 <= 12 && sum(rows.oursDetect) <= sum(rows.theirsDetect),
      peer: 'isProbablyReaderable',
      ratio: sum(rows.oursDetect) / sum(rows.theirsDetect),
      note: `total ${sum(rows.oursDetect).toFixed(1)} vs ${sum(rows.theirsDetect).toFixed(1)} ms; agrees with readerable on ${agree}/${n}`,
    },
    { suite: 'detect', metric: `detection per page, ${n} pages (isProbablyReaderable)`, unit: 'ms', ...td },
    {
      suite: 'extract',
      metric: `extraction per page, ${n} pages (Glossa)`,
      unit: 'ms',
      ...oe,
      goal: '≤ 1.2× Readability, ≥ 5× faster than Defuddle',
      met:
        sum(rows.oursExtract) <= 1.2 * sum(rows.rawExtract) && sum(rows.defuddleExtract) >= 5 * sum(rows.oursExtract),
      peer: 'Readability',
      ratio: sum(rows.oursExtract) / sum(rows.rawExtract),
      note: `mean F1 ${mean(f1.ours).toFixed(4)}; Defuddle takes ${(sum(rows.defuddleExtract) / sum(rows.oursExtract)).toFixed(2)}× our time`,
    },
    {
      suite: 'extract',
      metric: `extraction per page, ${n} pages (raw Readability)`,
      unit: 'ms',
      ...re,
      note: `mean F1 ${mean(f1.readability).toFixed(4)}`,
    },
    {
      suite: 'extract',
      metric: `extraction per page, ${n} pages (Defuddle)`,
      unit: 'ms',
      ...de,
      peer: 'Glossa',
      ratio: sum(rows.defuddleExtract) / sum(rows.oursExtract),
      note: `mean F1 ${mean(f1.defuddle).toFixed(4)}`,
    },
  ];
}
