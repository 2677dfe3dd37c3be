/**
 * Saves one stored article's images into the library: collects the sources its HTML and hero
 * name, keeps what is already saved, fetches the rest (a few at a time, within the per-image and
 * per-article caps), keeps only real pictures (sniffed; SVG only once sanitized), makes the
 * thumbnail, and writes the map and the new pictures in one transaction. A source that failed is
 * tried again later, less and less often, when trying again can help at all.
 */
import {
  type ArticleImages,
  type FailedImageEntry,
  type ImageEntry,
  type ImageFailureReason,
  isSavedImage,
  RETRYABLE_IMAGE_FAILURES,
  type StoredImage,
} from '../../model';
import { isQuotaError } from '../../shared/error-text';
import { sha256Hex } from '../../shared/images/hash';
import { sniffImage } from '../../shared/images/sniff';
import { isLocalNetworkHost } from '../../shared/local-network';
import { LIMITS } from '../../shared/validate/limits';
import type { Library } from '../../storage';
import { collectImageSources } from './collect';
import { byteBudget, fetchImage } from './fetch-image';
import { makeThumbnail } from './thumbnail';

/** Turns SVG text into safe SVG text, or null; absent where no DOM exists (Chrome's worker). */
export type SvgSanitizer = (svg: string) => string | null | Promise<string | null>;

/** What saving needs; everything but the library has a default. */
export interface ImageSaverOptions {
  library: Library;
  maxImageBytes?: number;
  maxArticleBytes?: number;
  maxImages?: number;
  timeoutMs?: number;
  /** Fetches at once for one article. */
  concurrency?: number;
  sanitizeSvg?: SvgSanitizer;
  thumbnail?: (blob: Blob) => Promise<{ blob: Blob; width: number; height: number } | null>;
  fetch?: typeof fetch;
  now?: () => number;
}

/** Tries before a source is given up on. */
export const MAX_TRIES = 6;

/** How long to wait after `tries` failed attempts: 1 min, 4 min, 16 min, … at most a day. */
export function retryDelay(tries: number): number {
  return Math.min(60_000 * 4 ** Math.max(0, tries - 1), 24 * 60 * 60_000);
}

/** The entry for a source that failed again. */
export function failure(src: string, reason: ImageFailureReason, previousTries: number, now: number): FailedImageEntry {
  const tries = previousTries + 1;
  const retry = RETRYABLE_IMAGE_FAILURES.includes(reason) && tries < MAX_TRIES;
  return { src, failed: reason, tries, nextTry: retry ? now + retryDelay(tries) : null };
}

/** Runs `work` over `items`, at most `limit` at a time, answers in order. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A picture as stored, from bytes already known to be one. */
async function stored(
  bytes: Uint8Array<ArrayBuffer>,
  type: StoredImage['type'],
  width: number | null,
  height: number | null,
) {
  const image: StoredImage = {
    hash: await sha256Hex(bytes),
    blob: new Blob([bytes], { type }),
    type,
    bytes: bytes.byteLength,
    width,
    height,
  };
  return image;
}

/** The fetched bytes as a picture to store, or why not. */
async function accept(
  bytes: Uint8Array<ArrayBuffer>,
  sanitizeSvg?: SvgSanitizer,
): Promise<StoredImage | ImageFailureReason> {
  const sniffed = sniffImage(bytes);
  if (!sniffed) return 'bad-type';
  if (sniffed.kind === 'raster') return stored(bytes, sniffed.type, sniffed.width, sniffed.height);
  if (!sanitizeSvg) return 'svg-refused';
  // A sanitizer that fails (the offscreen document refused) refuses the picture, not the article.
  const clean = await Promise.resolve()
    .then(() => sanitizeSvg(new TextDecoder().decode(bytes)))
    .catch(() => null);
  if (clean === null) return 'svg-refused';
  return stored(new TextEncoder().encode(clean), 'image/svg+xml', null, null);
}

/** What one source came to: a saved entry and its picture, or a failure. */
type Outcome = { entry: ImageEntry; image?: StoredImage };

/**
 * Saves the images of article `articleId`. Answers the map as written, the map unchanged when
 * nothing was due, or null when the article does not exist.
 */
