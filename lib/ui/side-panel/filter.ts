/**
 * The panel's colour filter. Hiding a colour hides the highlights drawn in it; notes on whole
 * paragraphs or pages are not drawn in a colour on the page, so they stay listed (as in the reader).
 */
import type { Highlight, HighlightColor } from '../../model';

/** The entries a filter that hides `hidden` colours lets through, order kept. */
export function shownEntries(entries: readonly Highlight[], hidden: ReadonlySet<HighlightColor>): Highlight[] {
  if (hidden.size === 0) return [...entries];
  return entries.filter((h) => h.kind !== 'highlight' || !hidden.has(h.color));
}

/** `hidden` with `color` toggled (a new set: state stays immutable). */
export function toggleColor(hidden: ReadonlySet<HighlightColor>, color: HighlightColor): Set<HighlightColor> {
  const next = new Set(hidden);
  if (next.has(color)) next.delete(color);
  else next.add(color);
  return next;
}
