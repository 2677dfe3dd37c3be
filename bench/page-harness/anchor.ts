/**
 * Evaluated in a blank page by bench/suites/anchor.mjs: anchors 1,000 highlights in a
 * ~200,000-character article with Glossa and with the peers (dom-anchor-text-quote,
 * approx-string-match scored as the Hypothesis client scores it, and a
 * plain `indexOf` floor), all on the same live DOM in the same run; then edits ~1 % of the text
 * and does it again, judging every result against the known right answer; and times drawing
 * the highlights with Glossa's painter. Timing and judging happen here, the table in Node.
 *
 * Every engine gets the selectors Glossa stores (quote with 32 characters of context, in our
 * normalized text) and, where it takes one, the stored position as a hint; each answers a DOM
 * Range (or null), which is judged by converting it to offsets of our index of the same DOM.
 */
import { toRange as dtqToRange } from 'dom-anchor-text-quote';
import type { TextQuoteSelector } from '../../lib/model';
import { anchorAll, buildTextIndex, describeOffsets, offsetsToRange, rangeToOffsets } from '../../lib/shared/anchoring';
import { judge, rng } from '../../tests/support/text-edits';
import { draw } from './anchor-draw';
import { edit } from './anchor-edit';
import type { Engine, Example, PassResult, State, Tally } from './anchor-types';
import { hypothesisMatch, type Span } from './hypothesis-match';

let state: State | null = null;

function current(): State {
  if (!state) throw new Error('call setup() first');
  return state;
}

/** Han, kana, Hangul: what counts as CJK in the article's mix. */
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/g;

/**
 * Puts the article into the page's `<article>` and draws `count` highlights at random:
 * 5–80 characters of our normalized text, never starting or ending on a space.
 */
function setup(
  html: string,
  count: number,
  seed: number,
): {
  chars: number;
  rawChars: number;
  twins: number;
  verbatim: number;
  cjkShare: number;
  textNodes: number;
  meanLength: number;
} {
  const article = document.querySelector('article');
  if (!article) throw new Error('the page has no <article>');
  article.innerHTML = html;
  void document.body.offsetHeight; // first layout now, not inside a measurement
  const index = buildTextIndex(article);
  const { text } = index;
  const random = rng(seed);
  const spans: Span[] = [];
  while (spans.length < count) {
    const length = 5 + Math.floor(random() * 76);
    const start = Math.floor(random() * (text.length - length));
    const end = start + length;
    if (text.charCodeAt(start) === 32 || text.charCodeAt(end - 1) === 32) continue;
    spans.push({ start, end });
  }
  const items = spans.map((s) => ({ selectors: describeOffsets(index, s.start, s.end) }));
  // dom-anchor-text-quote counts raw textContent: the same start, in its coordinates.
  const rawStart = new Map<Node, number>();
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  let raw = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    rawStart.set(node, raw);
    raw += (node as Text).data.length;
  }
  const rawHints = spans.map((s) => {
    const k = index.charNode[s.start] ?? -1;
    const node = index.nodes[k];
    if (!node) throw new Error('a span starts on a block-edge space');
    return (rawStart.get(node) ?? 0) + (index.charOffset[s.start] ?? 0);
  });
  state = {
    article,
    phase: 'intact',
    index,
    originalText: text,
    spans,
    items,
    quotes: items.map((item) => item.selectors[0]),
    hints: spans.map((s) => s.start),
    rawHints,
    truth: null,
    drawn: [],
    lastGlossa: [],
    lastSteps: { index: 0, match: 0, ranges: 0 },
  };
  // Highlights whose quote and context occur more than once: only a position tells them apart.
  // And those whose quote and context stand verbatim in raw textContent (what exact peers read).
  let twins = 0;
  let verbatim = 0;
  const rawText = article.textContent ?? '';
  for (const item of items) {
    const [q] = item.selectors;
    const whole = q.prefix + q.exact + q.suffix;
    const first = text.indexOf(whole);
    if (text.indexOf(whole, first + 1) !== -1) twins++;
    if (rawText.includes(whole)) verbatim++;
  }
  return {
    chars: text.length,
    rawChars: raw,
    twins,
    verbatim,
    cjkShare: (text.match(CJK)?.length ?? 0) / text.length,
    textNodes: index.nodes.length,
    meanLength: spans.reduce((sum, s) => sum + s.end - s.start, 0) / spans.length,
  };
}

/**
 * The engines that work on our text index: build it, find every quote's `[start, end)` in its
 * text, make DOM ranges; each step timed (the total is what is compared).
 */
function onIndex(s: State, findAll: (text: string) => (Span | null)[]): (Range | null)[] {
  const t0 = performance.now();
  const index = buildTextIndex(s.article);
  const t1 = performance.now();
  const found = findAll(index.text);
  const t2 = performance.now();
  const ranges = found.map((m) => (m ? offsetsToRange(index, m.start, m.end) : null));
  s.lastSteps = { index: t1 - t0, match: t2 - t1, ranges: performance.now() - t2 };
  return ranges;
}

