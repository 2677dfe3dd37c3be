/**
 * Small key/value bookkeeping beside the library (which release imported the seeds, sync
 * checkpoints), kept in IndexedDB so it lives and dies with the data it describes.
 */
import type { IDBPDatabase } from 'idb';
import type { GlossaSchema } from './schema';

type Db = IDBPDatabase<GlossaSchema>;

/**
 * The value stored under `key`, or `undefined`. `T` is the caller's expectation, not a check:
 * the value may have been written by an older release, so validate anything structured.
 * Without a type argument it is `unknown`, which forces that check.
 */
export async function getMeta<T = unknown>(db: Db, key: string): Promise<T | undefined> {
  const record = await db.get('meta', key);
  return record?.value as T | undefined;
}

/** Stores a structured-cloneable value under `key`, replacing any previous one. */
export async function setMeta(db: Db, key: string, value: unknown): Promise<void> {
  await db.put('meta', { key, value });
}
