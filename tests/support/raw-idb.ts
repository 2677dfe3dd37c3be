/**
 * Plain IndexedDB access for migration tests: writes records exactly as an old release (or a
 * damaged profile) would have, bypassing every type and normalizer in lib/storage.
 */

/** Resolves an IDBRequest's result. */
function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Opens an existing database at whatever version it is, without upgrading it. */
function openExisting(name: string): Promise<IDBDatabase> {
  return settle(indexedDB.open(name));
}

/** Puts raw values into one store of an existing database. */
export async function putRaw(name: string, store: string, records: readonly unknown[]): Promise<void> {
  const db = await openExisting(name);
  try {
    const tx = db.transaction(store, 'readwrite');
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error);
    });
    for (const record of records) tx.objectStore(store).put(record);
    await done;
  } finally {
    db.close();
  }
}

/** Everything in one store, plus the database's version and store names. */
export async function readRaw(
  name: string,
  store: string,
): Promise<{ version: number; stores: string[]; records: unknown[] }> {
  const db = await openExisting(name);
  try {
    const records = await settle(db.transaction(store, 'readonly').objectStore(store).getAll());
    return { version: db.version, stores: [...db.objectStoreNames], records };
  } finally {
    db.close();
  }
}
