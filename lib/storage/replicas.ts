/**
 * Records as sync peers and backups exchange them (lib/model/merge.ts), and the one way they
 * enter the library: merged field by field with what is stored, never replacing a newer local
 * edit. Applying the same replica twice changes nothing, so a pull cut short can simply run again.
 */
import type { IDBPDatabase } from 'idb';
import {
  ARTICLE_SCHEMA,
  type ArticleBody,
  type ArticleMeta,
  type ArticleTombstone,
  articleSourceOf,
  HIGHLIGHT_SCHEMA,
  type Highlight,
  laterStamp,
  mergeArticle,
  mergeHighlight,
  mergeSubscription,
  type ReplicatedArticle,
  type ReplicatedHighlight,
  type ReplicatedSubscription,
  sameReplica,
} from '../model';
import { maxStamp } from './highlights';
import { articleStampsOf, cleanSelector, highlightStampsOf } from './legacy';
import type { GlossaSchema } from './schema';
import { outboxKey, type StampTx, stampArticle, txStamper } from './stamping';
import { localSubscription, type SubscriptionTx, storedForm, writeSubscription } from './subscription-replicas';
import { trashArticle, trashHighlight } from './trash';

type Db = IDBPDatabase<GlossaSchema>;

/** One record of any replicated kind, tagged. */
export type Replica =
  | { type: 'highlight'; value: ReplicatedHighlight }
  | { type: 'article'; value: ReplicatedArticle }
  | { type: 'subscription'; value: ReplicatedSubscription };

/** What applying replicas did, by outbox key (`a:<id>` / `h:<id>`). */
export interface ApplyOutcome {
  /** Keys whose local record changed. */
  changed: string[];
  /** Keys where the local record holds writes the incoming one lacked (queued for push). */
  ahead: string[];
}

/** A stored highlight in replica form. */
export function highlightReplica(h: Highlight): ReplicatedHighlight {
  const s = highlightStampsOf(h.stamps, h.updatedAt);
  return {
    id: h.id,
    articleId: h.articleId,
    kind: h.kind,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
    color: { value: h.color, stamp: s.color },
    note: { value: h.note, stamp: s.note },
    selectors: { value: h.selectors.map(cleanSelector), stamp: s.selectors },
    deleted: { value: h.deleted, stamp: s.deleted },
  };
}

function highlightRecord(r: ReplicatedHighlight): Highlight {
  return {
    schema: HIGHLIGHT_SCHEMA,
    id: r.id,
    articleId: r.articleId,
    kind: r.kind,
    selectors: r.selectors.value,
    color: r.color.value,
    note: r.note.value,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deleted: r.deleted.value,
    stamps: { color: r.color.stamp, note: r.note.stamp, selectors: r.selectors.stamp, deleted: r.deleted.stamp },
  };
}

/** A stored article (meta and body) in replica form. */
export function articleReplica(meta: ArticleMeta, body: ArticleBody | undefined): ReplicatedArticle {
  const { id, savedAt, updatedAt, tags, archived } = meta;
  const s = articleStampsOf(meta.stamps, updatedAt);
  const source = articleSourceOf({ ...meta, html: body?.html ?? '', text: body?.text ?? '' });
  return {
    id,
    savedAt,
    updatedAt,
    source: { value: source, stamp: s.source },
    tags: { value: tags, stamp: s.tags },
    archived: { value: archived, stamp: s.archived },
    deleted: { value: false, stamp: s.deleted },
  };
}

/** What a deleted article replicates as: the delete, and nothing of its content. */
export function tombstoneReplica(t: ArticleTombstone): ReplicatedArticle {
  return {
    id: t.id,
    savedAt: t.deletedAt,
    updatedAt: t.deletedAt,
    source: { value: null, stamp: '' },
    tags: { value: [], stamp: '' },
    archived: { value: false, stamp: '' },
    deleted: { value: true, stamp: t.stamp },
  };
}

