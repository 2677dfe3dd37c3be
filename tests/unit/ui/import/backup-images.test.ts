// @vitest-environment node
/**
 * A backup with images round-trips: the pictures and each article's map come back on an empty
 * device, byte for byte and still shared; a picture whose bytes are not what its hash names, or
 * that is no picture, is skipped and its source fetched again later. Node's environment: jsdom's
 * Blob cannot be stored in fake-indexeddb.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { saveArticleImages } from '../../../../lib/background/images/save-images';
import { sha256Hex } from '../../../../lib/shared/images/hash';
import { type Library, openLibrary } from '../../../../lib/storage';
import { exportBackup } from '../../../../lib/ui/export';
import { type FileImportDeps, importFiles } from '../../../../lib/ui/import';
import { solidPng } from '../../../../scripts/png.mjs';
import { type ImageServer, serve, startImageServer } from '../../../support/image-server';
import { asImportFile } from '../../../support/import-file';
import { makeArticle, uniqueDbName } from '../../../support/library';

const open: Library[] = [];
let server: ImageServer | null = null;
afterEach(async () => {
  for (const library of open.splice(0)) library.close();
  await server?.stop();
});

const deps: FileImportDeps = {
  prepare: () => {
    throw new Error('no article bodies in this test');
  },
  articleRoot: () => {
    throw new Error('no annotations in this test');
  },
  now: () => 5_000,
};

async function library(): Promise<Library> {
  const lib = await openLibrary({ name: uniqueDbName() });
  open.push(lib);
  return lib;
}

/** A library with two articles sharing one picture, each with a second of its own. */
async function withImages(): Promise<{ source: Library; origin: string }> {
  server = await startImageServer();
  const pictures = [solidPng(30, 20, [255, 0, 0]), solidPng(10, 10, [0, 255, 0]), solidPng(12, 12, [0, 0, 255])];
  for (const [i, png] of pictures.entries()) server.route(`/${i}.png`, serve(png, 'image/png'));
  const source = await library();
  const img = (i: number) => `<p><img src="${server?.origin}/${i}.png" alt=""></p>`;
  await source.upsertArticle(makeArticle({ id: 'one', url: `${server?.origin}/one.html`, html: img(0) + img(1) }));
  await source.upsertArticle(makeArticle({ id: 'two', url: `${server?.origin}/two.html`, html: img(0) + img(2) }));
  const thumbnail = async (blob: Blob) => ({ blob, width: 1, height: 1 });
  for (const id of ['one', 'two']) await saveArticleImages(id, { library: source, thumbnail });
  return { source, origin: server.origin };
}

const text = async (source: Library, images: boolean) =>
  (await exportBackup(source, { settings: null, ...(images ? { images: source } : {}) })).parts.join('');
const asFile = (body: string) => asImportFile('glossa-backup.json', body);

describe('backup with images', () => {
  it('restores every map and picture into an empty library, and leaves them out unless asked', async () => {
    const { source } = await withImages();
    const without = JSON.parse(await text(source, false));
    expect(without).not.toHaveProperty('images');

    const body = await text(source, true);
    const json = JSON.parse(body);
    expect(json.imageMaps).toHaveLength(2);
    expect(json.images).toHaveLength(3); // the shared picture once; the thumbnails are pictures already held

    const target = await library();
    const [result] = await importFiles([asFile(body)], target, deps);
    expect(result).toMatchObject({ ok: true, kind: 'backup', articles: 2, images: 2, skipped: 0 });
    for (const id of ['one', 'two']) {
      const [before, after] = [await source.getImageMap(id), await target.getImageMap(id)];
      expect(after).toMatchObject({ entries: before?.entries, thumb: before?.thumb, hashes: before?.hashes });
    }
    const hashes = (await source.getImageMap('one'))?.hashes ?? [];
    const [mine, theirs] = [await source.getImages(hashes), await target.getImages(hashes)];
    for (const hash of hashes) {
      const bytes = new Uint8Array(await (theirs.get(hash)?.blob.arrayBuffer() ?? new ArrayBuffer(0)));
      expect(await sha256Hex(bytes)).toBe(hash);
      expect(theirs.get(hash)).toMatchObject({ type: mine.get(hash)?.type, width: mine.get(hash)?.width });
    }
    expect(await target.imageUsage()).toEqual(await source.imageUsage());

    // Again: nothing changes.
    const [again] = await importFiles([asFile(body)], target, deps);
    expect(again).toMatchObject({ ok: true, images: 0 });
  });

  it('skips a picture that is not what its hash names, or no picture, and plans to fetch it again', async () => {
    const { source } = await withImages();
    const json = JSON.parse(await text(source, true));
    const [first, second] = json.images;
    first.data = btoa('<!doctype html><script>alert(1)</script>');
    second.data = btoa(atob(second.data).slice(0, -1)); // one byte short: another hash
    const target = await library();
    const [result] = await importFiles([asFile(JSON.stringify(json))], target, deps);
    expect(result).toMatchObject({ ok: true, skipped: 2, images: 2 });
    expect((await target.imageUsage()).images).toBe(1);
    const entries = [
      ...((await target.getImageMap('one'))?.entries ?? []),
      ...((await target.getImageMap('two'))?.entries ?? []),
    ];
    const failed = entries.filter((e) => 'failed' in e);
    expect(failed.length).toBeGreaterThan(0);
    for (const entry of failed) expect(entry).toMatchObject({ failed: 'network', tries: 0, nextTry: 5_000 });
    expect(await target.dueImageRetries(5_000, 10)).toEqual(expect.arrayContaining(['one']));
  });
});