export async function saveArticleImages(articleId: string, options: ImageSaverOptions): Promise<ArticleImages | null> {
  const { library } = options;
  const now = (options.now ?? Date.now)();
  const maxImageBytes = options.maxImageBytes ?? LIMITS.imageBytes;
  const article = await library.getArticle(articleId);
  if (!article) return null;
  const previous = await library.getImageMap(articleId);
  const before = new Map((previous?.entries ?? []).map((entry) => [entry.src, entry]));
  const sources = collectImageSources(article.html, article.heroImage);
  const maxImages = options.maxImages ?? LIMITS.articleImages;
  // Pictures on the reader's network only for an article from there (a URL-less import is not).
  const allowLocal =
    article.url !== null && URL.canParse(article.url) && isLocalNetworkHost(new URL(article.url).hostname);

  const keptHashes = [...before.values()].filter(isSavedImage).map((entry) => entry.hash);
  const keptImages = await library.getImages(keptHashes);
  const spent = sources.reduce((sum, src) => {
    const entry = before.get(src);
    return sum + (entry && isSavedImage(entry) ? (keptImages.get(entry.hash)?.bytes ?? 0) : 0);
  }, 0);
  const budget = byteBudget(Math.max(0, (options.maxArticleBytes ?? LIMITS.articleImageBytes) - spent));

  /** Whether a source needs fetching now: new, or failed with a retry that is due. */
  const due = (src: string) => {
    const entry = before.get(src);
    if (!entry) return true;
    if (isSavedImage(entry)) return !keptImages.has(entry.hash);
    return entry.nextTry !== null && entry.nextTry <= now;
  };
  const work = sources.map((src, index) => ({ src, index, fetchNow: index < maxImages && due(src) }));
  const sameSources = sources.length === before.size && sources.every((src) => before.has(src));
  if (previous && sameSources && !work.some((w) => w.fetchNow)) return previous;

  const outcomes = await pool(work, options.concurrency ?? 4, async ({ src, index, fetchNow }): Promise<Outcome> => {
    const old = before.get(src);
    const tries = old && !isSavedImage(old) ? old.tries : 0;
    if (index >= maxImages) return { entry: failure(src, 'article-cap', tries, now) };
    if (!fetchNow && old) return { entry: old };
    const fetched = await fetchImage(src, {
      maxBytes: maxImageBytes,
      timeoutMs: options.timeoutMs ?? 30_000,
      budget,
      allowLocal,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    if (!fetched.ok) return { entry: failure(src, fetched.reason, tries, now) };
    const image = await accept(fetched.bytes, options.sanitizeSvg);
    if (typeof image === 'string') {
      budget.give(fetched.bytes.byteLength);
      return { entry: failure(src, image, tries, now) };
    }
    return { entry: { src, hash: image.hash }, image };
  });

  const entries = outcomes.map((o) => o.entry);
  const images = outcomes.flatMap((o) => (o.image ? [o.image] : []));
  const thumb = await thumbnailFor(previous?.thumb ?? null, entries, images, keptImages, options);
  if (thumb.image) images.push(thumb.image);
  try {
    return await library.saveImageMap({ articleId, entries, thumb: thumb.hash, images }, now);
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    // Nothing of the save was written: note why, so the pictures are tried again later.
    const noted = entries.map((entry, i) =>
      isSavedImage(entry) && outcomes[i]?.image ? failure(entry.src, 'quota', 0, now) : entry,
    );
    return library.saveImageMap({ articleId, entries: noted, thumb: previous?.thumb ?? null, images: [] }, now);
  }
}

/** The thumbnail: the one made before, else one made from the first saved raster picture. */
async function thumbnailFor(
  previous: string | null,
  entries: readonly ImageEntry[],
  fresh: readonly StoredImage[],
  kept: ReadonlyMap<string, StoredImage>,
  options: ImageSaverOptions,
): Promise<{ hash: string | null; image?: StoredImage }> {
  if (previous) return { hash: previous };
  const make = options.thumbnail ?? makeThumbnail;
  const byHash = new Map([...kept, ...fresh.map((image) => [image.hash, image] as const)]);
  for (const entry of entries) {
    const source = isSavedImage(entry) ? byHash.get(entry.hash) : undefined;
    if (!source || source.type === 'image/svg+xml') continue;
    const made = await make(source.blob);
    if (!made) return { hash: null };
    const bytes = new Uint8Array(await made.blob.arrayBuffer());
    const sniffed = sniffImage(bytes);
    if (sniffed?.kind !== 'raster') return { hash: null };
    const image = await stored(bytes, sniffed.type, made.width, made.height);
    return { hash: image.hash, image };
  }
  return { hash: null };
}
