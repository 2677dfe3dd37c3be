/**
 * Deleting an article with undo. Storage moves the article to the Trash and tombstones its
 * highlights (sync must carry the deletion); undo is the Trash's restore: the very same article
 * record back, and the tombstones lifted of exactly the highlights this deletion laid, never of
 * ones deleted earlier.
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
export type DeleteLibrary = Pick<Library, 'getArticle' | 'listHighlights' | 'deleteArticle' | 'restoreFromTrash'>;

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
 * Restores a deleted article and its highlights from the Trash, with fresh stamps and
 * `updatedAt`, so that sync sees the un-deletion as newer than the tombstone it replaces.
 */
export async function undoDelete(library: DeleteLibrary, deleted: DeletedArticle, now = Date.now()): Promise<void> {
  await library.restoreFromTrash(`a:${deleted.article.id}`, Math.max(now, deleted.deletedAt + 1));
}
