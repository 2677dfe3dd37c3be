/**
 * Reads and writes the extension's own IndexedDB (`glossa`) from one of its pages, the way a
 * test checks what Glossa stored. Only extension pages can open it: a web page (and a content
 * script) opens the page's database of that name, not ours.
 */
import type { Page } from 'puppeteer-core';

/** One request against one object store. */
export type DbRequest =
  | { store: string; op: 'getAll' | 'count' }
  | { store: string; op: 'get' | 'delete'; key: string }
  | { store: string; op: 'getByIndex'; index: string; key: string };

/** Runs `request` in `page` (an extension page) and answers its result (`null` when absent). */
export function extensionDb<T = unknown>(page: Page, request: DbRequest): Promise<T> {
  return page.evaluate(
    (r: DbRequest) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('glossa');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(r.store, r.op === 'delete' ? 'readwrite' : 'readonly');
          const store = tx.objectStore(r.store);
          const request = (): IDBRequest => {
            switch (r.op) {
              case 'getAll':
                return store.getAll();
              case 'count':
                return store.count();
              case 'get':
                return store.get(r.key);
              case 'delete':
                return store.delete(r.key);
              case 'getByIndex':
                return store.index(r.index).get(r.key);
            }
          };
          const req = request();
          let result: unknown = null;
          req.onsuccess = () => {
            result = req.result ?? null;
          };
          tx.oncomplete = () => {
            db.close();
            resolve(result as T);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    request,
  );
}

/** Every record of an object store. */
export function readStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return extensionDb<T[]>(page, { store, op: 'getAll' });
}