/** The local replica behind an outbox key, or `null` when the library has no such record. */
export async function localReplica(tx: StampTx, key: string): Promise<Replica | null> {
  const id = key.slice(2);
  if (key.startsWith('s:')) {
    const value = await localSubscription(tx as unknown as SubscriptionTx, id);
    return value ? { type: 'subscription', value } : null;
  }
  if (key.startsWith('h:')) {
    const h = await tx.objectStore('highlights').get(id);
    return h ? { type: 'highlight', value: highlightReplica(h) } : null;
  }
  // All three reads in flight together: one round trip, not three.
  const [meta, body, tombstone] = await Promise.all([
    tx.objectStore('articles').get(id),
    tx.objectStore('bodies').get(id),
    tx.objectStore('tombstones').get(id),
  ]);
  if (meta) return { type: 'article', value: articleReplica(meta, body) };
  return tombstone ? { type: 'article', value: tombstoneReplica(tombstone) } : null;
}

const RECORD_STORES = ['articles', 'bodies', 'highlights', 'meta', 'outbox', 'tombstones', 'trash'] as const;
const STORES = [...RECORD_STORES, 'subscriptions', 'subscriptionTombstones', 'feedArticles'] as const;

/** Reads the local replicas of outbox keys (for a push); absent records are left out. */
export async function readReplicas(db: Db, keys: readonly string[]): Promise<Map<string, Replica>> {
  const tx = db.transaction([...STORES], 'readwrite') as unknown as StampTx;
  const replicas = await Promise.all(keys.map((key) => localReplica(tx, key)));
  await tx.done;
  const found = new Map<string, Replica>();
  for (const [i, key] of keys.entries()) {
    const replica = replicas[i];
    if (replica) found.set(key, replica);
  }
  return found;
}

/**
 * Writes a merged article to the local stores, or deletes it, leaving its tombstone and keeping
 * what it deleted in the Trash: a delete from elsewhere (a peer, a server, a backup) must be
 * undoable here.
 */
async function writeArticle(tx: StampTx, r: ReplicatedArticle, now: number): Promise<void> {
  const articles = tx.objectStore('articles');
  const bodies = tx.objectStore('bodies');
  const tombstones = tx.objectStore('tombstones');
  if (r.deleted.value || !r.source.value) {
    const [meta, body] = await Promise.all([articles.get(r.id), bodies.get(r.id)]);
    if (meta) trashArticle(tx, meta, body, [], 'sync', now);
    void articles.delete(r.id);
    void bodies.delete(r.id);
    void tombstones.put({ id: r.id, stamp: r.deleted.stamp, deletedAt: r.updatedAt });
    return;
  }
  const { html, text, ...source } = r.source.value;
  // Text that sync replaces is kept in the Trash, as a delete would be.
  const [before, beforeBody] = await Promise.all([articles.get(r.id), bodies.get(r.id)]);
  if (before && beforeBody && (beforeBody.html !== html || beforeBody.text !== text)) {
    trashArticle(tx, before, beforeBody, [], 'sync', now, true);
  }
  const stamps = { source: r.source.stamp, tags: r.tags.stamp, archived: r.archived.stamp, deleted: r.deleted.stamp };
  const meta: ArticleMeta = {
    ...source,
    schema: ARTICLE_SCHEMA,
    id: r.id,
    savedAt: r.savedAt,
    updatedAt: r.updatedAt,
    tags: r.tags.value,
    archived: r.archived.value,
    stamps,
  };
  void articles.put(meta);
  void bodies.put({ schema: ARTICLE_SCHEMA, id: r.id, html, text });
  void tombstones.delete(r.id);
}

/**
 * Whether a merge from elsewhere takes something of the reader's away from a highlight: deletes
 * it, or replaces a note that had words. Its former self then goes to the Trash.
 */
function overwrites(local: ReplicatedHighlight, merged: ReplicatedHighlight): boolean {
  if (local.deleted.value) return false;
  return merged.deleted.value || (local.note.value.trim() !== '' && merged.note.value !== local.note.value);
}

/** The incoming replica merged with the local one of the same record (if any). */
function mergeWithLocal(local: Replica | null, incoming: Replica): Replica {
  if (incoming.type === 'highlight') {
    const value = local?.type === 'highlight' ? mergeHighlight(local.value, incoming.value) : incoming.value;
    return { type: 'highlight', value };
  }
  if (incoming.type === 'subscription') {
    const value = local?.type === 'subscription' ? mergeSubscription(local.value, incoming.value) : incoming.value;
    return { type: 'subscription', value };
  }
  const value = local?.type === 'article' ? mergeArticle(local.value, incoming.value) : incoming.value;
  return { type: 'article', value };
}

