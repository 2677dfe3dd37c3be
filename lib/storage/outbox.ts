/**
 * The sync outbox: which records changed locally since they were last pushed. Entries are
 * written in the same transaction as the change, so a change is never committed without its
 * entry, whatever happens to the worker afterwards.
 */
import type { IDBPDatabase } from 'idb';
import { maxStamp } from './highlights';
import type { GlossaSchema, OutboxEntry } from './schema';
import { subscriptionStampsOf } from './subscription-replicas';

type Db = IDBPDatabase<GlossaSchema>;

/** Up to `limit` queued entries, in key order (articles `a:` before highlights `h:`). */
export function pendingOutbox(db: Db, limit: number): Promise<OutboxEntry[]> {
  return db.getAll('outbox', null, limit);
}

/** How many records wait to be pushed. */
export function countOutbox(db: Db): Promise<number> {
  return db.count('outbox');
}

/**
 * Removes the entries a push delivered: `stamp` is the newest stamp the server now holds for
 * the record. An entry with a newer stamp (an edit made during the push; the clock has seen
 * every merged stamp, so such an edit always stamps later) stays queued.
 */
export async function ackOutbox(db: Db, delivered: readonly OutboxEntry[]): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  for (const entry of delivered) {
    const current = await tx.store.get(entry.key);
    if (current && current.stamp <= entry.stamp) void tx.store.delete(entry.key);
  }
  await tx.done;
}

/**
 * Queues every record (articles, highlights and subscriptions, with their tombstones): the first
 * sync with a server that may have none of them. Existing entries are kept.
 */
export async function enqueueAll(db: Db): Promise<number> {
  const stores = ['articles', 'tombstones', 'highlights', 'subscriptions', 'subscriptionTombstones', 'outbox'] as const;
  const tx = db.transaction([...stores], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const [metas, tombstones, highlights, subscriptions, unsubscribed] = await Promise.all([
    tx.objectStore('articles').getAll(),
    tx.objectStore('tombstones').getAll(),
    tx.objectStore('highlights').getAll(),
    tx.objectStore('subscriptions').getAll(),
    tx.objectStore('subscriptionTombstones').getAll(),
  ]);
  const entries: OutboxEntry[] = [
    ...metas.map((m) => ({ key: `a:${m.id}`, stamp: maxStamp(m.stamps ?? {}) })),
    ...tombstones.map((t) => ({ key: `a:${t.id}`, stamp: t.stamp })),
    ...highlights.map((h) => ({ key: `h:${h.id}`, stamp: maxStamp(h.stamps ?? {}) })),
    ...subscriptions.map((s) => ({ key: `s:${s.id}`, stamp: maxStamp(subscriptionStampsOf(s)) })),
    ...unsubscribed.map((t) => ({ key: `s:${t.id}`, stamp: t.stamp })),
  ];
  for (const entry of entries) void outbox.put(entry);
  await tx.done;
  return entries.length;
}
