/**
 * Highlight reads and writes. Deleting only ever tombstones (deleted = true, updatedAt bumped)
 * so sync can carry the deletion to other devices; readers filter tombstones out by default.
 */
import type { IDBPDatabase } from 'idb';
import { HIGHLIGHT_SCHEMA, type Highlight } from '../model';
import type { GlossaSchema } from './schema';
import { outboxKey, stampHighlight, txStamper } from './stamping';

type Db = IDBPDatabase<GlossaSchema>;

/** Oldest first, so a list of notes reads in the order they were taken. */
function byCreation(a: Highlight, b: Highlight): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Stores a local write of a highlight, replacing any record with its id. The fields it changes
 * get fresh stamps and the record is queued for sync; a write that changes nothing is not
 * queued. Stamps the caller passes are ignored: only storage's clock stamps local edits. The
 * article need not exist yet.
 */
export async function putHighlight(db: Db, highlight: Highlight): Promise<void> {
  const tx = db.transaction(['highlights', 'meta', 'outbox'], 'readwrite');
  const clock = txStamper(tx);
  const store = tx.objectStore('highlights');
  const previous = await store.get(highlight.id);
  const stamps = await stampHighlight(clock, highlight, previous);
  const record: Highlight = { ...highlight, schema: HIGHLIGHT_SCHEMA, stamps: stamps ?? previous?.stamps };
  void store.put(record);
  if (stamps) clock.queue(outboxKey('highlight', highlight.id), maxStamp(stamps));
  await tx.done;
}

/** The newest of a record's stamps: what its outbox entry waits for. */
export function maxStamp(stamps: object): string {
  return Object.values(stamps).reduce<string>((a, b) => (typeof b === 'string' && b > a ? b : a), '');
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
  const tx = db.transaction(['highlights', 'meta', 'outbox'], 'readwrite');
  const store = tx.objectStore('highlights');
  const existing = await store.get(id);
  if (existing && !existing.deleted) {
    const clock = txStamper(tx);
    const next = { ...existing, deleted: true, updatedAt: now };
    const stamps = await stampHighlight(clock, next, existing);
    void store.put({ ...next, stamps: stamps ?? existing.stamps });
    if (stamps) clock.queue(outboxKey('highlight', id), maxStamp(stamps));
  }
  await tx.done;
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
