/**
 * The Trash: what a delete removed, kept whole for a while, so nothing deleted by mistake — by
 * the reader, by a sync server gone wrong, by another device — is lost. A deleted article keeps
 * its meta and body here (its highlights stay as tombstones in their own store, and come back
 * with it); an article whose text sync replaced keeps its former text; a highlight that sync
 * deleted or whose note sync replaced keeps its former self. What sync takes gets an entry per
 * change ({@link syncTrashKey}): a server that replaces a note twice must not push the reader's
 * own words out of the Trash with its first replacement.
 * Entries older than {@link TRASH_DAYS} days are purged by the background.
 */
import type { IDBPDatabase } from 'idb';
import { type ArticleBody, type ArticleMeta, articleSourceOf, type Highlight } from '../model';
import { maxStamp } from './highlights';
import type { GlossaSchema } from './schema';
import { outboxKey, type StampTx, stampArticle, stampHighlight, txStamper } from './stamping';
import { type RemovedBy, TRASH_DAYS, type TrashEntry } from './types';

type Db = IDBPDatabase<GlossaSchema>;
/** What keeping something needs of the transaction that deletes it: the `trash` store. */
interface TrashWriter {
  objectStore(name: 'trash'): { put(value: TrashEntry): Promise<unknown> };
}

let syncEntries = 0;

/** A key of its own for something sync took: the record's key, the time and a counter. */
export function syncTrashKey(recordKey: string, now: number): string {
  syncEntries = (syncEntries + 1) % 1_000_000;
  return `${recordKey}@${now.toString(36)}.${syncEntries.toString(36)}`;
}

/**
 * Keeps a deleted article (inside the transaction that deletes it), or with `replaced` the
 * text sync is replacing.
 */
export function trashArticle(
  tx: TrashWriter,
  meta: ArticleMeta,
  body: ArticleBody | undefined,
  highlightIds: string[],
  by: RemovedBy,
  now: number,
  replaced = false,
): void {
  const key = outboxKey('article', meta.id);
  void tx.objectStore('trash').put({
    key: by === 'sync' ? syncTrashKey(key, now) : key,
    ...(replaced ? { replaced: true as const } : {}),
    kind: 'article',
    deletedAt: now,
    by,
    meta,
    body: body ?? { schema: meta.schema, id: meta.id, html: '', text: '' },
    highlightIds,
  });
}

/** Keeps a highlight as it was before sync deleted it or replaced its note. */
export function trashHighlight(tx: TrashWriter, highlight: Highlight, now: number): void {
  void tx.objectStore('trash').put({
    key: syncTrashKey(outboxKey('highlight', highlight.id), now),
    kind: 'highlight',
    deletedAt: now,
    by: 'sync',
    highlight,
  });
}

/** The fields of a meta that make up the article's text (its source), without the body. */
function sourceFields(meta: ArticleMeta): Partial<ArticleMeta> {
  const { html: _html, text: _text, ...fields } = articleSourceOf({ ...meta, html: '', text: '' });
  return fields;
}

/** Everything in the Trash, most recently deleted first. */
export async function listTrash(db: Db): Promise<TrashEntry[]> {
  return (await db.getAllFromIndex('trash', 'byDeletedAt')).reverse();
}

/**
 * Brings an entry back: an article with its body and the highlights its delete tombstoned, or a
 * highlight as it was. The restore is the reader's own edit (fresh stamps), so it wins over the
 * delete everywhere sync carries it. Answers false when there is no such entry.
 */
export async function restoreFromTrash(db: Db, key: string, now: number = Date.now()): Promise<boolean> {
  const tx: StampTx = db.transaction(
    ['articles', 'bodies', 'highlights', 'meta', 'outbox', 'tombstones', 'trash'],
    'readwrite',
  );
  const entry = await tx.objectStore('trash').get(key);
  if (!entry) {
    await tx.done;
    return false;
  }
  const clock = txStamper(tx);
  const highlights = tx.objectStore('highlights');
  const revive = async (id: string, restored?: Highlight) => {
    const current = await highlights.get(id);
    const next = restored ?? (current?.deleted ? current : undefined);
    if (!next) return;
    const record: Highlight = { ...next, deleted: false, updatedAt: Math.max(now, (current?.updatedAt ?? 0) + 1) };
    const stamps = await stampHighlight(clock, record, current);
    if (!stamps) return;
    void highlights.put({ ...record, stamps });
    clock.queue(outboxKey('highlight', id), maxStamp(stamps));
  };
  if (entry.kind === 'article') {
    const articles = tx.objectStore('articles');
    const id = entry.meta.id;
    const present = await articles.get(id);
    if (present && entry.replaced) {
      // The text sync replaced comes back as the reader's own edit of the source.
      const meta = { ...present, ...sourceFields(entry.meta), updatedAt: Math.max(now, present.updatedAt + 1) };
      const stamps = await stampArticle(clock, meta, { source: true });
      void articles.put({ ...meta, stamps });
      void tx.objectStore('bodies').put(entry.body);
      clock.queue(outboxKey('article', id), maxStamp(stamps));
    } else if (!present) {
      // A restore is the reader saving the article again: its source and "not deleted" are new.
      const stamps = await stampArticle(clock, entry.meta, { source: true, revive: true });
      void articles.put({ ...entry.meta, stamps, updatedAt: Math.max(now, entry.meta.updatedAt) });
      void tx.objectStore('bodies').put(entry.body);
      void tx.objectStore('tombstones').delete(id);
      clock.queue(outboxKey('article', id), maxStamp(stamps));
    }
    for (const highlightId of entry.highlightIds) await revive(highlightId);
  } else {
    await revive(entry.highlight.id, entry.highlight);
  }
  void tx.objectStore('trash').delete(key);
  await tx.done;
  return true;
}

/** Deletes an entry for good. */
export async function removeFromTrash(db: Db, key: string): Promise<void> {
  await db.delete('trash', key);
}

/** Deletes every entry older than {@link TRASH_DAYS} days; answers how many. */
export async function purgeTrash(db: Db, now: number = Date.now()): Promise<number> {
  const tx = db.transaction('trash', 'readwrite');
  const before = now - TRASH_DAYS * 24 * 60 * 60 * 1000;
  let purged = 0;
  for (
    let cursor = await tx.store.index('byDeletedAt').openCursor(IDBKeyRange.upperBound(before, true));
    cursor;
    cursor = await cursor.continue()
  ) {
    void cursor.delete();
    purged++;
  }
  await tx.done;
  return purged;
}
