// @vitest-environment node
/**
 * Saved images: one record per picture however many articles show it, a picture removed only
 * when no article holds it, and a save that fails half-way (a quota error) leaving nothing.
 * Node's environment: jsdom's Blob cannot be structured-cloned into fake-indexeddb.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImageEntry, StoredImage } from '../../../lib/model';
import { type Library, openLibrary } from '../../../lib/storage';
import { makeArticle, uniqueDbName } from '../../support/library';
import { putRaw, readRaw } from '../../support/raw-idb';

/** A stored picture whose hash is derived from a label (the store does not recompute hashes). */
function picture(label: string, bytes = 4): StoredImage {
  const hash = label.padEnd(64, '0');
  return {
    hash,
    blob: new Blob([new Uint8Array(bytes)], { type: 'image/png' }),
    type: 'image/png',
    bytes,
    width: 1,
    height: 1,
  };
}
const saved = (src: string, image: StoredImage): ImageEntry => ({ src, hash: image.hash });

const shared = picture('aa');
const onlyOne = picture('bb');
const thumb = picture('cc');

let library: Library;
afterEach(() => {
  library?.close();
  vi.restoreAllMocks();
});

async function storedHashes(name: string): Promise<string[]> {
  return ((await readRaw(name, 'images')).records as StoredImage[]).map((r) => r.hash).sort();
}

