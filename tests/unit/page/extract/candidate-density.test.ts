// @vitest-environment-options {"url":"http://fakehost/test/page.html"}
/**
 * The batched link density (candidate-density.ts) against Readability's own `_getLinkDensity`:
 * the same values through a candidate run, and fresh measuring once the run is broken. The
 * whole parse is held to the plain library's result on all 130 pages in extract.test.ts.
 */
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { CandidateDensity } from '../../../../lib/page/extract/candidate-density';
import type { ReadabilityInternals } from '../../../../lib/page/extract/readability-tuned';
import { parsePage } from '../../../support/page-corpus';

describe('CandidateDensity', () => {
  const page = () =>
    parsePage(`<body><div id="outer"><div id="mid"><p id="p1">Some text with <a href="/x">a link</a> inside.</p>
      <p id="p2">More <a href="#frag">fragment link</a> and words.</p></div><p id="p3">Plain words, no links.</p></div></body>`)
      .doc;
  const reference = (doc: Document) => new Readability(doc) as unknown as ReadabilityInternals;
  const byId = (doc: Document, id: string) => doc.getElementById(id) as Element;

  it('answers a candidate run, in order, with the original densities to the bit', () => {
    const doc = page();
    const densities = new CandidateDensity(/^#.+/);
    const run = ['p1', 'mid', 'outer', 'p2', 'p3'].map((id) => byId(doc, id));
    for (const candidate of run) densities.initialized(candidate);
    for (const candidate of run)
      expect(Object.is(densities.density(candidate), reference(doc)._getLinkDensity(candidate))).toBe(true);
  });

  it('measures afresh once a question breaks the run, so a later change to the page is seen', () => {
    const doc = page();
    const densities = new CandidateDensity(/^#.+/);
    const [p1, mid, outer] = ['p1', 'mid', 'outer'].map((id) => byId(doc, id)) as [Element, Element, Element];
    for (const candidate of [p1, mid, outer]) densities.initialized(candidate);
    expect(densities.density(p1)).toBe(reference(doc)._getLinkDensity(p1));
    // Out of order: the run ends here. The page then changes, as it does after the real loop.
    expect(densities.density(outer)).toBe(reference(doc)._getLinkDensity(outer));
    mid.appendChild(doc.createTextNode(' and a long tail of words that are not links at all'));
    const after = densities.density(mid);
    expect(after).toBe(reference(doc)._getLinkDensity(mid));
    expect(after).toBeLessThan(reference(page())._getLinkDensity(byId(page(), 'mid')));
    // Past the end of a run, and for elements never initialized, it measures afresh too.
    expect(densities.density(outer)).toBe(reference(doc)._getLinkDensity(outer));
  });
});
