/**
 * Where the background keeps the outcome of the last sync rounds and any changes held for the
 * reader's decision: the library's meta store, so both survive the worker being stopped and
 * every view reads the same status.
 */
import type { HeldChanges, SyncStatus } from '../../shared/sync/status';
import type { Library } from '../../storage';

const STATUS_KEY = 'sync:status';
const HELD_KEY = 'sync:held';

/** What a round leaves behind. */
export type RoundStatus = Pick<SyncStatus, 'lastSync' | 'lastError' | 'failures'>;

/** Held changes as stored: what the reader is shown, the server they came from, and more. */
export interface HeldRecord extends HeldChanges {
  server: string;
  /** The newest stamp among the held changes (keeping the local copy stamps after it). */
  newestStamp: string;
  /** The reader chose to apply them: the next round applies them without holding. */
  approved: boolean;
}

/** The stored status (neutral defaults for anything missing or malformed). */
export async function readStatus(library: Library): Promise<RoundStatus> {
  const raw = (await library.getMeta<Partial<SyncStatus>>(STATUS_KEY)) ?? {};
  return {
    lastSync: typeof raw.lastSync === 'number' ? raw.lastSync : null,
    lastError: raw.lastError && typeof raw.lastError.message === 'string' ? raw.lastError : null,
    failures: typeof raw.failures === 'number' ? raw.failures : 0,
  };
}

/** Stores the outcome of a round. */
export async function writeStatus(library: Library, status: RoundStatus): Promise<void> {
  await library.setMeta(STATUS_KEY, status);
}

/** The changes held for the reader, if any (and well-formed). */
export async function readHeld(library: Library): Promise<HeldRecord | null> {
  const raw = await library.getMeta<Partial<HeldRecord>>(HELD_KEY);
  const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (!raw || typeof raw.server !== 'string' || typeof raw.newestStamp !== 'string') return null;
  if (!count(raw.deletes) || !count(raw.replaces) || !count(raw.library) || !count(raw.at)) return null;
  return raw as HeldRecord;
}

/** Stores (or, with null, clears) the held changes. */
export async function writeHeld(library: Library, held: HeldRecord | null): Promise<void> {
  await library.setMeta(HELD_KEY, held);
}
