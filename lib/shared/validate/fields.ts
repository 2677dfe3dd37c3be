/**
 * Checks of single fields, as every validator of incoming records uses them: what an id, a link,
 * an image source, a date and a language tag may be. Each answers the value to store, or
 * `undefined` when the value is refused.
 */
import { normalizeUrl } from '../article/ids';
import { LIMITS } from './limits';

/** Ids in our format: letters, digits, `_` and `-` (article ids `a_<hex>`, highlight UUIDs). */
const ID = /^[A-Za-z0-9_-]+$/;
/** A BCP 47 tag as pages and feeds declare them (`zh-CN`, `zh-Hant-TW`, `en`). */
const LANG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;
/** ISO 8601 as our dates are written: a day, or a day and time with an optional zone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** Raster images only: an SVG `data:` URL can carry script. */
const RASTER_DATA_URL = /^data:image\/(?:png|jpeg|gif|webp|avif|bmp);base64,[A-Za-z0-9+/]+={0,2}$/;

/** An id in our format. */
export function recordId(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= LIMITS.id && ID.test(value) ? value : undefined;
}

/**
 * An absolute http(s) URL, kept as given (a stored record is not rewritten on the way in, or two
 * devices would disagree about it); `javascript:`, `data:` and anything else are refused.
 */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > LIMITS.url) return undefined;
  return normalizeUrl(value) === null ? undefined : value;
}

/** An image source: an http(s) URL, or a raster `data:` URL within the size limit. */
export function imageUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('data:'))
    return value.length <= LIMITS.dataImage && RASTER_DATA_URL.test(value) ? value : undefined;
  return httpUrl(value);
}

/** An ISO 8601 date that names a real moment. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > LIMITS.date || !ISO_DATE.test(value)) return undefined;
  return Number.isNaN(Date.parse(value)) ? undefined : value;
}

/** A BCP 47 language tag. */
export function langTag(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= LIMITS.lang && LANG.test(value) ? value : undefined;
}

/** `check`, with null allowed (and kept). */
export function orNull<T>(check: (v: unknown) => T | undefined): (v: unknown) => T | null | undefined {
  return (v) => (v === null ? null : check(v));
}
