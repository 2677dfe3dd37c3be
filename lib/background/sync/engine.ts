/**
 * One sync round against a CouchDB-protocol server: pull what changed since the checkpoint,
 * then push the outbox (push.ts). Both halves merge before they write (merge.ts), so the order
 * in which devices meet never matters; both are idempotent, so a round stopped anywhere (the
 * MV3 worker killed, the network gone) is simply run again:
 * - the pull checkpoint is saved only after its batch is in the library;
 * - an outbox entry is removed only after the server holds a version that covers it.
 * Conflicting revisions the server reports (`_conflicts`) are folded in with the same merge,
 * and the losing revisions deleted, so the server converges too.
 *
 * Like CouchDB's own replicator, the device also keeps its checkpoint in a `_local` document
 * on the server. When that is missing while the device has a checkpoint, the database was
 * reset or restored from an older copy: the device pulls from the start and pushes everything.
 */

import { type CouchClient, type CouchDoc, SyncError, type Traffic } from '../../shared/sync/couch';
import type { Library, Replica } from '../../storage';
import { toDoc } from './docs';
import { chunks, foldConflicts, isNewerFormat, shrinkOnTimeout } from './fold';
import { push } from './push';

/** What a round did. */
export interface SyncReport {
  pulled: number;
  pushed: number;
  /** Server-side conflicts folded together and cleaned up. */
  resolved: number;
  /** Documents that were not valid Glossa records, or written by a newer Glossa (left alone). */
  skipped: number;
  /** Whether the server had lost this device's checkpoint (reset or restored database). */
  restarted: boolean;
  traffic: Traffic;
}

/** Tuning; tests use small batches to cross batch edges. */
export interface SyncOptions {
  /** Changes per `_changes` page and records per push batch (shrinks when the server times out). */
  batch?: number;
  /** Largest `_bulk_docs` body, in characters (article bodies are big). */
  maxRequestChars?: number;
}

/** This device's id for its `_local` checkpoint (random, kept with the library). */
async function deviceId(library: Library): Promise<string> {
  const known = await library.getMeta<string>('sync:device');
  if (typeof known === 'string' && /^[0-9a-z]{8,32}$/.test(known)) return known;
  const id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b % 36).toString(36)).join('');
  await library.setMeta('sync:device', id);
  return id;
}

/** Pulls every change after the checkpoint into the library. */
async function pull(
  library: Library,
  client: CouchClient,
  sinceKey: string,
  batch: { size: number },
  maxChars: number,
  report: SyncReport,
): Promise<string> {
  let since = (await library.getMeta<string>(sinceKey)) ?? '0';
  for (;;) {
    const from = since;
    const page = await shrinkOnTimeout(batch, (size) => client.changes(from, size));
    const replicas: Replica[] = [];
    const cleanup: CouchDoc[] = [];
    for (const row of page.results) {
      if (!row.doc || row.doc._deleted) continue;
      const folded = isNewerFormat(row.doc) ? { replica: null, cleanup: [] } : await foldConflicts(client, row.doc);
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
    if (page.results.length < batch.size) return since;
  }
}

/** Runs one round: pull, then push. Throws a SyncError when the server fails. */
export async function syncOnce(
  library: Library,
  client: CouchClient,
  sinceKey: string,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const batch = { size: options.batch ?? 500 };
  const maxChars = options.maxRequestChars ?? 2_000_000;
  const report: SyncReport = {
    pulled: 0,
    pushed: 0,
    resolved: 0,
    skipped: 0,
    restarted: false,
    traffic: client.traffic,
  };

  const checkpointId = `_local/glossa-${await deviceId(library)}`;
  const checkpoint = await client.getLocal(checkpointId);
  // A device that has synced with this database before (it has a checkpoint, even "0") but
  // finds no checkpoint of its own on the server is talking to a reset or restored database.
  const synced = (await library.getMeta<string>(sinceKey)) !== undefined;
  if (!checkpoint && synced) {
    report.restarted = true;
    await library.setMeta(sinceKey, '0');
    await library.enqueueAll();
  }
  const reached = await pull(library, client, sinceKey, batch, maxChars, report);
  if (checkpoint?.since !== reached) await client.putLocal(checkpointId, { since: reached }, checkpoint?._rev);

  const pushed = await push(library, client, batch, maxChars);
  report.pushed = pushed.pushed;
  if (pushed.refused.length > 0) {
    const [first] = pushed.refused;
    throw new SyncError(
      'refused',
      `The server refused ${pushed.refused.length} record(s), e.g. ${first?.id}: ${first?.reason}. Everything else is synced.`,
    );
  }
  return report;
}
