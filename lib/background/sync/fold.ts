/**
 * Pieces both halves of a sync round use: merging replicas of either kind, folding a
 * document's conflicting revisions into one, and cutting writes into requests of bounded size.
 */

import { mergeArticle, mergeHighlight, mergeSubscription } from '../../model';
import { SyncError } from '../../shared/sync/config';
import type { Replica } from '../../storage';
import type { CouchClient, CouchDoc } from './couch';
import { DOC_FORMAT, fromDoc } from './docs';

/** Merges two replicas of the same record. */
export function mergeReplica(a: Replica, b: Replica): Replica {
  if (a.type === 'highlight' && b.type === 'highlight')
    return { type: 'highlight', value: mergeHighlight(a.value, b.value) };
  if (a.type === 'article' && b.type === 'article') return { type: 'article', value: mergeArticle(a.value, b.value) };
  if (a.type === 'subscription' && b.type === 'subscription')
    return { type: 'subscription', value: mergeSubscription(a.value, b.value) };
  throw new Error(`Cannot merge a ${a.type} with a ${b.type}`);
}

/** The newest stamp in a replica. */
export function newestStamp(replica: Replica): string {
  let newest = '';
  for (const field of Object.values(replica.value)) {
    const stamp = (field as { stamp?: unknown } | null)?.stamp;
    if (typeof stamp === 'string' && stamp > newest) newest = stamp;
  }
  return newest;
}

/**
 * A document written by a newer Glossa, whose format this build cannot read: it must never be
 * overwritten or deleted from here, or the newer build's data would be lost.
 */
export function isNewerFormat(doc: CouchDoc): boolean {
  return typeof doc.glossa === 'number' && doc.glossa > DOC_FORMAT;
}

/** Refuses to go on with a database a newer Glossa writes in a newer format. */
export function refuseNewerFormat(doc: CouchDoc): void {
  if (isNewerFormat(doc)) {
    throw new SyncError('newer-format', `A newer version of Glossa wrote ${doc._id}: update Glossa to sync with it.`);
  }
}

/** A document with its conflicting revisions merged in, and the writes that settle them. */
export interface Folded {
  replica: Replica | null;
  /** Deletions of the losing revisions. */
  cleanup: CouchDoc[];
}

/** Merges a document's conflicting revisions (the server keeps them all) into one replica. */
export async function foldConflicts(client: CouchClient, doc: CouchDoc): Promise<Folded> {
  let replica = fromDoc(doc);
  const conflicts = doc._conflicts ?? [];
  if (conflicts.length === 0) return { replica, cleanup: [] };
  const losers = await client.getRevisions(doc._id, conflicts);
  for (const loser of losers) {
    refuseNewerFormat(loser);
    const other = fromDoc(loser);
    if (other && replica) replica = mergeReplica(replica, other);
    else replica ??= other;
  }
  return { replica, cleanup: conflicts.map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true })) };
}

/** Splits documents into `_bulk_docs` bodies of at most `max` characters (one doc may exceed it alone). */
export function chunks(docs: readonly CouchDoc[], max: number): CouchDoc[][] {
  const out: CouchDoc[][] = [];
  let current: CouchDoc[] = [];
  let size = 0;
  for (const doc of docs) {
    const length = JSON.stringify(doc).length;
    if (current.length > 0 && size + length > max) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(doc);
    size += length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Runs `step` with `batch`; when the server times out, runs it again with a quarter of the
 * batch (down to 10), so a slow link still makes progress instead of failing forever.
 */
export async function shrinkOnTimeout<T>(batch: { size: number }, step: (size: number) => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await step(batch.size);
    } catch (error) {
      if (!(error instanceof SyncError && error.kind === 'timeout') || batch.size <= 10) throw error;
      batch.size = Math.max(10, Math.floor(batch.size / 4));
    }
  }
}
