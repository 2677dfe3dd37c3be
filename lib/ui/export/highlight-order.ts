/**
 * The order highlights are read in an export: the order of the text, not the order they were
 * made in. A highlight's place is its TextPositionSelector; a paragraph note's is the opening of
 * its paragraph, so it comes just before the highlights inside that paragraph. Annotations that
 * carry no position (made by other tools, or on an empty paragraph) follow, oldest first. Page
 * notes, on the whole article, come before everything (as in the panel).
 */
import { type Highlight, pageNotesOf, positionSelectorOf } from '../../model';

/** Live highlights of one article in document order (see the module comment). */
export function inDocumentOrder(highlights: readonly Highlight[]): Highlight[] {
  const placed = highlights
    .filter((h) => !h.deleted && h.kind !== 'page-note')
    .map((h) => ({ h, at: positionSelectorOf(h)?.start }));
  placed.sort((a, b) => {
    if (a.at !== undefined && b.at !== undefined && a.at !== b.at) return a.at - b.at;
    if (a.at === undefined && b.at !== undefined) return 1;
    if (a.at !== undefined && b.at === undefined) return -1;
    // Same place: the paragraph's note before what is highlighted in it.
    const kind = Number(a.h.kind === 'highlight') - Number(b.h.kind === 'highlight');
    return kind || a.h.createdAt - b.h.createdAt || (a.h.id < b.h.id ? -1 : a.h.id > b.h.id ? 1 : 0);
  });
  return [...pageNotesOf(highlights), ...placed.map(({ h }) => h)];
}
