/**
 * One sync round against a CouchDB-protocol server: pull what changed since the checkpoint,
 * then push the outbox (push.ts), then fetch the pictures pulled articles brought (images.ts). Both halves merge before they write (merge.ts), so the order
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

import { laterStamp } from '../../model';
import { SyncError } from '../../shared/sync/config';
import type { Library, Replica } from '../../storage';
import type { ChangeRow, CouchClient, CouchDoc, Traffic } from './couch';
import { toDoc } from './docs';
import { chunks, foldConflicts, isNewerFormat, newestStamp, shrinkOnTimeout } from './fold';
import { fetchWantedImages, IMAGE_SYNC_LIMITS, type ImageSyncLimits, keepImages, noteWantedImages } from './images';
import { push } from './push';

/** What a round did. */
export interface SyncReport {
  pulled: number;
  pushed: number;
  /** Pictures fetched from the server's attachments. */
  images: number;
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
  /**
   * How many local articles one round's pull may delete or replace before it is held for the
   * reader (`bulkChangeLimit`); unlimited when absent (tests of plain replication).
   */
  holdAbove?: number;
  /** Most `_changes` pages one round reads; the next round goes on from the checkpoint. */
  maxPages?: number;
  /** Most bytes one round's pull reads. */
  maxPullBytes?: number;
  /** Limits of the pictures' traffic (images.ts). */
  images?: Partial<ImageSyncLimits>;
}

/**
 * The server's changes would delete or replace more of the library than one round may: nothing
 * of them was applied (the checkpoint stays before them) and sync waits for the reader.
 */
export class HeldChangesError extends SyncError {
  constructor(
    readonly deletes: number,
    readonly replaces: number,
    /** The newest stamp among the held changes: keeping the local copy must stamp after it. */
    readonly newestStamp: string,
  ) {
    super('held', `The server’s changes would delete ${deletes} and replace ${replaces} of your articles.`);
    this.name = 'HeldChangesError';
  }
}

/** Checks a `_changes` page before anything of it is used. */
function checkPage(page: unknown): { results: unknown[]; lastSeq: string } {
  const p = page as { results?: unknown; last_seq?: unknown } | null;
  const seq = p?.last_seq;
  if (
    !p ||
    !Array.isArray(p.results) ||
    !((typeof seq === 'string' && seq.length <= 1024) || (typeof seq === 'number' && Number.isFinite(seq)))
  ) {
    throw new SyncError('bad-response', 'The server’s list of changes is malformed.');
  }
  return { results: p.results, lastSeq: String(seq) };
}

/** This device's id for its `_local` checkpoint (random, kept with the library). */
async function deviceId(library: Library): Promise<string> {
  const known = await library.getMeta<string>('sync:device');
  if (typeof known === 'string' && /^[0-9a-z]{8,32}$/.test(known)) return known;
  const id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b % 36).toString(36)).join('');
  await library.setMeta('sync:device', id);
  return id;
}

/**
 * Pulls the changes after the checkpoint into the library — a bounded number of pages and
 * bytes per round, and never a bulk delete or replacement past `holdAbove` (held, unapplied).
 */
async function pull(
  library: Library,
  client: CouchClient,
  sinceKey: string,
  batch: { size: number },
  options: Required<Pick<SyncOptions, 'maxRequestChars' | 'maxPages' | 'maxPullBytes'>> & { holdAbove: number },
  report: SyncReport,
): Promise<string> {
  let since = (await library.getMeta<string>(sinceKey)) ?? '0';
  const startBytes = client.traffic.bytesReceived;
  const impact = { deletes: 0, replaces: 0 };
  for (let pages = 1; ; pages++) {
    const from = since;
    const page = checkPage(await shrinkOnTimeout(batch, (size) => client.changes(from, size)));
    const replicas: Replica[] = [];
    const pulledDocs: CouchDoc[] = [];
    const cleanup: CouchDoc[] = [];
    for (const item of page.results) {
      const row = item as ChangeRow | null;
      if (!row?.doc || typeof row.doc._id !== 'string' || row.doc._deleted) continue;
      const folded = isNewerFormat(row.doc) ? { replica: null, cleanup: [] } : await foldConflicts(client, row.doc);
      if (!folded.replica) {
        report.skipped += row.doc._id.startsWith('_design/') ? 0 : 1;
        continue;
      }
      replicas.push(folded.replica);
      pulledDocs.push(row.doc);
      if (folded.cleanup.length > 0) {
        // The merged record goes onto the winning revision (keeping its pictures); the losers are deleted.
        cleanup.push(keepImages(row.doc, toDoc(folded.replica, row.doc._rev)), ...folded.cleanup);
        report.resolved += 1;
      }
    }
    if (Number.isFinite(options.holdAbove)) {
      const next = await library.previewReplicas(replicas);
      impact.deletes += next.deletes;
      impact.replaces += next.replaces;
      if (impact.deletes + impact.replaces > options.holdAbove) {
        throw new HeldChangesError(impact.deletes, impact.replaces, replicas.map(newestStamp).reduce(laterStamp, ''));
      }
    }
    const outcome = await library.applyReplicas(replicas);
    report.pulled += outcome.changed.length;
    await noteWantedImages(library, pulledDocs);
    // A 409 here means the document moved on: the next round folds it again.
    for (const part of chunks(cleanup, options.maxRequestChars)) await client.bulkDocs(part);
    const advanced = page.lastSeq !== since;
    since = page.lastSeq;
    await library.setMeta(sinceKey, since);
    if (page.results.length < batch.size) return since;
    // A full page that does not move the checkpoint, or a round past its bounds, ends here:
    // a server that always answers a full page cannot keep a round alive forever.
    if (!advanced || pages >= options.maxPages) return since;
    if (client.traffic.bytesReceived - startBytes > options.maxPullBytes) return since;
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
  const pullOptions = {
    maxRequestChars: maxChars,
    maxPages: options.maxPages ?? 40,
    maxPullBytes: options.maxPullBytes ?? 200_000_000,
    holdAbove: options.holdAbove ?? Number.POSITIVE_INFINITY,
  };
  const images = { ...IMAGE_SYNC_LIMITS, ...options.images };
  const report: SyncReport = {
    pulled: 0,
    pushed: 0,
    images: 0,
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
  const reached = await pull(library, client, sinceKey, batch, pullOptions, report);
  if (checkpoint?.since !== reached) await client.putLocal(checkpointId, { since: reached }, checkpoint?._rev);

  const pushed = await push(library, client, batch, maxChars, images);
  report.pushed = pushed.pushed;
  report.images = await fetchWantedImages(library, client, images);
  if (pushed.refused.length > 0) {
    const [first] = pushed.refused;
    throw new SyncError(
      'refused',
      `The server refused ${pushed.refused.length} record(s), e.g. ${first?.id}: ${first?.reason}. Everything else is synced.`,
    );
  }
  return report;
}