describe('saved images', () => {
  it('stores a picture two articles share once, and keeps it until neither holds it', async () => {
    const name = uniqueDbName();
    library = await openLibrary({ name });
    await library.saveImageMap({
      articleId: 'one',
      entries: [saved('https://a.test/x.png', shared), saved('https://a.test/y.png', onlyOne)],
      thumb: thumb.hash,
      images: [shared, onlyOne, thumb],
    });
    await library.saveImageMap({
      articleId: 'two',
      entries: [saved('https://b.test/same-picture.png', shared)],
      thumb: null,
      images: [shared],
    });
    expect(await storedHashes(name)).toEqual([shared.hash, onlyOne.hash, thumb.hash].sort());

    expect(await library.removeImageMap('one')).toBe(true);
    expect(await storedHashes(name)).toEqual([shared.hash]);
    expect((await library.getImages([shared.hash])).get(shared.hash)?.bytes).toBe(4);

    expect(await library.removeImageMap('two')).toBe(true);
    expect(await storedHashes(name)).toEqual([]);
    expect(await library.removeImageMap('two')).toBe(false);
  });

  it('a new map drops the pictures only the old one held', async () => {
    const name = uniqueDbName();
    library = await openLibrary({ name });
    await library.saveImageMap({ articleId: 'one', entries: [saved('u1', onlyOne)], thumb: null, images: [onlyOne] });
    await library.saveImageMap({ articleId: 'one', entries: [saved('u2', shared)], thumb: null, images: [shared] });
    expect(await storedHashes(name)).toEqual([shared.hash]);
    expect(await library.getImageMap('one')).toMatchObject({
      entries: [{ src: 'u2', hash: shared.hash }],
      hashes: [shared.hash],
    });
  });

  it('a failed fetch never replaces a stored picture or its thumbnail (another door stored them meanwhile)', async () => {
    const name = uniqueDbName();
    library = await openLibrary({ name });
    await library.mergeSavedImages({
      articleId: 'one',
      entries: [{ src: 'u1', hash: onlyOne.hash }],
      thumb: thumb.hash,
      images: [onlyOne, thumb],
    });
    // The web fetch that began before the merge ends in failure and writes what it saw.
    await library.saveImageMap({
      articleId: 'one',
      entries: [
        { src: 'u1', failed: 'network', tries: 1, nextTry: 5 },
        { src: 'u2', failed: 'timeout', tries: 1, nextTry: 7 },
      ],
      thumb: null,
      images: [],
    });
    expect(await library.getImageMap('one')).toMatchObject({
      entries: [
        { src: 'u1', hash: onlyOne.hash },
        { src: 'u2', failed: 'timeout' },
      ],
      thumb: thumb.hash,
      nextTry: 7,
    });
    expect(await storedHashes(name)).toEqual([onlyOne.hash, thumb.hash].sort());
  });

  it('pictures stored while a push runs stay queued: the push acknowledges only what it read', async () => {
    library = await openLibrary({ name: uniqueDbName() });
    await library.upsertArticle(makeArticle({ id: 'one' }));
    const [read] = await library.pendingOutbox(10); // a push has read the entry, and the (no) pictures
    if (!read) throw new Error('expected the article queued');
    await library.saveImageMap({ articleId: 'one', entries: [saved('u1', onlyOne)], thumb: null, images: [onlyOne] });
    await library.ackOutbox([read]); // …and acknowledges what it sent
    expect((await library.pendingOutbox(10)).map((e) => e.key)).toEqual(['a:one']);
  });

  it('pictures a sync server offers never undo the space the reader freed', async () => {
    library = await openLibrary({ name: uniqueDbName() });
    await library.upsertArticle(makeArticle({ id: 'one' }));
    await library.saveImageMap({ articleId: 'one', entries: [saved('u1', onlyOne)], thumb: null, images: [onlyOne] });
    await library.updateArticleFields('one', { archived: true });
    await library.removeArchivedImages();
    await library.mergeSavedImages({
      articleId: 'one',
      entries: [{ src: 'u1', hash: onlyOne.hash }],
      thumb: null,
      images: [onlyOne],
    });
    expect((await library.getImageMap('one'))?.entries).toEqual([
      { src: 'u1', failed: 'removed', tries: 0, nextTry: null },
    ]);
    expect((await library.getImages([onlyOne.hash])).size).toBe(0);
  });

  it('indexes the earliest planned retry and finds it when due', async () => {
    library = await openLibrary({ name: uniqueDbName() });
    await library.saveImageMap({
      articleId: 'late',
      entries: [
        { src: 'u1', failed: 'timeout', tries: 1, nextTry: 5_000 },
        { src: 'u2', failed: 'network', tries: 2, nextTry: 3_000 },
        { src: 'u3', failed: 'bad-type', tries: 1, nextTry: null },
      ],
      thumb: null,
      images: [],
    });
    await library.saveImageMap({ articleId: 'done', entries: [], thumb: null, images: [] });
    expect((await library.getImageMap('late'))?.nextTry).toBe(3_000);
    expect(await library.getImageMap('done')).not.toHaveProperty('nextTry');
    expect(await library.dueImageRetries(2_999, 10)).toEqual([]);
    expect(await library.dueImageRetries(3_000, 10)).toEqual(['late']);
  });

  it('hands the list the thumbnails that exist, and finds articles never looked at', async () => {
    library = await openLibrary({ name: uniqueDbName() });
    await library.upsertArticle(makeArticle({ id: 'with' }));
    await library.upsertArticle(makeArticle({ id: 'without' }));
    await library.saveImageMap({ articleId: 'with', entries: [], thumb: thumb.hash, images: [thumb] });
    const thumbs = await library.getThumbnails(['with', 'without', 'absent']);
    expect([...thumbs.keys()]).toEqual(['with']);
    expect(thumbs.get('with')?.size).toBe(4);
    expect(await library.articlesWithoutImageMap(10)).toEqual(['without']);
    expect(await library.imageUsage()).toEqual({ images: 1, bytes: 4 });
  });

  it('a sweep keeps the images of articles in the Trash and drops those gone for good', async () => {
    const name = uniqueDbName();
    library = await openLibrary({ name });
    for (const id of ['kept', 'trashed', 'gone']) await library.upsertArticle(makeArticle({ id }));
    await library.saveImageMap({ articleId: 'kept', entries: [saved('u', shared)], thumb: null, images: [shared] });
    await library.saveImageMap({
      articleId: 'trashed',
      entries: [saved('u', onlyOne)],
      thumb: null,
      images: [onlyOne],
    });
    await library.saveImageMap({ articleId: 'gone', entries: [saved('u', thumb)], thumb: thumb.hash, images: [thumb] });
    await library.deleteArticle('trashed');
    await library.deleteArticle('gone');
    await library.removeFromTrash('a:gone');
    // A picture no map holds (left by a crashed build) goes too.
    await putRaw(name, 'images', [picture('dd')]);

    expect(await library.sweepImages()).toEqual({ maps: 1, images: 2 });
    expect(await storedHashes(name)).toEqual([shared.hash, onlyOne.hash].sort());
    expect(await library.restoreFromTrash('a:trashed')).toBe(true);
    expect((await library.getImageMap('trashed'))?.hashes).toEqual([onlyOne.hash]);
  });

  it('removing the pictures of archived articles keeps their thumbnails and what live articles share', async () => {
    const name = uniqueDbName();
    library = await openLibrary({ name });
    await library.upsertArticle(makeArticle({ id: 'old', archived: true }));
    await library.upsertArticle(makeArticle({ id: 'live' }));
    await library.saveImageMap({
      articleId: 'old',
      entries: [saved('u1', shared), saved('u2', onlyOne), { src: 'u3', failed: 'timeout', tries: 1, nextTry: 9 }],
      thumb: thumb.hash,
      images: [shared, onlyOne, thumb],
    });
    await library.saveImageMap({ articleId: 'live', entries: [saved('u1', shared)], thumb: null, images: [shared] });
    expect(await library.removeArchivedImages()).toEqual({ articles: 1, images: 1 });
    expect(await storedHashes(name)).toEqual([shared.hash, thumb.hash].sort());
    expect((await library.getImageMap('old'))?.entries).toEqual([
      { src: 'u1', failed: 'removed', tries: 0, nextTry: null },
      { src: 'u2', failed: 'removed', tries: 0, nextTry: null },
      { src: 'u3', failed: 'timeout', tries: 1, nextTry: 9 },
    ]);
    expect((await library.getThumbnails(['old'])).has('old')).toBe(true);
    expect(await library.removeArchivedImages()).toEqual({ articles: 0, images: 0 });
  });

  it('a quota error half-way through a save leaves nothing of it, and the previous map intact', async () => {
    const name = uniqueDbName();
    library = await openLibrary({ name });
    await library.saveImageMap({ articleId: 'one', entries: [saved('old', shared)], thumb: null, images: [shared] });
    const before = await readRaw(name, 'imageMaps');

    const put = IDBObjectStore.prototype.put;
    let puts = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      // The second picture does not fit: the first is already put in the same transaction.
      if (this.name === 'images' && ++puts === 2)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const failing = library.saveImageMap({
      articleId: 'one',
      entries: [saved('a', onlyOne), saved('b', thumb)],
      thumb: null,
      images: [onlyOne, thumb],
    });
    await expect(failing).rejects.toMatchObject({ name: 'QuotaExceededError' });
    vi.restoreAllMocks();

    expect(await storedHashes(name)).toEqual([shared.hash]);
    expect(await readRaw(name, 'imageMaps')).toEqual(before);
    // The library still works after the aborted transaction.
    await library.saveImageMap({ articleId: 'one', entries: [saved('a', onlyOne)], thumb: null, images: [onlyOne] });
    expect(await storedHashes(name)).toEqual([onlyOne.hash]);
  });
});
