/**
 * Saved images: each picture's bytes once (`images`, keyed by content hash) and per article a
 * map of what became of each image it names (`imageMaps`). Two articles that show the same
 * picture hold the same hash, and a picture is removed only when no map holds it any more —
 * counted by the `byHash` index inside the writing transaction, so there is no reference counter
 * to drift. Every write is one transaction: a quota error in the middle leaves nothing of it.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import {
  type ArticleImages,
  type ImageEntry,
  isSavedImage,
  RETRYABLE_IMAGE_FAILURES,
  type SavedImageEntry,
  type StoredImage,
} from '../model';
import { type MetaStore, stamper } from './clock';
import type { GlossaSchema } from './schema';

type Db = IDBPDatabase<GlossaSchema>;

/** What a save writes: the map's entries and thumbnail, and the pictures they name. */
export interface ImageMapWrite {
  articleId: string;
  entries: ImageEntry[];
  thumb: string | null;
  /** Pictures to store; one already stored under its hash is left as it is. */
  images: readonly StoredImage[];
}

/** Every hash a map holds, thumbnail included, each once. */
function hashesOf(entries: readonly ImageEntry[], thumb: string | null): string[] {
  const hashes = new Set(entries.filter(isSavedImage).map((entry) => entry.hash));
  if (thumb) hashes.add(thumb);
  return [...hashes];
}

/** The earliest planned retry, or undefined (absent from the index) when none is planned. */
function nextTryOf(entries: readonly ImageEntry[]): number | undefined {
  let next: number | undefined;
  for (const entry of entries) {
    if (isSavedImage(entry) || entry.nextTry === null) continue;
    next = next === undefined ? entry.nextTry : Math.min(next, entry.nextTry);
  }
  return next;
}

/** A read-write transaction over both image stores (and maybe others). */
type ImageTx = IDBPTransaction<
  GlossaSchema,
  ('images' | 'imageMaps' | 'articles' | 'trash' | 'outbox' | 'meta')[],
  'readwrite'
>;

/**
 * Runs `write` in `tx` and waits for the commit; aborts `tx` if `write` throws. A put that
 * threw synchronously (a quota error) leaves the earlier puts pending: they must not commit.
 */
