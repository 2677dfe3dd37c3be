/**
 * Local writes get their stamps here: a field the write changes gets a fresh stamp from the
 * device clock, a field it leaves alone keeps its old stamp, so sync's per-field merge knows
 * exactly which edits are new. Every stamped write also queues its record in the outbox.
 */
import type { IDBPTransaction } from 'idb';
import type { ArticleMeta, ArticleStamps, Highlight, HighlightStamps } from '../model';
import { legacyStamp, type Stamper, stamper } from './clock';
import { articleStampsOf, highlightStampsOf } from './legacy';
import type { GlossaSchema } from './schema';

/** A read-write transaction over the stores a stamped write touches (and possibly more). */
export type StampTx = IDBPTransaction<
  GlossaSchema,
  ('meta' | 'outbox' | 'highlights' | 'articles' | 'bodies' | 'tombstones' | 'trash')[],
  'readwrite'
>;

/** The outbox key of a record. */
export const outboxKey = (kind: 'article' | 'highlight' | 'subscription', id: string): string => `${kind[0]}:${id}`;

/** Stamps for one transaction; queues what it stamps. */
export function txStamper(tx: StampTx): Stamper & { queue(key: string, stamp: string): void } {
  const s = stamper(tx.objectStore('meta'));
  return {
    ...s,
    queue: (key, stamp) => void tx.objectStore('outbox').put({ key, stamp }),
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The stamps of `next` written over `previous` (absent when new): changed fields are
 * restamped, the rest kept. Returns `null` when no field changed.
 */
export async function stampHighlight(
  clock: Stamper,
  next: Highlight,
  previous: Highlight | undefined,
): Promise<HighlightStamps | null> {
  if (!previous) {
    const stamp = await clock.next();
    return { color: stamp, note: stamp, selectors: stamp, deleted: stamp };
  }
  const old = highlightStampsOf(previous.stamps, previous.updatedAt);
  const changed = (['color', 'note', 'selectors', 'deleted'] as const).filter((f) => !same(next[f], previous[f]));
  if (changed.length === 0) return null;
  const stamp = await clock.next();
  const stamps = { ...old };
  for (const field of changed) stamps[field] = stamp;
  return stamps;
}

/**
 * Which article fields a local write set: its source (a save or re-save), tags or archived;
 * `revive` marks a save by the user, which undeletes an article deleted on this or another device.
 */
export type ArticleWrite = { source?: boolean; tags?: boolean; archived?: boolean; revive?: boolean };

/** The stamps of an article after a local write of the given parts. */
export async function stampArticle(
  clock: Stamper,
  previous: ArticleMeta | undefined,
  write: ArticleWrite,
): Promise<ArticleStamps> {
  const stamp = await clock.next();
  if (!previous) {
    // A first save says nothing about tags or archiving: another device's choices win. It
    // brings the article back from a delete only when it is the user's own save (`revive`).
    const none = legacyStamp(0);
    return { source: stamp, tags: none, archived: none, deleted: write.revive ? stamp : none };
  }
  const stamps = articleStampsOf(previous.stamps, previous.updatedAt);
  if (write.source) stamps.source = stamp;
  if (write.tags) stamps.tags = stamp;
  if (write.archived) stamps.archived = stamp;
  if (write.revive) stamps.deleted = stamp;
  return stamps;
}
