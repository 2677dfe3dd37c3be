/**
 * The smallest checks every validator of untrusted input starts from (messages, sync documents,
 * backups, imported files): what a JSON object is, a bounded string, a count, a time. One
 * definition each, so "an object" means the same thing at every door.
 */

/** A plain JSON-like object: not null, not an array. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string of at most `max` UTF-16 code units. */
export const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** A whole number ≥ 0 (offsets, counts, epoch milliseconds). */
export const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** A finite number ≥ 0 (times, sizes, minutes). */
export const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
