/**
 * Making and changing highlight records. Every change bumps `updatedAt` (sync merges by it) and
 * a deletion is a tombstone, never a missing record; undo revives the same record, so a note
 * deleted by mistake comes back with its id, colour and text.
 */
import {
  HIGHLIGHT_SCHEMA,
  type Highlight,
  type HighlightColor,
  type ParagraphSelector,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './types';

/** A new highlight (or paragraph note) on `articleId`. */
export function newHighlight(
  articleId: string,
  selectors: Selector[],
  color: HighlightColor,
  options: { note?: string; kind?: Highlight['kind']; now?: number; id?: string } = {},
): Highlight {
  const now = options.now ?? Date.now();
  return {
    schema: HIGHLIGHT_SCHEMA,
    id: options.id ?? crypto.randomUUID(),
    articleId,
    kind: options.kind ?? 'highlight',
    selectors,
    color,
    note: options.note ?? '',
    createdAt: now,
    updatedAt: now,
    deleted: false,
  };
}

/** The same highlight with some fields changed and its clock moved on. */
export function changed(
  highlight: Highlight,
  patch: Partial<Pick<Highlight, 'color' | 'note' | 'selectors' | 'deleted'>>,
  now = Date.now(),
): Highlight {
  return { ...highlight, ...patch, updatedAt: Math.max(now, highlight.updatedAt + 1) };
}

/** Anything that carries selectors: a highlight, or an annotation being anchored. */
type WithSelectors = { readonly selectors: readonly Selector[] };

/** Its TextQuoteSelector, if it has one. */
export function quoteSelectorOf(item: WithSelectors): TextQuoteSelector | undefined {
  return item.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

/** Its TextPositionSelector, if it has one. */
export function positionSelectorOf(item: WithSelectors): TextPositionSelector | undefined {
  return item.selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}

/** Its ParagraphSelector, if it has one. */
export function paragraphSelectorOf(item: WithSelectors): ParagraphSelector | undefined {
  return item.selectors.find((s): s is ParagraphSelector => s.type === 'ParagraphSelector');
}

/** The quote a highlight was made on (for lists, copying and orphans); '' for a paragraph note. */
export function quoteOf(item: WithSelectors): string {
  return quoteSelectorOf(item)?.exact ?? '';
}

/**
 * The live page notes of an article, oldest first. The UI keeps one per article (editing reuses
 * it), but two devices offline can each add one; sync keeps both, so both are shown, never lost.
 */
export function pageNotesOf(highlights: readonly Highlight[]): Highlight[] {
  return highlights
    .filter((h) => h.kind === 'page-note' && !h.deleted)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