async function allOrNothing<T>(tx: ImageTx, write: (tx: ImageTx) => Promise<T>): Promise<T> {
  try {
    const result = await write(tx);
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

const imageTx = (db: Db): ImageTx => db.transaction(['images', 'imageMaps'], 'readwrite') as ImageTx;

/**
 * Queues the article for sync when its map gained pictures: they travel as attachments of its
 * document (lib/background/sync/images.ts), and the push sends only what the outbox names. The
 * entry gets a fresh stamp, later than any a running push may acknowledge for this article (it
 * read the pictures before these were stored), so the pictures are never acknowledged unsent.
 */
async function queueForSync(tx: ImageTx, articleId: string, before: readonly string[], after: readonly string[]) {
  const had = new Set(before);
  if (after.every((hash) => had.has(hash))) return;
  if ((await tx.objectStore('articles').count(articleId)) === 0) return;
  const stamp = await stamper(tx.objectStore('meta') as unknown as MetaStore).next();
  await tx.objectStore('outbox').put({ key: `a:${articleId}`, stamp });
}

/** Deletes each of `hashes` that no map holds any more (inside the writing transaction). */
async function dropUnheld(tx: ImageTx, hashes: Iterable<string>): Promise<number> {
  const byHash = tx.objectStore('imageMaps').index('byHash');
  let dropped = 0;
  for (const hash of hashes) {
    if ((await byHash.count(hash)) > 0) continue;
    await tx.objectStore('images').delete(hash);
    dropped++;
  }
  return dropped;
}

/**
 * Stores an article's image map and the pictures it names, replacing its previous map; pictures
 * only the previous map held are removed. All or nothing.
 */
export async function saveImageMap(db: Db, write: ImageMapWrite, now: number = Date.now()): Promise<ArticleImages> {
  const tx = db.transaction(['images', 'imageMaps', 'articles', 'outbox', 'meta'], 'readwrite') as ImageTx;
  return allOrNothing(tx, async () => {
    const images = tx.objectStore('images');
    const maps = tx.objectStore('imageMaps');
    for (const image of write.images) {
      if ((await images.count(image.hash)) === 0) await images.put(image);
    }
    const previous = await maps.get(write.articleId);
    // A fetch that failed (network, server, quota) never replaces a picture that is stored: another
    // door (a sync server, a backup) stored it meanwhile. A refusal (over the cap) still does.
    const before = new Map((previous?.entries ?? []).filter(isSavedImage).map((entry) => [entry.src, entry]));
    const entries: ImageEntry[] = [];
    for (const entry of write.entries) {
      const fetchFailed = !isSavedImage(entry) && RETRYABLE_IMAGE_FAILURES.includes(entry.failed);
      const kept = fetchFailed ? before.get(entry.src) : undefined;
      entries.push(kept && (await images.count(kept.hash)) > 0 ? { ...kept } : { ...entry });
    }
    // Likewise a save that made no thumbnail keeps the one the article has.
    const thumb = write.thumb ?? previous?.thumb ?? null;
    const hashes = hashesOf(entries, thumb);
    const record: ArticleImages = { articleId: write.articleId, entries, thumb, hashes, updatedAt: now };
    const nextTry = nextTryOf(entries);
    if (nextTry !== undefined) record.nextTry = nextTry;
    await maps.put(record);
    const kept = new Set(hashes);
    await dropUnheld(
      tx,
      (previous?.hashes ?? []).filter((hash) => !kept.has(hash)),
    );
    await queueForSync(tx, write.articleId, previous?.hashes ?? [], hashes);
    return record;
  });
}

/**
 * Adds pictures another device saved (a sync server's attachments): each source named gets its
 * picture unless this device already has one stored for it; other entries stay as they are; the
 * thumbnail is taken only when the article has none. Not queued for sync: the server has them.
 */
export async function mergeSavedImages(
  db: Db,
  write: {
    articleId: string;
    entries: readonly SavedImageEntry[];
    thumb: string | null;
    images: readonly StoredImage[];
  },
  now: number = Date.now(),
): Promise<ArticleImages> {
  return allOrNothing(imageTx(db), async (tx) => {
    const images = tx.objectStore('images');
    const maps = tx.objectStore('imageMaps');
    for (const image of write.images) {
      if ((await images.count(image.hash)) === 0) await images.put(image);
    }
    const previous = await maps.get(write.articleId);
    const entries = (previous?.entries ?? []).map((entry) => ({ ...entry }));
    for (const incoming of write.entries) {
      if ((await images.count(incoming.hash)) === 0) continue;
      const at = entries.findIndex((entry) => entry.src === incoming.src);
      const current = entries[at];
      // A picture the reader freed (archived article) stays freed.
      if (current && !isSavedImage(current) && current.failed === 'removed') continue;
      if (current && isSavedImage(current) && (await images.count(current.hash)) > 0) continue;
      if (at >= 0) entries[at] = { src: incoming.src, hash: incoming.hash };
      else entries.push({ src: incoming.src, hash: incoming.hash });
    }
    const thumbStored = write.thumb !== null && (await images.count(write.thumb)) > 0;
    const thumb = previous?.thumb ?? (thumbStored ? write.thumb : null);
    const hashes = hashesOf(entries, thumb);
    const record: ArticleImages = { articleId: write.articleId, entries, thumb, hashes, updatedAt: now };
    const nextTry = nextTryOf(entries);
    if (nextTry !== undefined) record.nextTry = nextTry;
    await maps.put(record);
    // Pictures sent that no entry ended up holding are not kept.
    await dropUnheld(
      tx,
      write.images.map((image) => image.hash).filter((hash) => !hashes.includes(hash)),
    );
    return record;
  });
}

/** Removes an article's map and the pictures no other map holds; true if there was a map. */
export async function removeImageMap(db: Db, articleId: string): Promise<boolean> {
  return allOrNothing(imageTx(db), async (tx) => {
    const maps = tx.objectStore('imageMaps');
    const previous = await maps.get(articleId);
    if (!previous) return false;
    await maps.delete(articleId);
    await dropUnheld(tx, previous.hashes);
    return true;
  });
}

/**
 * Frees the space of archived articles' pictures: each saved entry becomes `removed` (shown as a
 * placeholder, never fetched again), the small thumbnail stays for the list, and pictures no
 * other map holds are deleted. Answers the articles affected and how many pictures went.
 */
export async function removeArchivedImages(db: Db): Promise<{ articleIds: string[]; images: number }> {
  const tx: ImageTx = db.transaction(['images', 'imageMaps', 'articles'], 'readwrite');
  return allOrNothing(tx, async () => {
    const maps = tx.objectStore('imageMaps');
    const released = new Set<string>();
    const articleIds: string[] = [];
    for (const meta of await tx.objectStore('articles').getAll()) {
      if (!meta.archived) continue;
      const map = await maps.get(meta.id);
      if (!map?.entries.some(isSavedImage)) continue;
      for (const entry of map.entries) if (isSavedImage(entry)) released.add(entry.hash);
      const entries: ImageEntry[] = map.entries.map((entry) =>
        isSavedImage(entry) ? { src: entry.src, failed: 'removed', tries: 0, nextTry: null } : entry,
      );
      await maps.put({ ...map, entries, hashes: hashesOf(entries, map.thumb) });
      articleIds.push(meta.id);
    }
    return { articleIds, images: await dropUnheld(tx, released) };
  });
}

/**
 * Removes the maps of articles that are gone for good (neither in the library nor in the
 * Trash, from which they may come back with their images) and every picture no map holds.
 * Answers how many maps and pictures went.
 */
export async function sweepImages(db: Db): Promise<{ maps: number; images: number }> {
  const tx: ImageTx = db.transaction(['images', 'imageMaps', 'articles', 'trash'], 'readwrite');
  return allOrNothing(tx, async () => {
    const articles = tx.objectStore('articles');
    const trash = tx.objectStore('trash');
    const maps = tx.objectStore('imageMaps');
    let removedMaps = 0;
    for (let cursor = await maps.openCursor(); cursor; cursor = await cursor.continue()) {
      const id = cursor.primaryKey;
      if ((await articles.count(id)) > 0 || (await trash.count(`a:${id}`)) > 0) continue;
      await cursor.delete();
      removedMaps++;
    }
    // The index's own keys (its getAllKeys would answer the maps' primary keys).
    const held = new Set<string>();
    const byHash = maps.index('byHash');
    for (let c = await byHash.openKeyCursor(null, 'nextunique'); c; c = await c.continue()) held.add(c.key);
    const unheld = (await tx.objectStore('images').getAllKeys()).filter((hash) => !held.has(hash));
    for (const hash of unheld) await tx.objectStore('images').delete(hash);
    return { maps: removedMaps, images: unheld.length };
  });
}

export * from './image-reads';
