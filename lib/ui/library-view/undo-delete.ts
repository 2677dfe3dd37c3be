/**
 * Deleting an article with undo. Storage deletes the article and tombstones its highlights
 * (sync must carry the deletion); undo puts back the very same article record and lifts the
 * tombstones of exactly the highlights this deletion laid, never of ones deleted earlier.
 */

import type { Article, Highlight } from '../../model';
import type { Library } from '../../storage';

/** What undo needs: the article as it was and the highlights that were live. */
export interface DeletedArticle {
  article: Article;
  highlights: Highlight[];
  /** When the deletion happened (the tombstones' updatedAt), epoch milliseconds. */
  deletedAt: number;
}

/** The library methods deletion and undo use (a narrow slice, so tests can pass a fake). */
export type DeleteLibrary = Pick<
  Library,
  'getArticle' | 'listHighlights' | 'deleteArticle' | 'upsertArticle' | 'putHighlight'
>;

/**
 * Deletes article `id` with its highlights; resolves with what {@link undoDelete} needs, or
 * `null` when the article was not there.
 */
export async function deleteWithUndo(
  library: DeleteLibrary,
  id: string,
  now = Date.now(),
): Promise<DeletedArticle | null> {
  const [article, highlights] = await Promise.all([library.getArticle(id), library.listHighlights(id)]);
  if (!article) return null;
  await library.deleteArticle(id, now);
  return { article, highlights, deletedAt: now };
}

/**
 * Restores a deleted article and its highlights. Highlights come back with a fresh `updatedAt`
 * so that sync sees the un-deletion as newer than the tombstone it replaces.
 */
export async function undoDelete(library: DeleteLibrary, deleted: DeletedArticle, now = Date.now()): Promise<void> {
  await library.upsertArticle(deleted.article);
  for (const highlight of deleted.highlights) {
    await library.putHighlight({ ...highlight, deleted: false, updatedAt: Math.max(now, deleted.deletedAt + 1) });
  }
}
