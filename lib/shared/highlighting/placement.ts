/**
 * Where each highlight and paragraph note sits in the DOM on screen right now: anchors all of
 * an article's annotations in one pass over one text index, and sorts them into document order
 * and orphans (annotations whose text is no longer found — listed, never guessed).
 */

import type { Highlight, ParagraphSelector } from '../../model';
import { anchorAll, buildTextIndex, offsetsToRange, paragraphOf, paragraphsOf, type TextIndex } from '../anchoring';
import { textHash } from '../anchoring/paragraph';

/** One annotation placed in the document. */
export interface Placed {
  highlight: Highlight;
  range: Range;
  /** Offset of its start in the text index: sorts the side panel into reading order. */
  start: number;
  /** For a paragraph note: the paragraph. */
  paragraph: Element | null;
}

/** The annotations of an article, placed or orphaned. */
export interface Placement {
  index: TextIndex;
  /** In document order. */
  placed: Placed[];
  orphans: Highlight[];
}

/**
 * Anchors `highlights` under `root`. Page notes are about the whole article, not a place in it:
 * they are neither placed nor orphans (the panel shows them apart, first).
 */
export function place(root: Element, all: readonly Highlight[]): Placement {
  const highlights = all.filter((h) => h.kind !== 'page-note');
  const index = buildTextIndex(root);
  const results = anchorAll(index, highlights);
  const placed: Placed[] = [];
  const orphans: Highlight[] = [];
  highlights.forEach((highlight, i) => {
    const result = results[i];
    if (highlight.kind === 'paragraph-note') {
      const block = result?.ok
        ? paragraphOf(root, offsetsToRange(index, result.start, result.end).startContainer)
        : paragraphByKey(root, highlight);
      if (!block) {
        orphans.push(highlight);
        return;
      }
      const range = root.ownerDocument.createRange();
      range.selectNodeContents(block);
      placed.push({ highlight, range, start: result?.ok ? result.start : 0, paragraph: block });
      return;
    }
    if (!result?.ok) {
      orphans.push(highlight);
      return;
    }
    placed.push({
      highlight,
      range: offsetsToRange(index, result.start, result.end),
      start: result.start,
      paragraph: null,
    });
  });
  placed.sort((a, b) => a.start - b.start || a.highlight.createdAt - b.highlight.createdAt);
  return { index, placed, orphans };
}

/** A paragraph note whose opening words are gone: its paragraph by text hash, if unchanged. */
function paragraphByKey(root: Element, highlight: Highlight): Element | null {
  const key = highlight.selectors.find((s): s is ParagraphSelector => s.type === 'ParagraphSelector');
  if (!key) return null;
  const blocks = paragraphsOf(root);
  const same = blocks.filter((b) => textHash(b) === key.textHash);
  if (same.length === 1) return same[0] ?? null;
  // Several identical paragraphs: the one at the stored index, if it is one of them.
  const atIndex = blocks[key.index];
  return atIndex && same.includes(atIndex) ? atIndex : null;
}
