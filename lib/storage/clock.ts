/**
 * The device's hybrid logical clock, kept in the `meta` store and advanced inside the same
 * transaction as the write it stamps: two contexts writing at once (the reader page and the
 * background) are serialized by IndexedDB, so no two writes ever get the same stamp.
 */
import type { IDBPObjectStore } from 'idb';
import { createClock, format, type Hlc, plausible, receive, tick } from '../model';
import type { GlossaSchema } from './schema';

/** The `meta` store inside a read-write transaction (any set of stores that includes it). */
export type MetaStore = IDBPObjectStore<
  GlossaSchema,
  ('meta' | 'highlights' | 'articles' | 'bodies' | 'outbox' | 'tombstones' | 'trash')[],
  'meta',
  'readwrite'
>;

const CLOCK_KEY = 'hlc';

/** Random device id: 12 base-36 characters. */
function newNode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

function isClock(value: unknown): value is Hlc {
  const v = value as Partial<Hlc> | null;
  return typeof v?.wall === 'number' && typeof v.counter === 'number' && typeof v.node === 'string';
}

/** A stamper bound to one transaction: each call returns a fresh stamp, later than the last. */
export interface Stamper {
  next(): Promise<string>;
  /** Moves the clock past a stamp seen from elsewhere (sync, backups). */
  observe(stamp: string): Promise<void>;
}

/** Reads the clock once per transaction, writes it back after each tick. */
export function stamper(meta: MetaStore, now: () => number = Date.now): Stamper {
  let clock: Hlc | null = null;
  const load = async (): Promise<Hlc> => {
    if (clock) return clock;
    const stored = (await meta.get(CLOCK_KEY))?.value;
    clock = isClock(stored) ? stored : createClock(newNode(), now());
    return clock;
  };
  return {
    async next() {
      const result = tick(await load(), now());
      clock = result.clock;
      void meta.put({ key: CLOCK_KEY, value: clock });
      return result.stamp;
    },
    async observe(stamp) {
      // Legacy stamps (node `0`) are derived, not seen from a clock; implausible ones are refused.
      if (!plausible(stamp, now())) return;
      const current = await load();
      if (stamp <= format(current)) return;
      clock = receive(current, stamp, now());
      void meta.put({ key: CLOCK_KEY, value: clock });
    },
  };
}

/**
 * The stamp a record written before stamps existed gets: its update time, counter 0, node `0`.
 * Every device derives the same stamp for the same record, and any real write is later.
 */
export function legacyStamp(updatedAt: number): string {
  const wall = Number.isFinite(updatedAt) && updatedAt > 0 ? Math.floor(updatedAt) : 0;
  return format({ wall: Math.min(wall, 999_999_999_999_999), counter: 0, node: '0' });
}
