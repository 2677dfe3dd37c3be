/**
 * Anchoring: turning a reader's selection into W3C Web Annotation selectors, and selectors back
 * into DOM ranges in whichever copy of the article is on screen. See `text-index.ts` for the
 * text the offsets count in and `match-quote.ts` for how a quote is found again.
 */
import {
  type ParagraphSelector,
  positionSelectorOf,
  quoteSelectorOf,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../../model';
import { offsetsToRange, rangeToOffsets } from './dom-range';
import { matchQuote, type QuoteTarget, type TextMatch } from './match-quote';
import { PARAGRAPH_QUOTE_LENGTH, paragraphOf, paragraphsOf, textHash } from './paragraph';
import { buildTextIndex, type TextIndex } from './text-index';

export { offsetsToRange, rangeToOffsets } from './dom-range';
export { matchQuote, type TextMatch } from './match-quote';
export { paragraphOf, paragraphsOf } from './paragraph';
export { buildTextIndex, normalizeText, type TextIndex } from './text-index';

/** How far from its expected place a match may be and still say how the text shifted. */
const SHIFT_TRUST = 256;

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** Selectors for `[start, end)` of the index: quote with context, and position. */
export function describeOffsets(
  index: Pick<TextIndex, 'text'>,
  start: number,
  end: number,
): [TextQuoteSelector, TextPositionSelector] {
  const { text } = index;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/**
 * Selectors for a DOM range inside the index's root: quote, position, and the paragraph key of
 * the block where it starts. Null when the range holds no text.
 */
export function describeRange(index: TextIndex, range: Range): Selector[] | null {
  const offsets = rangeToOffsets(index, range);
  if (!offsets) return null;
  const selectors: Selector[] = describeOffsets(index, offsets.start, offsets.end);
  const block = paragraphOf(index.root, range.startContainer);
  if (block) selectors.push(paragraphKey(index.root, block));
  return selectors;
}

/** The paragraph key of `block` (one of `paragraphsOf(root)`). */
export function paragraphKey(root: Element, block: Element): ParagraphSelector {
  return {
    type: 'ParagraphSelector',
    index: paragraphsOf(root).indexOf(block),
    textHash: textHash(block),
  };
}

/**
 * Selectors for a note on a whole paragraph: its key, and its opening words as a quote (which
 * finds it again in another DOM of the article).
 */
export function describeParagraph(index: TextIndex, block: Element): Selector[] {
  const range = block.ownerDocument.createRange();
  range.selectNodeContents(block);
  const offsets = rangeToOffsets(index, range);
  const key = paragraphKey(index.root, block);
  if (!offsets) return [key];
  return [key, ...describeOffsets(index, offsets.start, Math.min(offsets.end, offsets.start + PARAGRAPH_QUOTE_LENGTH))];
}

/** What anchoring one annotation gave. */
export type AnchorResult = { ok: true; start: number; end: number; method: TextMatch['method'] } | { ok: false };

/** Something with selectors (a stored highlight). */
export interface Anchorable {
  selectors: readonly Selector[];
}

/**
 * Anchors many annotations in one text. Quotes are tried in the order of their stored positions,
 * and each success tells how far text has shifted there, so the next quote is first looked for
 * where it now most likely is: after an insertion near the top, every later highlight still
 * anchors by the cheap first step. Results come back in input order.
 */
export function anchorAll(index: Pick<TextIndex, 'text'>, items: readonly Anchorable[]): AnchorResult[] {
  const order = items.map((item, i) => ({
    i,
    target: quoteTargetOf(item),
    position: positionSelectorOf(item) ?? null,
  }));
  order.sort((a, b) => (a.position?.start ?? Number.MAX_SAFE_INTEGER) - (b.position?.start ?? Number.MAX_SAFE_INTEGER));
  const results: AnchorResult[] = new Array(items.length).fill({ ok: false });
  let shift = 0;
  for (const { i, target, position } of order) {
    if (!target) continue;
    const expected = position ? position.start + shift : undefined;
    const match = matchQuote(index.text, target, expected);
    if (!match) continue;
    // A jump (a moved paragraph, or a copy of the passage elsewhere) says nothing about the
    // text around the next quote: only nearby matches refine the shift.
    if (position && (expected === undefined || Math.abs(match.start - expected) <= SHIFT_TRUST)) {
      shift = match.start - position.start;
    }
    results[i] = { ok: true, start: match.start, end: match.end, method: match.method };
  }
  return results;
}

/** Anchors one annotation and gives its DOM range, or null for an orphan. */
export function anchorRange(index: TextIndex, item: Anchorable): Range | null {
  const [result] = anchorAll(index, [item]);
  return result?.ok ? offsetsToRange(index, result.start, result.end) : null;
}

/** Builds the index of `root` and anchors `items` in it (convenience for one-off callers). */
export function anchorIn(root: Element, items: readonly Anchorable[]): { index: TextIndex; results: AnchorResult[] } {
  const index = buildTextIndex(root);
  return { index, results: anchorAll(index, items) };
}

function quoteTargetOf(item: Anchorable): QuoteTarget | null {
  const quote = quoteSelectorOf(item);
  return quote ? { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' } : null;
}