/** One engine over every highlight: DOM ranges in input order (null = orphan). */
async function anchorWith(engine: Engine, s: State): Promise<(Range | null)[]> {
  const { article, quotes } = s;
  switch (engine) {
    case 'glossa':
      return onIndex(s, (text) => {
        s.lastGlossa = anchorAll({ text }, s.items);
        return s.lastGlossa.map((r) => (r.ok ? r : null));
      });
    case 'indexOf':
      return onIndex(s, (text) =>
        quotes.map(({ exact }) => {
          const at = text.indexOf(exact);
          return at < 0 ? null : { start: at, end: at + exact.length };
        }),
      );
    case 'hypothesis':
      return onIndex(s, (text) => quotes.map((q, i) => hypothesisMatch(text, q, s.hints[i] ?? 0)));
    case 'dtq':
      return quotes.map((q) => dtqToRange(article, { exact: q.exact, prefix: q.prefix, suffix: q.suffix }));
    case 'dtq-hint': {
      // Its hint counts raw textContent: exact for the intact article; in the edited one (whose
      // textContent is the edited text itself) the stored position is that coordinate.
      const hints = s.phase === 'intact' ? s.rawHints : s.hints;
      return quotes.map((q, i) =>
        dtqToRange(article, { exact: q.exact, prefix: q.prefix, suffix: q.suffix }, { hint: hints[i] }),
      );
    }
  }
}

const around = (text: string, start: number, end: number) =>
  `${text.slice(Math.max(0, start - 20), start)}[${text.slice(start, end)}]${text.slice(end, end + 20)}`;

/** Times one pass of `engine` on the article as it is now and judges what it found. */
async function pass(engine: Engine): Promise<PassResult> {
  const s = current();
  const started = performance.now();
  const ranges = await anchorWith(engine, s);
  const ms = performance.now() - started;
  if (engine === 'glossa' && s.phase === 'intact') s.drawn = ranges.filter((r): r is Range => r !== null);

  const tally: Tally = {
    correct: 0,
    partial: 0,
    wrong: 0,
    orphan: 0,
    recoverable: 0,
    recovered: 0,
    split: 0,
    copies: 0,
  };
  const examples: Example[] = [];
  const text = s.index.text;
  s.spans.forEach((span, i) => {
    const truth = s.truth ? s.truth[i] : { ...span, kept: span.end - span.start, split: false };
    if (truth === undefined) return;
    if (truth?.split) {
      tally.split++;
      return;
    }
    const range = ranges[i];
    const found = range ? rangeToOffsets(s.index, range) : null;
    const verdict = judge(truth, found);
    tally[verdict]++;
    const quote = s.quotes[i] as TextQuoteSelector;
    const got = found ? text.slice(found.start, found.end) : null;
    if (verdict === 'wrong' && got === quote.exact) tally.copies++;
    if (truth && truth.kept * 2 >= span.end - span.start) {
      tally.recoverable++;
      if (verdict === 'correct') tally.recovered++;
    }
    // Every wrong one; for Glossa also a few orphans and partials of recoverable highlights.
    const recoverable = truth !== null && truth.kept * 2 >= span.end - span.start;
    const worth =
      verdict === 'wrong' || (engine === 'glossa' && recoverable && verdict !== 'correct' && examples.length < 40);
    if (worth && examples.length < 60) {
      const result = s.lastGlossa[i];
      examples.push({
        verdict,
        quote: quote.exact,
        prefix: quote.prefix ?? '',
        suffix: quote.suffix ?? '',
        storedAt: span.start,
        wantAt: truth ? truth.start : null,
        want: truth ? text.slice(truth.start, truth.end) : null,
        gotAt: found ? found.start : null,
        got,
        method: engine === 'glossa' && result?.ok ? result.method : undefined,
        wantContext: truth ? around(text, truth.start, truth.end) : null,
        gotContext: found ? around(text, found.start, found.end) : null,
      });
    }
  });
  let methods: Record<string, number> | undefined;
  if (engine === 'glossa') {
    methods = {};
    for (const r of s.lastGlossa) {
      const key = r.ok ? r.method : 'orphan';
      methods[key] = (methods[key] ?? 0) + 1;
    }
  }
  const steps = engine === 'glossa' || engine === 'indexOf' || engine === 'hypothesis' ? { ...s.lastSteps } : undefined;
  return { ms, tally, examples, methods, steps };
}

/** What bench/suites/anchor.mjs calls. */
export interface AnchorBenchApi {
  setup: typeof setup;
  pass: typeof pass;
  draw: (what: Parameters<typeof draw>[1]) => ReturnType<typeof draw>;
  edit: (seed: number, share: number) => ReturnType<typeof edit>;
}

const api: AnchorBenchApi = {
  setup,
  pass,
  draw: (what) => draw(current(), what),
  edit: (seed, share) => edit(current(), seed, share),
};
(globalThis as unknown as { glossaAnchorBench: AnchorBenchApi }).glossaAnchorBench = api;
