/**
 * From library records to what search indexes: an article's title and body, and the text of
 * its live highlights (the quote and the note), paragraph notes and page notes (a page note has
 * no quote: its note alone is indexed, like any other note). The fingerprint says what an
 * index entry was built from, so a start-up check can tell which entries went stale while the
 * background was not running — from metadata and highlights alone, without reading a body.
 */
import type { ArticleMeta, Highlight } from '../../model';
import type { SearchDoc } from './doc-terms';

/** The texts of an article's highlights and notes, oldest first (tombstones skipped). */
export function notesOf(highlights: readonly Highlight[]): string[] {
  const live = highlights.filter((h) => !h.deleted);
  live.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const texts: string[] = [];
  for (const h of live) {
    for (const selector of h.selectors) {
      if (selector.type === 'TextQuoteSelector' && selector.exact.trim()) texts.push(selector.exact);
    }
    if (h.note.trim()) texts.push(h.note);
  }
  return texts;
}

/** The searchable parts of an article. */
export function searchDocOf(
  article: Pick<ArticleMeta, 'id' | 'title'> & { text: string },
  highlights: readonly Highlight[],
): SearchDoc {
  return { id: article.id, title: article.title, notes: notesOf(highlights), body: article.text };
}

/**
 * What an entry depends on: the body (by its content hash), the title, and the highlight and
 * note texts. Timestamps are left out on purpose: a sync that rewrites a record without
 * changing its text should not cost a re-index.
 */
export function fingerprintOf(meta: Pick<ArticleMeta, 'contentHash' | 'title'>, notes: readonly string[]): string {
  return `${meta.contentHash}:${hash32([meta.title, ...notes].join('\u0000'))}:${notes.length}`;
}

/** FNV-1a, 32 bits, as hex: a change detector, not a security measure. */
function hash32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