/**
 * Folds replicas from a peer or a backup into the library: each is merged with the local
 * record, the result stored when it differs, and queued for push when the local side had
 * writes the incoming one lacked. The clock moves past every stamp seen, so later local edits
 * win over them. One transaction: all of a batch lands, or none.
 */
export async function applyReplicas(db: Db, incoming: readonly Replica[], now = Date.now()): Promise<ApplyOutcome> {
  const tx = db.transaction([...STORES], 'readwrite') as unknown as StampTx;
  const clock = txStamper(tx);
  const outcome: ApplyOutcome = { changed: [], ahead: [] };
  const keys = incoming.map((r) => outboxKey(r.type, r.value.id));
  // Every read of the batch in flight at once; a key met twice sees the first one's result.
  const stored = await Promise.all(keys.map((key) => localReplica(tx, key)));
  const current = new Map<string, Replica | null>();
  for (const [i, replica] of incoming.entries()) {
    const key = keys[i] as string;
    const local = current.has(key) ? (current.get(key) ?? null) : (stored[i] ?? null);
    let merged = mergeWithLocal(local, replica);
    if (merged.type === 'subscription') merged = { type: 'subscription', value: storedForm(merged.value, now) };
    // What the library will hold: a deleted article keeps only its tombstone, so compare and
    // queue that (its stamp is what a later push can acknowledge).
    if (merged.type === 'article' && (merged.value.deleted.value || !merged.value.source.value)) {
      const { id, deleted, updatedAt } = merged.value;
      merged = { type: 'article', value: tombstoneReplica({ id, stamp: deleted.stamp, deletedAt: updatedAt }) };
    }
    const changed = !local || !sameReplica(merged.value, local.value);
    if (changed && merged.type === 'highlight') {
      if (local?.type === 'highlight' && overwrites(local.value, merged.value)) {
        trashHighlight(tx, highlightRecord(local.value), now);
      }
      void tx.objectStore('highlights').put(highlightRecord(merged.value));
    }
    if (changed && merged.type === 'article') await writeArticle(tx, merged.value, now);
    if (changed && merged.type === 'subscription') {
      await writeSubscription(tx as unknown as SubscriptionTx, merged.value, now);
    }
    const stamp = maxStamp(Object.values(merged.value).map((v) => (v as { stamp?: string } | null)?.stamp ?? ''));
    await clock.observe(stamp);
    current.set(key, merged);
    if (changed) outcome.changed.push(key);
    if (!sameReplica(merged.value, replica.value)) {
      outcome.ahead.push(key);
      // Never lower a queued entry's stamp: it stands for the newest change not yet pushed.
      const queued = (await tx.objectStore('outbox').get(key))?.stamp ?? '';
      clock.queue(key, laterStamp(queued, stamp));
    }
  }
  await tx.done;
  return outcome;
}

/**
 * The reader keeps the local copy over changes a server wanted (a held bulk delete): every live
 * article and highlight is written again — its source, "not deleted" and note re-asserted with
 * stamps later than `after` (the newest stamp of the held changes), so the merge keeps them on
 * every device and the next push sends them. Answers the ids re-asserted.
 */
export async function claimLocalCopies(db: Db, after: string): Promise<{ articles: string[]; highlights: string[] }> {
  const tx = db.transaction([...STORES], 'readwrite') as unknown as StampTx;
  const clock = txStamper(tx);
  await clock.observe(after);
  const claimed = { articles: [] as string[], highlights: [] as string[] };
  const articles = tx.objectStore('articles');
  for (let cursor = await articles.openCursor(); cursor; cursor = await cursor.continue()) {
    const stamps = await stampArticle(clock, cursor.value, { source: true, revive: true });
    void cursor.update({ ...cursor.value, stamps });
    clock.queue(outboxKey('article', cursor.value.id), maxStamp(stamps));
    claimed.articles.push(cursor.value.id);
  }
  const highlights = tx.objectStore('highlights');
  for (let cursor = await highlights.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.deleted) continue;
    const stamp = await clock.next();
    const old = cursor.value.stamps ?? { color: '', note: '', selectors: '', deleted: '' };
    const stamps = { ...old, note: stamp, deleted: stamp };
    void cursor.update({ ...cursor.value, stamps });
    clock.queue(outboxKey('highlight', cursor.value.id), stamp);
    claimed.highlights.push(cursor.value.id);
  }
  await tx.done;
  return claimed;
}
