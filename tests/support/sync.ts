/**
 * Devices for sync tests: each is a real library (fake-indexeddb, its own database) that
 * syncs with a real CouchDB-protocol server through the real client and engine.
 */

import { CouchClient } from '../../lib/background/sync/couch';
import { type SyncOptions, type SyncReport, syncOnce } from '../../lib/background/sync/engine';
import { type Library, openLibrary } from '../../lib/storage';
import { uniqueDbName } from './library';

export const DB = 'glossa-test';

/** One device: a library and a way to sync it. */
export interface Device {
  name: string;
  lib: Library;
  /** The database name, to reopen it as a restarted worker would. */
  dbName: string;
  sync(url: string, options?: SyncOptions): Promise<SyncReport>;
  /** Closes and reopens the library (a stopped and restarted service worker). */
  restart(): Promise<void>;
}

/** A device with an empty library. */
export async function device(name: string): Promise<Device> {
  const dbName = uniqueDbName();
  const d: Device = {
    name,
    dbName,
    lib: await openLibrary({ name: dbName }),
    sync: (url, options = { batch: 3 }) =>
      syncOnce(d.lib, new CouchClient({ url, db: DB, username: '', password: '' }), 'sync:since', options),
    restart: async () => {
      d.lib.close();
      d.lib = await openLibrary({ name: dbName });
    },
  };
  return d;
}

/** Everything a device holds that sync carries, in a comparable form. */
export async function snapshot(lib: Library) {
  const metas = await lib.allArticleMetas();
  const articles = await Promise.all(metas.map((m) => lib.getArticle(m.id)));
  return {
    articles,
    highlights: await lib.allHighlights({ includeDeleted: true }),
    tombstones: (await lib.allTombstones()).map((t) => ({ id: t.id, stamp: t.stamp })),
  };
}

/** Creates the server database. */
export async function createDb(url: string): Promise<void> {
  await new CouchClient({ url, db: DB, username: '', password: '' }).info(true);
}
