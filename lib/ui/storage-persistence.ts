/**
 * Whether the browser may clear Glossa's library to free disk space. Without persistent storage
 * a browser under storage pressure may evict an origin's data; `navigator.storage.persist()`
 * asks it not to (Chrome decides by itself, extensions with `unlimitedStorage` usually qualify;
 * Firefox may ask the reader). Asked from the options page, on the reader's click, never at
 * start-up behind their back.
 */

/** The part of `navigator.storage` this uses (absent in some contexts and browsers). */
export interface StorageLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

/** Where the library stands: kept for good, may be evicted, or the browser cannot say. */
export type Persistence = 'granted' | 'not-granted' | 'unsupported';

/** The current state, without asking for anything. */
export async function persistence(storage: StorageLike | undefined): Promise<Persistence> {
  if (!storage?.persisted || !storage.persist) return 'unsupported';
  try {
    return (await storage.persisted()) ? 'granted' : 'not-granted';
  } catch {
    return 'unsupported';
  }
}

/** Asks for persistent storage; answers the state after the browser (or the reader) decided. */
export async function requestPersistence(storage: StorageLike | undefined): Promise<Persistence> {
  if (!storage?.persist) return 'unsupported';
  try {
    return (await storage.persist()) ? 'granted' : 'not-granted';
  } catch {
    return 'not-granted';
  }
}

/** Bytes in a unit a person reads (B, kB, MB, GB; 1 kB = 1,000 B, as the browsers' own pages). */
export function formatBytes(bytes: number, lang?: string): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
