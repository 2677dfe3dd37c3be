/**
 * Opens the database and runs whatever migrations it needs. The only place that calls
 * `openDB`; everything else receives an already-migrated connection.
 */
import { type IDBPDatabase, openDB } from 'idb';
import { LATEST_VERSION, migrate } from './migrations';
import { DEFAULT_DB_NAME, type GlossaSchema } from './schema';

/** Where and at which version to open. */
export interface OpenDbOptions {
  /** Database name; tests use a unique one. Defaults to `glossa`. */
  name?: string;
  /**
   * Version to open at. Defaults to the latest; tests pass an older one to build a database
   * as a past release left it, then reopen it to exercise the migration.
   */
  version?: number;
}

/**
 * Opens (creating or upgrading as needed) the database. If any migration step fails, the
 * versionchange transaction is aborted, so the database stays exactly at its old version
 * with all its records, and this rejects with the step's error.
 *
 * When a newer version of the extension asks to upgrade while this connection is open, the
 * connection closes itself: holding on would block the upgrade indefinitely.
 */
export async function openGlossaDb(options: OpenDbOptions = {}): Promise<IDBPDatabase<GlossaSchema>> {
  const { name = DEFAULT_DB_NAME, version = LATEST_VERSION } = options;
  if (!Number.isInteger(version) || version < 1 || version > LATEST_VERSION) {
    throw new RangeError(`Glossa storage: no version ${version} (latest is ${LATEST_VERSION})`);
  }
  let failure: unknown;
  try {
    const db = await openDB<GlossaSchema>(name, version, {
      upgrade(database, oldVersion, newVersion, tx) {
        // The open request rejects on abort; this only keeps `tx.done` from being unhandled.
        tx.done.catch(() => undefined);
        migrate({ db: database, tx }, oldVersion, newVersion ?? version).catch((error: unknown) => {
          failure = error;
          try {
            tx.abort();
          } catch {
            // A failed request already aborted the transaction: nothing left to undo.
          }
        });
      },
      blocking() {
        db.close();
      },
    });
    return db;
  } catch (error) {
    throw failure ?? error;
  }
}
