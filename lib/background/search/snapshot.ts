/**
 * The whole index as one stored record: the packed posting lists, the vocabulary and which
 * article each slot holds, with the fingerprint each was indexed from. A restarted service
 * worker loads it in a fraction of a second — typed arrays and two strings, no term looked up
 * — where rebuilding from 10,000 per-article term lists took seconds, and it is about a fifth
 * of their size. Articles changed since the snapshot carry their own term lists in their entry
 * (a journal), replayed over it; a new snapshot is written once the journal grows.
 */

/** Id of the snapshot's record among the search entries (no article id starts with `#`). */
export const SNAPSHOT_ID = '#search-index';
/** Version of {@link IndexSnapshot}; another version is ignored and the index rebuilt. */
export const SNAPSHOT_FORMAT = 1;

/** The index's own part of a snapshot (see SearchIndex.snapshot). */
export interface PackedIndex {
  /** Slot → article id. */
  ids: string[];
  /** The vocabulary in id order (which is string order), `\n`-joined. */
  terms: string;
  bytes: Uint8Array;
  offsets: Uint32Array;
  counts: Uint32Array;
  last: Int32Array;
}

/** A snapshot as stored: the packed index and each slot's fingerprint. */
export interface IndexSnapshot extends PackedIndex {
  /** Slot → fingerprint of what the article's postings were built from. */
  fingerprints: string[];
}

/** The snapshot in a stored value, if it is one and its parts agree; else null. */
export function asSnapshot(value: unknown): IndexSnapshot | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<Record<keyof IndexSnapshot, unknown>>;
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (!strings(v.ids) || !strings(v.fingerprints) || typeof v.terms !== 'string') return null;
  if (!isArray(v.bytes, 'Uint8Array') || !isArray(v.offsets, 'Uint32Array')) return null;
  if (!isArray(v.counts, 'Uint32Array') || !isArray(v.last, 'Int32Array')) return null;
  const terms = v.terms === '' ? 0 : v.terms.split('\n').length;
  const consistent =
    v.ids.length === v.fingerprints.length &&
    v.counts.length === terms &&
    v.last.length === terms &&
    v.offsets.length === terms + 1 &&
    v.offsets[terms] === v.bytes.length;
  return consistent ? (v as IndexSnapshot) : null;
}

/**
 * Whether `value` is a typed array of this kind. By its tag, not `instanceof`: a structured
 * clone may come from another realm (a test environment's window), with other constructors.
 */
function isArray<T extends 'Uint8Array' | 'Uint32Array' | 'Int32Array'>(
  value: unknown,
  kind: T,
): value is T extends 'Uint8Array' ? Uint8Array : T extends 'Uint32Array' ? Uint32Array : Int32Array {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === `[object ${kind}]`;
}
