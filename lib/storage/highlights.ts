/**
 * Highlight reads and writes. Deleting only ever tombstones (deleted = true, updatedAt bumped)
 * so sync can carry the deletion to other devices; readers filter tombstones out by default.
 */
import type { IDBPDatabase } from 'idb';
import type { GlossaSchema } from './schema';
import type { Highlight } from './types';

type Db = IDBPDatabase<GlossaSchema>;

/** Oldest first, so a list of notes reads in the order they were taken. */
function byCreation(a: Highlight, b: Highlight): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Stores a highlight as given, replacing any record with its id. The article need not exist
 * yet: sync may deliver highlights before their article.
 */
export async function putHighlight(db: Db, highlight: Highlight): Promise<void> {
  await db.put('highlights', highlight);
}

/** One highlight by id, tombstone or not (sync needs to see tombstones). */
export function getHighlight(db: Db, id: string): Promise<Highlight | undefined> {
  return db.get('highlights', id);
}

/** Options for {@link listHighlights}. */
export interface ListHighlightsOptions {
  /** Include tombstones (for sync and debugging). Default false. */
  includeDeleted?: boolean;
}

/** An article's highlights, oldest first; tombstones only when asked for. */
export async function listHighlights(
  db: Db,
  articleId: string,
  options: ListHighlightsOptions = {},
): Promise<Highlight[]> {
  const all = await db.getAllFromIndex('highlights', 'byArticle', articleId);
  return (options.includeDeleted ? all : all.filter((h) => !h.deleted)).sort(byCreation);
}

/**
 * Tombstones a highlight. Returns false when there is no such highlight. Deleting a tombstone
 * again changes nothing, so it does not look like a fresh change to sync.
 */
export async function deleteHighlight(db: Db, id: string, now: number = Date.now()): Promise<boolean> {
  const tx = db.transaction('highlights', 'readwrite');
  const existing = await tx.store.get(id);
  const writes: Promise<unknown>[] = [];
  if (existing && !existing.deleted) writes.push(tx.store.put({ ...existing, deleted: true, updatedAt: now }));
  await Promise.all([...writes, tx.done]);
  return existing !== undefined;
}

/** Live (not deleted) highlights on one article. */
export async function countHighlights(db: Db, articleId: string): Promise<number> {
  return (await highlightCounts(db, [articleId])).get(articleId) ?? 0;
}

/**
 * Live highlight counts for a page of articles (the library list shows one per row). All ids
 * are read in one transaction with their requests in flight together; every requested id is
 * in the result, with 0 when it has none.
 */
export async function highlightCounts(db: Db, articleIds: readonly string[]): Promise<Map<string, number>> {
  const ids = [...new Set(articleIds)];
  const index = db.transaction('highlights', 'readonly').store.index('byArticle');
  const lists = await Promise.all(ids.map((id) => index.getAll(id)));
  return new Map(ids.map((id, i) => [id, lists[i]?.filter((h) => !h.deleted).length ?? 0]));
}
