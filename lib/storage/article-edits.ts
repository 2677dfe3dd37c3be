/**
 * The user's edits to saved articles: tags, archived state, delete. Each is stamped for sync,
 * and a delete leaves a tombstone so that neither a sync peer's older copy nor a bundled seed
 * on the next update brings the article back.
 */
import type { IDBPDatabase } from 'idb';
import type { ArticleMeta } from '../model';
import { maxStamp } from './highlights';
import type { GlossaSchema } from './schema';
import { outboxKey, stampArticle, stampHighlight, txStamper } from './stamping';
import { trashArticle } from './trash';

type Db = IDBPDatabase<GlossaSchema>;

/** Fields the user owns; re-importing an article must never reset them. */
export type UserArticleFields = Pick<ArticleMeta, 'tags' | 'archived'>;

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * Changes the user's own fields. Returns the updated meta, or `undefined` when the article
 * does not exist. Only `tags` and `archived` are read from the patch, whatever else it holds.
 */
export async function updateArticleFields(
  db: Db,
  id: string,
  patch: Partial<UserArticleFields>,
  now: number = Date.now(),
): Promise<ArticleMeta | undefined> {
  const tx = db.transaction(['articles', 'meta', 'outbox'], 'readwrite');
  const articles = tx.objectStore('articles');
  const existing = await articles.get(id);
  if (!existing) {
    await tx.done;
    return undefined;
  }
  const tags = patch.tags ? [...patch.tags] : existing.tags;
  const archived = patch.archived ?? existing.archived;
  const write = { tags: !sameTags(tags, existing.tags), archived: archived !== existing.archived };
  if (!write.tags && !write.archived) {
    await tx.done;
    return existing;
  }
  const clock = txStamper(tx);
  const stamps = await stampArticle(clock, existing, write);
  const updated: ArticleMeta = { ...existing, tags, archived, stamps, updatedAt: Math.max(existing.updatedAt, now) };
  void articles.put(updated);
  clock.queue(outboxKey('article', id), maxStamp(stamps));
  await tx.done;
  return updated;
}

/**
 * Removes an article's meta and body into the Trash (restorable, lib/storage/trash.ts), leaves
 * a tombstone, and tombstones its highlights (so sync can tell peers they are gone).
 * Highlights are tombstoned even when the article itself is already absent, since sync may have
 * delivered them first. Returns whether it existed.
 */
export async function deleteArticle(db: Db, id: string, now: number = Date.now()): Promise<boolean> {
  const tx = db.transaction(['articles', 'bodies', 'highlights', 'meta', 'outbox', 'tombstones', 'trash'], 'readwrite');
  const clock = txStamper(tx);
  const articles = tx.objectStore('articles');
  const [meta, body] = await Promise.all([articles.get(id), tx.objectStore('bodies').get(id)]);
  const tombstoned: string[] = [];
  const byArticle = tx.objectStore('highlights').index('byArticle');
  for (let cursor = await byArticle.openCursor(id); cursor; cursor = await cursor.continue()) {
    if (cursor.value.deleted) continue;
    const next = { ...cursor.value, deleted: true, updatedAt: now };
    const stamps = await stampHighlight(clock, next, cursor.value);
    void cursor.update({ ...next, stamps: stamps ?? cursor.value.stamps });
    if (stamps) clock.queue(outboxKey('highlight', next.id), maxStamp(stamps));
    tombstoned.push(next.id);
  }
  if (meta) {
    const stamp = await clock.next();
    void articles.delete(id);
    void tx.objectStore('bodies').delete(id);
    void tx.objectStore('tombstones').put({ id, stamp, deletedAt: now });
    clock.queue(outboxKey('article', id), stamp);
    trashArticle(tx, meta, body, tombstoned, 'local', now);
  }
  await tx.done;
  return meta !== undefined;
}
