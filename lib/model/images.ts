/**
 * The shapes of an article's saved images. A saved article is complete only when its images are
 * on this device too: the background fetches them once (lib/background/images), stores each
 * picture once by its content hash, and keeps per article a map from the `src` its HTML names to
 * that hash, or to why it could not be saved and when to try again. Renderers read the map and
 * never load the web for a stored article.
 */

/** Raster types stored as fetched (told by their magic bytes, never by a server's header). */
export const RASTER_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'] as const;

/** A type an image may be stored as: a sniffed raster type, or SVG after DOMPurify's SVG profile. */
export type StoredImageType = (typeof RASTER_IMAGE_TYPES)[number] | 'image/svg+xml';

/** One picture's bytes, stored once however many articles show it. */
export interface StoredImage {
  /** SHA-256 of the stored bytes, lowercase hex: the key, so equal pictures are one record. */
  hash: string;
  blob: Blob;
  type: StoredImageType;
  /** Size of `blob` in bytes. */
  bytes: number;
  /** Pixel size when known (decoded where the context can, or read from the header). */
  width: number | null;
  height: number | null;
}

/**
 * Why an image is not saved. `retry` says whether trying again later may help (a network or
 * server hiccup) or not (the picture itself is unacceptable, which no retry changes).
 */
export type ImageFailureReason =
  /** The address is not http(s), or a redirect left http(s). */
  | 'not-http'
  /** An article from the internet pointing at this computer or the reader's network (a router, an intranet). */
  | 'local-network'
  /** No answer in time. */
  | 'timeout'
  /** The connection failed (offline, DNS, refused, TLS, a redirect the browser refused). */
  | 'network'
  /** The server answered with an error status. */
  | 'http-status'
  /** Larger than the per-image cap. */
  | 'too-large'
  /** The article's image budget (bytes or count) was spent on earlier images. */
  | 'article-cap'
  /** Not a picture we store (HTML, a script, an unknown format). */
  | 'bad-type'
  /** An SVG where no DOM exists to sanitize it (Chrome's service worker), or unsafe after sanitizing. */
  | 'svg-refused'
  /** The browser refused to store more (disk quota). */
  | 'quota'
  /** The reader removed the saved copy to free space (an archived article): not fetched again. */
  | 'removed';

/** Reasons worth trying again after a while; the others stay failed. */
export const RETRYABLE_IMAGE_FAILURES: readonly ImageFailureReason[] = ['timeout', 'network', 'http-status', 'quota'];

/** An image of an article whose bytes are stored under `hash`. */
export interface SavedImageEntry {
  src: string;
  hash: string;
}

/** An image of an article that could not be saved (yet). */
export interface FailedImageEntry {
  src: string;
  failed: ImageFailureReason;
  /** Attempts so far. */
  tries: number;
  /** When to try again (epoch ms), or `null` when no retry is planned. */
  nextTry: number | null;
}

/** One image `src` of an article, saved or not. */
export type ImageEntry = SavedImageEntry | FailedImageEntry;

/** Per article: what became of each image its HTML (and hero) names. */
export interface ArticleImages {
  articleId: string;
  entries: ImageEntry[];
  /** The small list picture (≤ 160 px), by the hash of its stored bytes; `null` when none was made. */
  thumb: string | null;
  /** Every hash this article holds, thumbnail included: what keeps a stored image alive. */
  hashes: string[];
  /** The earliest planned retry among the entries (indexed, so due work is found cheaply). */
  nextTry?: number;
  /** When the map was last written, epoch ms. */
  updatedAt: number;
}

/** Whether an entry holds a stored image. */
export function isSavedImage(entry: ImageEntry): entry is SavedImageEntry {
  return 'hash' in entry;
}
