/**
 * Reading saved images (the writes, and why they are shaped so, are in images.ts): one article's
 * map, pictures by hash, a list page's thumbnails, due retries, and the storage summary.
 */
import type { IDBPDatabase } from 'idb';
import type { ArticleImages, StoredImage } from '../model';
import type { GlossaSchema } from './schema';

type Db = IDBPDatabase<GlossaSchema>;

/** An article's image map, if its images were looked at. */
export function getImageMap(db: Db, articleId: string): Promise<ArticleImages | undefined> {
  return db.get('imageMaps', articleId);
}

/** Stored pictures by hash (absent ones are left out), read in one transaction. */
export async function getImages(db: Db, hashes: readonly string[]): Promise<Map<string, StoredImage>> {
  const store = db.transaction('images', 'readonly').store;
  const found = await Promise.all(hashes.map((hash) => store.get(hash)));
  return new Map(found.flatMap((image) => (image ? [[image.hash, image] as const] : [])));
}

/** The thumbnail of each article that has one, read in one transaction (for a list page). */
export async function getThumbnails(db: Db, articleIds: readonly string[]): Promise<Map<string, Blob>> {
  const tx = db.transaction(['imageMaps', 'images'], 'readonly');
  const maps = await Promise.all(articleIds.map((id) => tx.objectStore('imageMaps').get(id)));
  const thumbs = new Map<string, Blob>();
  await Promise.all(
    maps.map(async (map) => {
      if (!map?.thumb) return;
      const image = await tx.objectStore('images').get(map.thumb);
      if (image) thumbs.set(map.articleId, image.blob);
    }),
  );
  return thumbs;
}

/** Ids of articles with a retry due at `now`, earliest first, at most `limit`. */
export async function dueImageRetries(db: Db, now: number, limit: number): Promise<string[]> {
  return db.getAllKeysFromIndex('imageMaps', 'byNextTry', IDBKeyRange.upperBound(now), limit);
}

/** Ids of articles whose images were never looked at (saved before v5, or while the worker slept). */
export async function articlesWithoutImageMap(db: Db, limit: number): Promise<string[]> {
  const tx = db.transaction(['articles', 'imageMaps'], 'readonly');
  const [ids, mapped] = await Promise.all([
    tx.objectStore('articles').getAllKeys(),
    tx.objectStore('imageMaps').getAllKeys(),
  ]);
  const has = new Set(mapped);
  return ids.filter((id) => !has.has(id)).slice(0, limit);
}

/** How many pictures are stored and their total bytes (the options page's storage summary). */
export async function imageUsage(db: Db): Promise<{ images: number; bytes: number }> {
  let images = 0;
  let bytes = 0;
  const tx = db.transaction('images', 'readonly');
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    images++;
    bytes += cursor.value.bytes;
  }
  return { images, bytes };
}
