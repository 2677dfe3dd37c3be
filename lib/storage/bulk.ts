/** Whole-batch writes to one store, in one transaction: all of them land, or none. */
import type { IDBPDatabase } from 'idb';
import type { GlossaSchema } from './schema';
import type { SearchDocRecord } from './types';

type Db = IDBPDatabase<GlossaSchema>;

/** Puts every record. */
export async function putAll(db: Db, store: 'searchDocs', records: readonly SearchDocRecord[]): Promise<void> {
  const tx = db.transaction(store, 'readwrite');
  for (const record of records) void tx.store.put(record);
  await tx.done;
}

/** Deletes every key. */
export async function deleteAll(db: Db, store: 'searchDocs', keys: readonly string[]): Promise<void> {
  const tx = db.transaction(store, 'readwrite');
  for (const key of keys) void tx.store.delete(key);
  await tx.done;
}
