/**
 * What the popup and the options page show about sync: whether it is on, when it last
 * succeeded, how many changes wait, and the last error in words. The background keeps it in the
 * library's meta store (`lib/background/sync/status-store.ts`), so it survives the worker being
 * stopped.
 */
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

/** Delay before the next try after `failures` failed rounds: 30 s doubling, capped at 30 min. */
export function backoffMs(failures: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failures - 1), 30 * 60_000);
}
