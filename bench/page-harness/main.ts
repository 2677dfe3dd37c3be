/**
 * Injected into each corpus page (served from 127.0.0.1) by bench/suites/detect-extract.mjs:
 * times Glossa's detector against Readability's isProbablyReaderable, and Glossa's extraction
 * against raw Readability and Defuddle, all on the same live DOM in the same run, and scores
 * each extraction's text against the corpus's expected.html with the tests' F1.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { isProbablyArticle } from '../../lib/page/detect/detect';
import { extractArticle } from '../../lib/page/extract/extract';
import { textF1 } from '../../tests/support/text-f1';

/**
 * Mean time of one call of `fn`, in ms, plus its result. Calls are timed as one block of
 * `reps`, because browsers coarsen performance.now() (to 0.1 ms here) and a detector call is
 * often shorter than that; the block is repeated 3 times and the fastest kept, against noise.
 */
function time<T>(fn: () => T, reps: number): { ms: number; result: T } {
  let result = fn();
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) result = fn();
    best = Math.min(best, (performance.now() - start) / reps);
  }
  return { ms: best, result };
}

function expectedText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

/** What one page yields. */
export interface PageResult {
  ours: { detectMs: number; isArticle: boolean; extractMs: number; f1: number };
  readability: { detectMs: number; isArticle: boolean; extractMs: number; f1: number };
  defuddle: { extractMs: number; f1: number };
}

/**
 * Untimed runs of each extractor before any is timed. The harness is evaluated afresh in each
 * page, so its code starts cold there, and Glossa and raw Readability share Readability's
 * code: whichever ran first paid to warm it for the other (measured: Glossa timed first on
 * every page came out 0.86× Readability; timed after it, 0.71×). Warm runs put all three in
 * the same steady state, which is what the ratios compare.
 */
const WARM_RUNS = 3;

/**
 * Runs every measurement on the current document: warm-up first (see WARM_RUNS), then the
 * extractors timed in an order that rotates with `turn` (the page's index), so none is always
 * first or last.
 */
export function measure(expectedHtml: string, detectReps: number, extractReps: number, turn = 0): PageResult {
  const expected = expectedText(expectedHtml);
  const href = location.href;
  const oursDetect = time(() => isProbablyArticle(document), detectReps);
  const theirsDetect = time(() => isProbablyReaderable(document), detectReps);
  const ours = () => extractArticle(document, href);
  const raw = () => new Readability(document.cloneNode(true) as Document).parse();
  const peer = () => new Defuddle(document.cloneNode(true) as Document, { url: href }).parse();
  for (let warm = 0; warm < WARM_RUNS; warm++) {
    ours();
    raw();
    peer();
  }
  let oursExtract = { ms: 0, result: null as ReturnType<typeof ours> };
  let rawExtract = { ms: 0, result: null as ReturnType<typeof raw> };
  let defuddle = { ms: 0, result: {} as ReturnType<typeof peer> };
  const timed = [
    () => (oursExtract = time(ours, extractReps)),
    () => (rawExtract = time(raw, extractReps)),
    () => (defuddle = time(peer, extractReps)),
  ];
  for (let i = 0; i < timed.length; i++) timed[(i + turn) % timed.length]?.();
  const defuddleText =
    new DOMParser().parseFromString(defuddle.result.content ?? '', 'text/html').body.textContent ?? '';
  return {
    ours: {
      detectMs: oursDetect.ms,
      isArticle: oursDetect.result,
      extractMs: oursExtract.ms,
      f1: textF1(oursExtract.result?.text ?? '', expected),
    },
    readability: {
      detectMs: theirsDetect.ms,
      isArticle: theirsDetect.result,
      extractMs: rawExtract.ms,
      f1: textF1(rawExtract.result?.textContent ?? '', expected),
    },
    defuddle: { extractMs: defuddle.ms, f1: textF1(defuddleText, expected) },
  };
}

(globalThis as unknown as { glossaPageBench: unknown }).glossaPageBench = {
  measure,
  ours: () => isProbablyArticle(document),
  theirs: () => isProbablyReaderable(document),
  /** One Glossa extraction of this page, for profiling. */
  extract: () => extractArticle(document, location.href),
  /** One raw Readability extraction of this page, for profiling. */
  readability: () => new Readability(document.cloneNode(true) as Document).parse(),
};
