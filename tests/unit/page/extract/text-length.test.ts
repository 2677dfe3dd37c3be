// @vitest-environment-options {"url":"http://fakehost/test/page.html"}
/**
 * Text shapes against the measure they stand for, `textContent.trim().replace(/\s{2,}/g, ' ')`
 * and Readability's own `_getLinkDensity`, on every UTF-16 unit, random strings and random trees.
 */
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { isSpace, joinShapes, shapeLength, shapeOf, TextMeasurer } from '../../../../lib/page/extract/text-length';

const measure = (text: string): number => text.trim().replace(/\s{2,}/g, ' ').length;

/** Every space JavaScript knows, characters often mistaken for one, letters, CJK and a surrogate pair. */
const PIECES = [
  ...' \t\n\v\f\r\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
  '\u200b', // zero-width space: not \s
  '\u180e', // Mongolian vowel separator: no longer \s
  '\u0085', // next line: not \s in JavaScript
  'a',
  'Z',
  ',',
  '中',
  '，',
  '😀',
];

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function randomText(next: () => number, max: number): string {
  let text = '';
  const length = Math.floor(next() * max);
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

describe('text shapes', () => {
  it('call a UTF-16 unit space exactly when \\s matches it', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('give the trimmed, collapsed length of random strings, and of any split of them joined back', () => {
    const next = random(7);
    for (let round = 0; round < 3000; round++) {
      const text = randomText(next, 14);
      expect(shapeLength(shapeOf(text)), JSON.stringify(text)).toBe(measure(text));
      const cut = Math.floor(next() * (text.length + 1));
      const again = Math.floor(next() * (text.length + 1));
      const [from, to] = cut < again ? [cut, again] : [again, cut];
      const joined = joinShapes(
        joinShapes(shapeOf(text.slice(0, from)), shapeOf(text.slice(from, to))),
        shapeOf(text.slice(to)),
      );
      expect(joined).toEqual(shapeOf(text));
    }
  });
});

/** A random tree of elements, links (some to fragments), text and comments under `parent`. */
function grow(parent: Element, next: () => number, depth: number): void {
  const doc = parent.ownerDocument;
  const children = Math.floor(next() * 5);
  for (let i = 0; i < children; i++) {
    const roll = next();
    if (roll < 0.4) parent.appendChild(doc.createTextNode(randomText(next, 8)));
    else if (roll < 0.45) parent.appendChild(doc.createComment('not text'));
    else if (depth > 0) {
      const element = doc.createElement(roll < 0.65 ? 'a' : roll < 0.85 ? 'div' : 'span');
      if (element.localName === 'a' && next() < 0.7) element.setAttribute('href', next() < 0.4 ? '#part' : '/page');
      parent.appendChild(element);
      grow(element, next, depth - 1);
    }
  }
}

describe('TextMeasurer', () => {
  it('measures every element of random trees as Readability does, lengths and link densities to the bit', () => {
    const reference = new Readability(document.implementation.createHTMLDocument('')) as unknown as {
      _getLinkDensity(element: Element): number;
      REGEXPS: { hashUrl: RegExp };
    };
    const next = random(11);
    let links = 0;
    for (let round = 0; round < 60; round++) {
      const root = document.createElement('div');
      grow(root, next, 5);
      const elements = [root, ...Array.from(root.getElementsByTagName('*'))];
      // One measurer for the whole tree, keeping every shape, as a batch does; asked outer first.
      const measurer = new TextMeasurer(() => true);
      for (const element of elements) {
        expect(measurer.length(element)).toBe(measure(element.textContent ?? ''));
        expect(
          Object.is(measurer.linkDensity(element, reference.REGEXPS.hashUrl), reference._getLinkDensity(element)),
        ).toBe(true);
        if (element.localName === 'a') links++;
      }
      // A fresh measurer per question, keeping nothing, inner elements first.
      for (const element of elements.reverse())
        expect(new TextMeasurer(() => false).length(element)).toBe(measure(element.textContent ?? ''));
    }
    expect(links).toBeGreaterThan(100);
  });
});
