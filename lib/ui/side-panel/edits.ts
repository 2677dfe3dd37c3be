/**
 * The panel's writes: straight to the library, as the reader's are (the panel is an extension
 * page). Each write announces itself on the library's change channel, so the reader tab, other
 * panels and, through the background's page watch, the live page redraw without a reload.
 * Every change goes through `changed` (lib/model/records.ts) so its clock moves on and sync
 * keeps the newest edit; a delete is a tombstone, and undo revives the same record.
 */
import { changed, type Highlight, type HighlightColor, newHighlight } from '../../model';
import type { Library } from '../../storage';

/** The current record of `id`, or undefined when it is gone (deleted elsewhere and purged). */
async function current(library: Library, id: string): Promise<Highlight | undefined> {
  return library.getHighlight(id);
}

/** Sets the colour of highlight `id`; the stored record, or undefined when there is none. */
export async function recolor(library: Library, id: string, color: HighlightColor): Promise<Highlight | undefined> {
  const h = await current(library, id);
  if (!h || h.color === color) return h;
  const next = changed(h, { color });
  await library.putHighlight(next);
  return next;
}

/** Sets the note of highlight `id` (trimmed; empty removes it). */
export async function renote(library: Library, id: string, note: string): Promise<Highlight | undefined> {
  const h = await current(library, id);
  const text = note.trim();
  if (!h || h.note === text) return h;
  const next = changed(h, { note: text });
  await library.putHighlight(next);
  return next;
}

/** Deletes highlight `id` (a tombstone); the record as it was, for undo. */
export async function remove(library: Library, id: string): Promise<Highlight | undefined> {
  const h = await current(library, id);
  if (!h || h.deleted) return undefined;
  await library.deleteHighlight(id);
  return h;
}

/** Brings a deleted highlight back with the colour and note it has now (undo). */
export async function restore(library: Library, id: string): Promise<Highlight | undefined> {
  const h = await current(library, id);
  if (!h?.deleted) return h;
  const next = changed(h, { deleted: false });
  await library.putHighlight(next);
  return next;
}

/**
 * Adds a page note (a note on the whole article, no selector) to article `articleId`; the stored
 * record, or undefined for an empty note (nothing is stored). Its colour is never shown.
 */
export async function addPageNote(library: Library, articleId: string, note: string): Promise<Highlight | undefined> {
  const text = note.trim();
  if (!text) return undefined;
  const h = newHighlight(articleId, [], 'yellow', { kind: 'page-note', note: text });
  await library.putHighlight(h);
  return h;
}
