/**
 * The push half of a round: the outbox, batch by batch. The server's side of each record is
 * fetched and merged in first, so what goes up is the merge of both; an entry leaves the
 * outbox only once the server holds a version that covers it.
 */

import { laterStamp, sameReplica } from '../../model';
import { SyncError } from '../../shared/sync/config';
import type { Library, OutboxEntry } from '../../storage';
import type { BulkResult, CouchClient, CouchDoc } from './couch';
import { toDoc } from './docs';
import { chunks, type Folded, foldConflicts, newestStamp, refuseNewerFormat, shrinkOnTimeout } from './fold';
import {
  AttachmentBudget,
  attachImages,
  type DocImages,
  IMAGE_SYNC_LIMITS,
  type ImageSyncLimits,
  imagesCovered,
  localImages,
  withoutNewPictures,
} from './images';

/** What the push did. */
export interface PushReport {
  pushed: number;
  /** Records the server refused (too large, rejected by a validation function), with its reason. */
  refused: { id: string; reason: string }[];
}

/** A write's result; `withoutPictures` when the server took the record but not its new pictures. */
type WriteResult = BulkResult & { withoutPictures?: boolean };

/**
 * Writes documents; a request too large for the server is retried one document at a time, and a
 * document still too large once more without the pictures it sends: its record must not wait on them.
 */
async function write(client: CouchClient, docs: CouchDoc[]): Promise<WriteResult[]> {
  try {
    return await client.bulkDocs(docs);
  } catch (error) {
    if (!(error instanceof SyncError && error.kind === 'quota')) throw error;
    const [only] = docs;
    const lighter = docs.length === 1 && only ? withoutNewPictures(only) : null;
    if (lighter) return (await write(client, [lighter])).map((r) => ({ ...r, withoutPictures: true }));
    if (docs.length === 1) return [{ id: only?._id ?? '', error: 'too_large', reason: error.message }];
    const results: BulkResult[] = [];
    for (const doc of docs) results.push(...(await write(client, [doc])));
    return results;
  }
}

/** Pushes the outbox. Throws a SyncError when the server fails as a whole. */
export async function push(
  library: Library,
  client: CouchClient,
  batch: { size: number },
  maxChars: number,
  limits: ImageSyncLimits = IMAGE_SYNC_LIMITS,
): Promise<PushReport> {
  const report: PushReport = { pushed: 0, refused: [] };
  // Rounds that change nothing (every write conflicting or refused) end the push after three
  // in a row; the next round of sync starts afresh.
  let stalls = 0;
  let previous = '';
  let pictureBytes = 0;
  while (stalls < 3) {
    const entries = await library.pendingOutbox(batch.size);
    if (entries.length === 0) break;
    const fingerprint = JSON.stringify(entries);
    stalls = fingerprint === previous ? stalls + 1 : 0;
    previous = fingerprint;
    const keys = entries.map((e) => e.key);
    const remoteDocs = await shrinkOnTimeout(batch, () => client.getDocs(keys));
    const remote = new Map<string, Folded & { doc: CouchDoc }>();
    for (const [id, doc] of remoteDocs) {
      refuseNewerFormat(doc);
      remote.set(id, { ...(await foldConflicts(client, doc)), doc });
    }
    await library.applyReplicas([...remote.values()].flatMap((r) => (r.replica ? [r.replica] : [])));
    const local = await library.readReplicas(keys);
    const acks: OutboxEntry[] = [];
    const writes = new Map<CouchDoc, OutboxEntry>();
    // Written with only some of their pictures (the request's budget ran out): not acknowledged.
    const partial = new Set<CouchDoc>();
    const budget = new AttachmentBudget(limits.pushBytes);
    const cleanup: CouchDoc[] = [];
    for (const { key, stamp: queued } of entries) {
      const mine = local.get(key);
      const theirs = remote.get(key);
      if (!mine) {
        acks.push({ key, stamp: queued });
        continue;
      }
      // What the server will hold covers every change queued when this batch read the outbox
      // (merged in, or superseded by a newer write such as a delete); an edit made since then
      // stamps later than both and stays queued.
      const entry = { key, stamp: laterStamp(queued, newestStamp(mine)) };
      const images: DocImages =
        mine.type === 'article' && !mine.value.deleted.value
          ? await localImages(library, mine.value.id)
          : { entries: [], thumb: null };
      const same = theirs?.replica && sameReplica(mine.value, theirs.replica.value) && theirs.cleanup.length === 0;
      if (same && imagesCovered(theirs?.doc, images)) {
        acks.push(entry);
        continue;
      }
      const doc = toDoc(mine, theirs?.doc._rev);
      if (mine.type === 'article' && !mine.value.deleted.value) {
        if (!(await attachImages(library, doc, images, theirs?.doc, budget))) partial.add(doc);
      }
      writes.set(doc, entry);
      cleanup.push(...(theirs?.cleanup ?? []));
    }
    for (const part of chunks([...writes.keys(), ...cleanup], maxChars)) {
      const results = await write(client, part);
      // Results come in the order of the documents sent.
      for (const [i, result] of results.entries()) {
        const entry = writes.get(part[i] as CouchDoc);
        if (!entry || result.error === 'conflict') continue;
        if (result.error === 'forbidden' || result.error === 'unauthorized') {
          throw new SyncError('forbidden', `The server refused ${result.id}: ${result.reason ?? result.error}.`);
        }
        if (result.error) {
          report.refused.push({ id: result.id, reason: result.reason ?? result.error });
          continue;
        }
        report.pushed += 1;
        // Pictures this server refuses as too large are not offered to it again with this record.
        if (!partial.has(part[i] as CouchDoc) || result.withoutPictures) acks.push(entry);
      }
    }
    // Pictures went up, more are waiting: the next batch goes on with them, not counted as a
    // stall — within the round's bytes, so a server that drops them cannot keep the round busy.
    pictureBytes += budget.spent;
    if (partial.size > 0 && budget.spent > 0 && pictureBytes < limits.pushRoundBytes) previous = '';
    await library.ackOutbox(acks);
  }
  return report;
}
