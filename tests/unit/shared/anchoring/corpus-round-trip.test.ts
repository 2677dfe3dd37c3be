// @vitest-environment-options {"url":"http://fakehost/test/page.html"}
/**
 * Range → selectors → range on every page of Readability's corpus (and the Chinese hexo posts
 * rendered as pages), for random ranges: offsets, DOM ranges and quotes must all come back
 * exactly, including ranges whose ends sit on element boundaries.
 */
import { describe, expect, it } from 'vitest';
import {
  anchorAll,
  buildTextIndex,
  describeOffsets,
  describeRange,
  offsetsToRange,
  rangeToOffsets,
} from '../../../../lib/shared/anchoring';
import { hexoPosts, parsePage, readabilityCases, renderHexoPage } from '../../../support/page-corpus';
import { rng } from '../../../support/text-edits';

const pages = [
  ...readabilityCases().map((c) => ({ name: c.name, html: c.source })),
  ...hexoPosts().map((p) => ({ name: `hexo/${p.name}`, html: renderHexoPage(p) })),
];

/** A random `[start, end)` of 5–80 characters that neither starts nor ends on a space. */
function randomSpan(text: string, random: () => number): { start: number; end: number } | null {
  for (let attempt = 0; attempt < 20; attempt++) {
    const length = 5 + Math.floor(random() * 76);
    const start = Math.floor(random() * Math.max(1, text.length - length));
    const end = Math.min(text.length, start + length);
    if (text[start] !== ' ' && text[end - 1] !== ' ' && end > start) return { start, end };
  }
  return null;
}

describe('selectors round-trip on the corpus', () => {
  it('includes CJK pages', () => {
    expect(pages.filter((p) => /[\u4e00-\u9fff]{20}/.test(p.html)).length).toBeGreaterThanOrEqual(20);
  });

  it.each(pages.map((p) => [p.name, p] as const))('%s', (_, page) => {
    const { doc } = parsePage(page.html);
    const index = buildTextIndex(doc.body);
    const random = rng(page.name.length * 7919 + index.text.length);
    const spans = Array.from({ length: 12 }, () => randomSpan(index.text, random)).filter((s) => s !== null);
    expect(spans.length).toBeGreaterThan(0);
    const items = spans.map((span) => ({ selectors: describeOffsets(index, span.start, span.end) }));
    // Offsets → DOM range → offsets, and the selectors anchor back to the same place.
    for (const span of spans) expect(rangeToOffsets(index, offsetsToRange(index, span.start, span.end))).toEqual(span);
    expect(anchorAll(index, items).map((r) => (r.ok ? { start: r.start, end: r.end } : null))).toEqual(spans);

    // A range between arbitrary DOM points (elements or text) survives describe → anchor.
    const all = [...doc.body.querySelectorAll('*')];
    for (let n = 0; n < 6 && all.length > 1; n++) {
      const a = all[Math.floor(random() * all.length)] as Element;
      const range = doc.createRange();
      range.setStart(a, Math.floor(random() * (a.childNodes.length + 1)));
      range.collapse(true);
      const b = all[Math.min(all.length - 1, all.indexOf(a) + 1 + Math.floor(random() * 8))] as Element;
      range.setEnd(b, Math.floor(random() * (b.childNodes.length + 1)));
      const selectors = describeRange(index, range);
      if (!selectors) continue;
      const offsets = rangeToOffsets(index, range);
      const [result] = anchorAll(index, [{ selectors }]);
      expect(result?.ok && { start: result.start, end: result.end }).toEqual(offsets);
    }
  });
});
