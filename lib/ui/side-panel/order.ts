/**
 * The side panel's list: an article's page notes first (a note on the whole article has no place
 * in it), then its live highlights and notes in the order they are read, then the orphans (annotations whose text the stored copy no longer holds), listed apart as such.
 *
 * Reading order is the stored TextPositionSelector's start. A paragraph note carries a position
 * too (the opening of its paragraph), so it lands just before what is highlighted inside that
 * paragraph; one on an empty paragraph has only its paragraph index, and goes before the first
 * entry of that paragraph or a later one. Entries with neither follow, oldest first. The panel
 * is an extension page without the tab's DOM, so it judges "orphan" by anchoring the quotes in
 * the stored copy's text, with the same matcher the pages use (lib/shared/anchoring).
 */
import { type Highlight, pageNotesOf, paragraphSelectorOf, positionSelectorOf, quoteSelectorOf } from '../../model';
import { anchorAll, normalizeText } from '../../shared/anchoring';

/** What the panel lists: `pageNotes`, `placed` in reading order, then `orphans` (oldest first). */
export interface PanelEntries {
  pageNotes: Highlight[];
  placed: Highlight[];
  orphans: Highlight[];
}

/** Where an entry sorts: its place in the text (Infinity when unknown) and tie-breakers. */
interface SortKey {
  at: number;
  /** Unknown place: by paragraph index if any, else after those. */
  paragraph: number;
  /** 0 for a paragraph note, 1 for a highlight: a paragraph's note comes before its highlights. */
  kind: number;
  h: Highlight;
}

/** Live highlights of one article in reading order (see the module comment). */
export function inReadingOrder(highlights: readonly Highlight[]): Highlight[] {
  const live = highlights.filter((h) => !h.deleted);
  // Where each paragraph's first positioned entry starts, for notes that know only their paragraph.
  const starts: { paragraph: number; start: number }[] = [];
  for (const h of live) {
    const position = positionSelectorOf(h);
    const paragraph = paragraphSelectorOf(h);
    if (position && paragraph) starts.push({ paragraph: paragraph.index, start: position.start });
  }
  const keys: SortKey[] = live.map((h) => {
    const kind = h.kind === 'paragraph-note' ? 0 : 1;
    const position = positionSelectorOf(h);
    if (position) return { at: position.start, paragraph: 0, kind, h };
    const paragraph = paragraphSelectorOf(h);
    if (!paragraph) return { at: Number.POSITIVE_INFINITY, paragraph: Number.MAX_SAFE_INTEGER, kind, h };
    let at = Number.POSITIVE_INFINITY;
    for (const s of starts) if (s.paragraph >= paragraph.index && s.start < at) at = s.start;
    return { at, paragraph: paragraph.index, kind, h };
  });
  keys.sort(
    (a, b) =>
      a.at - b.at ||
      a.kind - b.kind ||
      a.paragraph - b.paragraph ||
      a.h.createdAt - b.h.createdAt ||
      (a.h.id < b.h.id ? -1 : a.h.id > b.h.id ? 1 : 0),
  );
  // `Infinity - Infinity` is NaN, which sort reads as "equal": the later keys still decide.
  return keys.map((k) => k.h);
}

/**
 * The ids of annotations whose quote cannot be found in `text` (the stored copy's plain text).
 * A paragraph note without a quote (an empty paragraph) is placed by its paragraph: not an orphan.
 */
export function orphanIds(highlights: readonly Highlight[], text: string): Set<string> {
  const quoted = highlights.filter((h) => quoteSelectorOf(h) !== undefined);
  const results = anchorAll({ text: normalizeText(text) }, quoted);
  const orphans = new Set<string>();
  quoted.forEach((h, i) => {
    if (!results[i]?.ok) orphans.add(h.id);
  });
  for (const h of highlights) {
    if (!quoteSelectorOf(h) && h.kind === 'highlight') orphans.add(h.id);
  }
  return orphans;
}

/**
 * The panel's list: live entries in reading order, those in `orphans` moved to their own list
 * (oldest first, the order they were made in, since their place is unknown).
 */
export function panelEntries(highlights: readonly Highlight[], orphans: ReadonlySet<string>): PanelEntries {
  const ordered = inReadingOrder(highlights.filter((h) => h.kind !== 'page-note'));
  return {
    pageNotes: pageNotesOf(highlights),
    placed: ordered.filter((h) => !orphans.has(h.id)),
    orphans: ordered.filter((h) => orphans.has(h.id)).sort((a, b) => a.createdAt - b.createdAt),
  };
}
