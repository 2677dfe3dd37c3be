/**
 * Search's records in the library's `searchDocs` store, read and written: one entry per
 * article (`doc-terms.ts`) and one snapshot of the whole index (`snapshot.ts`). Storage keeps
 * them opaque; this module alone knows which is which and drops what it cannot read.
 */
import type { SearchDocRecord } from '../../storage';
import { asDocData, SEARCH_DOC_FORMAT, type SearchDocData } from './doc-terms';
import { asSnapshot, type IndexSnapshot, SNAPSHOT_FORMAT, SNAPSHOT_ID } from './snapshot';

/** The stored records, sorted out. */
export interface Persisted {
  snapshot: IndexSnapshot | null;
  /** Readable entries, by article id. */
  entries: Map<string, SearchDocData>;
  /** Ids of records of an unknown format or shape (rebuilt or dropped by the reconcile). */
  unreadable: string[];
}

/** Sorts stored records into the snapshot, the readable entries and the rest. */
export function readPersisted(records: readonly SearchDocRecord[]): Persisted {
  const persisted: Persisted = { snapshot: null, entries: new Map(), unreadable: [] };
  for (const record of records) {
    if (record.id === SNAPSHOT_ID) {
      persisted.snapshot = record.format === SNAPSHOT_FORMAT ? asSnapshot(record.data) : null;
      continue;
    }
    const data = record.format === SEARCH_DOC_FORMAT ? asDocData(record.data) : null;
    if (data) persisted.entries.set(record.id, data);
    else persisted.unreadable.push(record.id);
  }
  return persisted;
}

/** The record of one article's entry. */
export function entryRecord(id: string, data: SearchDocData): SearchDocRecord {
  return { id, format: SEARCH_DOC_FORMAT, data };
}

/** The record of the index snapshot. */
export function snapshotRecord(snapshot: IndexSnapshot): SearchDocRecord {
  return { id: SNAPSHOT_ID, format: SNAPSHOT_FORMAT, data: snapshot };
}
