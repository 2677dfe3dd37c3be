/**
 * One sync round against a CouchDB-protocol server: pull what changed since the checkpoint,
 * then push the outbox. Both halves merge before they write (lib/sync/merge.ts), so the order
 * in which devices meet never matters; both are idempotent, so a round stopped anywhere (the
 * MV3 worker killed, the network gone) is simply run again:
 * - the pull checkpoint is saved only after its batch is in the library;
 * - an outbox entry is removed only after the server stored that exact version.
 * Conflicting revisions the server reports (`_conflicts`) are folded in with the same merge,
 * and the losing revisions deleted, so the server converges too.
 */
import type { Library, OutboxEntry, Replica } from '../storage';
import { type CouchClient, type CouchDoc, SyncError, type Traffic } from './couch';
import { fromDoc, toDoc } from './docs';
import { laterStamp } from './hlc';
import { mergeArticle, mergeHighlight, sameReplica } from './merge';

/** What a round did. */
export interface SyncReport {
  pulled: number;
  pushed: number;
  /** Server-side conflicts folded together and cleaned up. */
  resolved: number;
  /** Documents that were not valid Glossa records (left alone). */
  skipped: number;
  traffic: Traffic;
}

/** Tuning; tests use small batches to cross batch edges. */
export interface SyncOptions {
  /** Changes per `_changes` page and records per push batch. */
  batch?: number;
  /** Largest `_bulk_docs` body, in characters (article bodies are big). */
  maxRequestChars?: number;
}

/** Merges two replicas of the same record. */
export function mergeReplica(a: Replica, b: Replica): Replica {
  if (a.type === 'highlight' && b.type === 'highlight')
    return { type: 'highlight', value: mergeHighlight(a.value, b.value) };
  if (a.type === 'article' && b.type === 'article') return { type: 'article', value: mergeArticle(a.value, b.value) };
  throw new Error(`Cannot merge a ${a.type} with a ${b.type}`);
}

/** The newest stamp in a replica: what its outbox entry is acknowledged with. */
export function newestStamp(replica: Replica): string {
  let newest = '';
  for (const field of Object.values(replica.value)) {
    const stamp = (field as { stamp?: unknown } | null)?.stamp;
    if (typeof stamp === 'string' && stamp > newest) newest = stamp;
  }
  return newest;
}

/** A document with its conflicting revisions merged in, and the writes that settle them. */
interface Folded {
  replica: Replica | null;
  /** Deletions of the losing revisions. */
  cleanup: CouchDoc[];
}

async function fold(client: CouchClient, doc: CouchDoc): Promise<Folded> {
  let replica = fromDoc(doc);
  const conflicts = doc._conflicts ?? [];
  if (conflicts.length === 0) return { replica, cleanup: [] };
  for (const loser of await client.getRevisions(doc._id, conflicts)) {
    const other = fromDoc(loser);
    if (other && replica) replica = mergeReplica(replica, other);
    else replica ??= other;
  }
  return { replica, cleanup: conflicts.map((rev) => ({ _id: doc._id, _rev: rev, _deleted: true })) };
}

/** Splits documents into `_bulk_docs` bodies of at most `max` characters (one doc may exceed it alone). */
function chunks(docs: readonly CouchDoc[], max: number): CouchDoc[][] {
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

/** Runs one round: pull, then push. Throws a SyncError when the server fails. */
export async function syncOnce(
  library: Library,
  client: CouchClient,
  sinceKey: string,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const batch = options.batch ?? 500;
  const maxChars = options.maxRequestChars ?? 2_000_000;
  const report: SyncReport = { pulled: 0, pushed: 0, resolved: 0, skipped: 0, traffic: client.traffic };

  // Pull.
  let since = (await library.getMeta<string>(sinceKey)) ?? '0';
  for (;;) {
    const page = await client.changes(since, batch);
    const replicas: Replica[] = [];
    const cleanup: CouchDoc[] = [];
    for (const row of page.results) {
      if (!row.doc || row.doc._deleted) continue;
      const folded = await fold(client, row.doc);
      if (!folded.replica) {
        report.skipped += row.doc._id.startsWith('_design/') ? 0 : 1;
        continue;
      }
      replicas.push(folded.replica);
      if (folded.cleanup.length > 0) {
        // The merged record goes onto the winning revision; the losers are deleted.
        cleanup.push(toDoc(folded.replica, row.doc._rev), ...folded.cleanup);
        report.resolved += 1;
      }
    }
    const outcome = await library.applyReplicas(replicas);
    report.pulled += outcome.changed.length;
    // A 409 here means the document moved on: the next round folds it again.
    for (const part of chunks(cleanup, maxChars)) await client.bulkDocs(part);
    since = String(page.last_seq);
    await library.setMeta(sinceKey, since);
    if (page.results.length < batch) break;
  }

  // Push.
  // Rounds that change nothing (every write conflicting, or an ack that cannot land) end the
  // push after three in a row; the next round of sync starts afresh.
  let stalls = 0;
  let previous = '';
  while (stalls < 3) {
    const entries = await library.pendingOutbox(batch);
    if (entries.length === 0) break;
    const fingerprint = JSON.stringify(entries);
    stalls = fingerprint === previous ? stalls + 1 : 0;
    previous = fingerprint;
    const keys = entries.map((e) => e.key);
    const remoteDocs = await client.getDocs(keys);
    const remote = new Map<string, Folded & { rev?: string }>();
    for (const [id, doc] of remoteDocs) remote.set(id, { ...(await fold(client, doc)), rev: doc._rev });
    // Fold the server's side in first, so what goes up is the merge of both.
    await library.applyReplicas([...remote.values()].flatMap((r) => (r.replica ? [r.replica] : [])));
    const local = await library.readReplicas(keys);
    const acks: OutboxEntry[] = [];
    const writes: { doc: CouchDoc; entry: OutboxEntry }[] = [];
    const cleanup: CouchDoc[] = [];
    for (const key of keys) {
      const mine = local.get(key);
      const theirs = remote.get(key);
      if (!mine) {
        acks.push({ key, stamp: entries.find((e) => e.key === key)?.stamp ?? '' });
        continue;
      }
      // What the server will hold covers every change queued when this round read the outbox
      // (merged in, or superseded by a newer write such as a delete); an edit made since then
      // stamps later than both and stays queued.
      const queued = entries.find((e) => e.key === key)?.stamp ?? '';
      const newest = newestStamp(mine);
      const entry = { key, stamp: laterStamp(queued, newest) };
      if (theirs?.replica && sameReplica(mine.value, theirs.replica.value) && theirs.cleanup.length === 0) {
        acks.push(entry);
        continue;
      }
      writes.push({ doc: toDoc(mine, theirs?.rev), entry });
      cleanup.push(...(theirs?.cleanup ?? []));
    }
    const entryOf = new Map(writes.map((w) => [w.doc, w.entry]));
    for (const part of chunks([...writes.map((w) => w.doc), ...cleanup], maxChars)) {
      const results = await client.bulkDocs(part);
      // Results come in the order of the documents sent.
      for (const [i, result] of results.entries()) {
        const entry = entryOf.get(part[i] as CouchDoc);
        if (!entry || result.error === 'conflict') continue;
        if (result.error) {
          const kind = result.error === 'forbidden' || result.error === 'unauthorized' ? 'forbidden' : 'server';
          throw new SyncError(kind, `The server refused ${result.id}: ${result.reason ?? result.error}.`);
        }
        acks.push(entry);
        report.pushed += 1;
      }
    }
    await library.ackOutbox(acks);
  }
  return report;
}
