/**
 * What the popup and the options page show about sync: whether it is on, when it last
 * succeeded, how many changes wait, and the last error in words. Kept in the library's meta
 * store by the background, so it survives the worker being stopped.
 */
import type { Library } from '../../storage';
import type { SyncErrorKind } from './couch';

/** The state of sync, as views show it. */
export interface SyncStatus {
  enabled: boolean;
  running: boolean;
  /** Epoch ms of the last round that finished without error. */
  lastSync: number | null;
  lastError: { kind: SyncErrorKind; message: string; at: number } | null;
  /** Records waiting to be pushed. */
  pending: number;
  /** Failed rounds in a row (drives the backoff). */
  failures: number;
}

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

/** Delay before the next try after `failures` failed rounds: 30 s doubling, capped at 30 min. */
export function backoffMs(failures: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failures - 1), 30 * 60_000);
}
