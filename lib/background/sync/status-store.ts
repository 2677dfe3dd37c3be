/**
 * Where the background keeps the outcome of the last sync rounds: the library's meta store, so
 * it survives the worker being stopped and every view reads the same status.
 */
import type { SyncStatus } from '../../shared/sync/status';
import type { Library } from '../../storage';

const STATUS_KEY = 'sync:status';

/** The stored status (neutral defaults for anything missing or malformed). */
export async function readStatus(library: Library): Promise<Omit<SyncStatus, 'enabled' | 'running' | 'pending'>> {
  const raw = (await library.getMeta<Partial<SyncStatus>>(STATUS_KEY)) ?? {};
  return {
    lastSync: typeof raw.lastSync === 'number' ? raw.lastSync : null,
    lastError: raw.lastError && typeof raw.lastError.message === 'string' ? raw.lastError : null,
    failures: typeof raw.failures === 'number' ? raw.failures : 0,
  };
}

/** Stores the outcome of a round. */
export async function writeStatus(
  library: Library,
  status: Omit<SyncStatus, 'enabled' | 'running' | 'pending'>,
): Promise<void> {
  await library.setMeta(STATUS_KEY, status);
}
