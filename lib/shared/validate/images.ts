/**
 * Checks an article's image map when it arrives from outside (a backup, a sync peer): the
 * sources are image URLs by the same rule as everywhere, hashes are SHA-256 hex, reasons are
 * ours, counts within the one table of limits. The pictures' bytes are not checked here: they
 * are sniffed by their magic bytes (lib/background/images/sniff.ts) wherever they come from.
 */
import {
  err,
  type ImageEntry,
  type ImageFailureReason,
  ok,
  RASTER_IMAGE_TYPES,
  type Result,
  type SavedImageEntry,
  type StoredImageType,
} from '../../model';
import { imageUrl } from './fields';
import { isRecord } from './guards';
import { LIMITS } from './limits';

const HASH = /^[0-9a-f]{64}$/;
const REASONS = [
  'not-http',
  'local-network',
  'timeout',
  'network',
  'http-status',
  'too-large',
  'article-cap',
  'bad-type',
  'svg-refused',
  'quota',
  'removed',
] as const satisfies readonly ImageFailureReason[];

/** A SHA-256 content hash as images are keyed: 64 lowercase hex digits. */
export function imageHash(value: unknown): string | undefined {
  return typeof value === 'string' && HASH.test(value) ? value : undefined;
}

/** A type a picture may be stored as. */
export function storedImageType(value: unknown): StoredImageType | undefined {
  const types: readonly unknown[] = [...RASTER_IMAGE_TYPES, 'image/svg+xml'];
  return types.includes(value) ? (value as StoredImageType) : undefined;
}

const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** One entry, rebuilt from its checked fields. */
function checkEntry(value: unknown): ImageEntry | undefined {
  if (!isRecord(value)) return undefined;
  const src = imageUrl(value.src);
  if (src === undefined) return undefined;
  if (value.hash !== undefined) {
    const hash = imageHash(value.hash);
    return hash ? { src, hash } : undefined;
  }
  const failed = (REASONS as readonly unknown[]).includes(value.failed) ? (value.failed as ImageFailureReason) : null;
  if (!failed || !count(value.tries) || !(value.nextTry === null || count(value.nextTry))) return undefined;
  return { src, failed, tries: value.tries, nextTry: value.nextTry };
}

/** An article's image entries and thumbnail hash, rebuilt, or why they were refused. */
export function checkImageMap(value: unknown): Result<{ entries: ImageEntry[]; thumb: string | null }, string> {
  if (!isRecord(value) || !Array.isArray(value.entries)) return err('not an image map');
  if (value.entries.length > LIMITS.articleImages) return err('too many images');
  const entries: ImageEntry[] = [];
  for (const [i, raw] of value.entries.entries()) {
    const entry = checkEntry(raw);
    if (!entry) return err(`image ${i + 1} is malformed`);
    entries.push(entry);
  }
  const thumb = value.thumb === null || value.thumb === undefined ? null : imageHash(value.thumb);
  if (thumb === undefined) return err('thumb is not an image hash');
  return ok({ entries, thumb });
}

/**
 * The saved pictures a sync document names, leniently: each entry checked on its own (a bad one
 * is left out, the rest kept), at most the per-article count. A peer's one malformed entry must
 * not make every device drop the document's other pictures.
 */
export function savedImagesOf(value: unknown): { entries: SavedImageEntry[]; thumb: string | null } {
  if (!isRecord(value) || !Array.isArray(value.entries)) return { entries: [], thumb: null };
  const entries: SavedImageEntry[] = [];
  for (const raw of value.entries.slice(0, LIMITS.articleImages)) {
    const entry = checkEntry(raw);
    if (entry && 'hash' in entry) entries.push(entry);
  }
  return { entries, thumb: imageHash(value.thumb) ?? null };
}
