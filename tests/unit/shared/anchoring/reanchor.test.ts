// @vitest-environment-options {"url":"http://fakehost/test/page.html"}
/**
 * Re-anchoring after the text changed: synthetic edits with a known right answer. The share
 * found in the right place is measured and bounded; a highlight on the wrong text is never
 * allowed (zero), whatever the edit.
 */
import { describe, expect, it } from 'vitest';
import { anchorAll, buildTextIndex, describeOffsets, type TextIndex } from '../../../../lib/shared/anchoring';
import { hexoPosts, parsePage, readabilityCases, renderHexoPage } from '../../../support/page-corpus';
import {
  type EditedText,
  type EditKind,
  editText,
  judge,
  mapRange,
  reorderBlocks,
  rng,
  type Tally,
} from '../../../support/text-edits';

/** Anchoring reads only the index's text, so edited strings are matched as they are. */
const indexOf = (text: string): Pick<TextIndex, 'text'> => ({ text });

const texts = [
  ...readabilityCases()
    .filter((_, i) => i % 3 === 0)
    .map((c) => buildTextIndex(parsePage(c.source).doc.body).text),
  ...hexoPosts().map((p) => buildTextIndex(parsePage(renderHexoPage(p)).doc.body).text),
].filter((t) => t.length > 400);

/** Highlights random spans of `original`, edits it, re-anchors, and judges every result. */
function trial(original: string, edited: EditedText, random: () => number, count: number, tally: Tally): void {
  const before = indexOf(original);
  const spans: { start: number; end: number }[] = [];
  for (let n = 0; n < count; n++) {
    const length = 5 + Math.floor(random() * 76);
    const start = Math.floor(random() * Math.max(1, original.length - length));
    spans.push({ start, end: Math.min(original.length, start + length) });
  }
  const items = spans.map((s) => ({ selectors: describeOffsets(before, s.start, s.end) }));
  const results = anchorAll(indexOf(edited.text), items);
  spans.forEach((span, i) => {
    const truth = mapRange(edited.map, span.start, span.end);
    if (truth?.split) return;
    const result = results[i];
    const verdict = judge(truth, result?.ok ? result : null);
    tally[verdict]++;
    if (truth && truth.kept * 2 >= span.end - span.start) {
      tally.recoverable++;
      if (verdict === 'correct') tally.recovered++;
    }
  });
}

/** The measured shares, printed so a run shows them (the assertions bound them). */
function report(tally: Tally): void {
  console.info(
    `anchoring: ${JSON.stringify(tally)} recovered ${((100 * tally.recovered) / tally.recoverable).toFixed(1)} %`,
  );
}

const fresh = (): Tally => ({ correct: 0, partial: 0, wrong: 0, orphan: 0, recoverable: 0, recovered: 0 });
const KINDS: EditKind[][] = [
  ['insert'],
  ['delete'],
  ['replace'],
  ['whitespace'],
  ['punctuation'],
  ['insert', 'delete', 'replace', 'whitespace', 'punctuation'],
];

describe('re-anchoring after edits', () => {
  it('has a corpus with Chinese and English texts', () => {
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.filter((t) => /[\u4e00-\u9fff]{10}/.test(t)).length).toBeGreaterThanOrEqual(15);
  });

  it.each(KINDS.map((k) => [k.join('+'), k] as const))('%s edits to 1 %% of the text: zero wrong', (_, kinds) => {
    const tally = fresh();
    texts.forEach((text, t) => {
      const random = rng(1000 + t);
      trial(text, editText(text, random, 0.01, kinds), random, 30, tally);
    });
    report(tally);
    expect(tally.wrong).toBe(0);
    expect(tally.recovered / tally.recoverable).toBeGreaterThanOrEqual(0.98);
  });

  it('follows paragraphs that moved', () => {
    const tally = fresh();
    hexoPosts().forEach((post, t) => {
      const doc = parsePage(renderHexoPage(post)).doc;
      const blocks = [...doc.querySelectorAll('p')].map((p) => buildTextIndex(p).text).filter((b) => b.length > 0);
      if (blocks.length < 3) return;
      const random = rng(9000 + t);
      const moved = reorderBlocks(blocks, random, 3);
      trial(moved.original, moved, random, 30, tally);
    });
    expect(tally.recoverable).toBeGreaterThan(300);
    report(tally);
    expect(tally.wrong).toBe(0);
    expect(tally.recovered / tally.recoverable).toBeGreaterThanOrEqual(0.97);
  });
});
