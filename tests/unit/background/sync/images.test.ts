// @vitest-environment node
/**
 * Saved images through sync (issue 16): pictures ride as CouchDB attachments on their article's
 * document, on a real pouchdb-server on loopback. A second device gets them without the web; a
 * device that has not fetched them yet never strips them from the server; a server's attachment
 * that is not the picture its name claims is refused; a picture stored here is never replaced.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { CouchClient, type CouchDoc } from '../../../../lib/background/sync/couch';
import type { StoredImage } from '../../../../lib/model';
import { sha256Hex } from '../../../../lib/shared/images/hash';
import { type CouchServer, startCouchServer } from '../../../../scripts/couch-server.mjs';
import { noisePng, solidPng } from '../../../../scripts/png.mjs';
import { type FaultProxy, startFaultProxy } from '../../../support/fault-proxy';
import { makeArticle } from '../../../support/library';
import { createDb, DB, type Device, device } from '../../../support/sync';

let server: CouchServer;
let proxy: FaultProxy;
beforeAll(async () => {
  server = await startCouchServer();
  proxy = await startFaultProxy(server.url);
});
afterAll(async () => {
  await proxy?.stop();
  await server?.stop();
});

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  proxy.setRule(() => null);
  await fetch(`${server.url}/${DB}`, { method: 'DELETE' });
  await createDb(server.url);
});

const client = () => new CouchClient({ url: server.url, db: DB, username: '', password: '' });

async function picture(width: number, rgb: [number, number, number]): Promise<StoredImage> {
  const bytes = new Uint8Array(solidPng(width, 40, rgb));
  const hash = await sha256Hex(bytes);
  return {
    hash,
    blob: new Blob([bytes], { type: 'image/png' }),
    type: 'image/png',
    bytes: bytes.length,
    width,
    height: 40,
  };
}

const SRC = Array.from({ length: 6 }, (_, i) => `https://pics.example/${i + 1}.png`);

/** Device `a` with article a1 showing `count` pictures (and a thumbnail), all stored. */
async function deviceWithPictures(count = 2): Promise<{ a: Device; pics: StoredImage[]; thumb: StoredImage }> {
  const a = await device('a');
  const pics: StoredImage[] = [];
  for (let i = 0; i < count; i++) pics.push(await picture(300 + i * 20, [200, 30 * i, 30]));
  const thumb = await picture(16, [9, 9, 9]);
  await a.lib.upsertArticle(makeArticle({ id: 'a1', title: '港口的照片', heroImage: null }));
  await a.lib.saveImageMap({
    articleId: 'a1',
    entries: pics.map((p, i) => ({ src: SRC[i] as string, hash: p.hash })),
    thumb: thumb.hash,
    images: [...pics, thumb],
  });
  return { a, pics, thumb };
}

async function bytesOf(lib: Device['lib'], hash: string): Promise<number[]> {
  const image = (await lib.getImages([hash])).get(hash);
  return image ? [...new Uint8Array(await image.blob.arrayBuffer())] : [];
}

async function serverDoc(id: string): Promise<CouchDoc | undefined> {
  return (await client().getDocs([id])).get(id);
}

describe('saved images through sync', () => {
  it('reach a second device as attachments: the same bytes, map and thumbnail, without the web', async () => {
    const { a, pics, thumb } = await deviceWithPictures();
    await a.sync(server.url);
    expect(await a.lib.countOutbox()).toBe(0);
    const doc = await serverDoc('a:a1');
    expect(Object.keys(doc?._attachments ?? {}).sort()).toEqual([...pics.map((p) => p.hash), thumb.hash].sort());

    const b = await device('b');
    const report = await b.sync(server.url);
    expect(report.images).toBe(3);
    const map = await b.lib.getImageMap('a1');
    expect(map?.entries).toEqual(pics.map((p, i) => ({ src: SRC[i], hash: p.hash })));
    expect(map?.thumb).toBe(thumb.hash);
    for (const p of [...pics, thumb]) expect(await bytesOf(b.lib, p.hash)).toEqual(await bytesOf(a.lib, p.hash));
    expect((await b.lib.getThumbnails(['a1'])).get('a1')?.size).toBe(thumb.bytes);
    // Nothing left to fetch: the next round asks for no picture.
    expect((await b.sync(server.url)).images).toBe(0);
  });

  it('pictures stored after the article was pushed go up in a later round', async () => {
    const a = await device('a');
    await a.lib.upsertArticle(makeArticle({ id: 'a1', heroImage: null }));
    await a.sync(server.url);
    expect(await a.lib.countOutbox()).toBe(0);
    const pic = await picture(200, [1, 2, 3]);
    await a.lib.saveImageMap({
      articleId: 'a1',
      entries: [{ src: SRC[0] as string, hash: pic.hash }],
      thumb: null,
      images: [pic],
    });
    expect(await a.lib.countOutbox()).toBe(1);
    await a.sync(server.url);
    expect(await a.lib.countOutbox()).toBe(0);
    expect(Object.keys((await serverDoc('a:a1'))?._attachments ?? {})).toEqual([pic.hash]);
  });

  it('one picture per request when the budget is small, all of them in one round', async () => {
    const { a, pics, thumb } = await deviceWithPictures(6);
    await a.sync(server.url, { batch: 3, images: { pushBytes: 1 } });
    expect(await a.lib.countOutbox()).toBe(0);
    expect(Object.keys((await serverDoc('a:a1'))?._attachments ?? {}).sort()).toEqual(
      [...pics.map((p) => p.hash), thumb.hash].sort(),
    );
  });

  it('a device that has not fetched the pictures yet keeps them on the server when it edits the article', async () => {
    const { a, pics } = await deviceWithPictures();
    await a.sync(server.url);
    const b = await device('b');
    await b.sync(server.url, { batch: 3, images: { pullArticles: 0 } });
    expect(await b.lib.getImageMap('a1')).toBeUndefined();
    await b.lib.updateArticleFields('a1', { tags: ['港口'] });
    await b.sync(server.url, { batch: 3, images: { pullArticles: 0 } });
    const doc = await serverDoc('a:a1');
    expect((doc?.record as { tags?: { value: string[] } } | undefined)?.tags?.value).toEqual(['港口']);
    expect(Object.keys(doc?._attachments ?? {})).toEqual(expect.arrayContaining(pics.map((p) => p.hash)));
    // B fetches them later all the same.
    expect((await b.sync(server.url)).images).toBe(3);
    expect((await b.lib.getImageMap('a1'))?.entries.map((e) => 'hash' in e)).toEqual([true, true]);
  });

  it('refuses an attachment whose bytes are not the picture its name claims, and keeps the article', async () => {
    const real = await picture(100, [5, 5, 5]);
    const other = new Uint8Array(solidPng(101, 40, [6, 6, 6]));
    const b = await device('b');
    const { a } = await deviceWithPictures();
    await a.sync(server.url);
    const doc = (await serverDoc('a:a1')) as CouchDoc;
    // A hostile server (or device) names other bytes with a picture's hash, and adds a script.
    const forged: CouchDoc = {
      ...doc,
      images: {
        entries: [
          { src: SRC[0], hash: real.hash },
          { src: 'https://x.example/s.svg', hash: 'f'.repeat(64) },
        ],
        thumb: null,
      },
      _attachments: {
        [real.hash]: { content_type: 'image/png', data: Buffer.from(other).toString('base64') },
        ['f'.repeat(64)]: { content_type: 'image/svg+xml', data: btoa('<svg onload="alert(1)"/>') },
      },
    };
    expect((await client().bulkDocs([forged]))[0]?.ok).toBe(true);
    const report = await b.sync(server.url);
    expect(report.images).toBe(0);
    expect((await b.lib.getArticle('a1'))?.title).toBe('港口的照片');
    expect((await b.lib.getImages([real.hash, 'f'.repeat(64)])).size).toBe(0);
    expect((await b.lib.getImageMap('a1'))?.entries.filter((e) => 'hash' in e) ?? []).toEqual([]);
  });

  it('never replaces a picture this device stored for the same source', async () => {
    const { a } = await deviceWithPictures();
    await a.sync(server.url);
    const b = await device('b');
    const mine = await picture(300, [250, 250, 0]);
    await b.lib.upsertArticle(makeArticle({ id: 'a1', title: '港口的照片', heroImage: null }));
    await b.lib.saveImageMap({
      articleId: 'a1',
      entries: [{ src: SRC[0] as string, hash: mine.hash }],
      thumb: null,
      images: [mine],
    });
    await b.sync(server.url);
    const entries = (await b.lib.getImageMap('a1'))?.entries ?? [];
    expect(entries.find((e) => e.src === SRC[0])).toEqual({ src: SRC[0], hash: mine.hash });
    expect(entries.find((e) => e.src === SRC[1])).toMatchObject({ src: SRC[1] });
    expect(entries.every((e) => 'hash' in e)).toBe(true);
  });

  it('a server that says “stored” but keeps no picture cannot keep a round busy', async () => {
    const { a } = await deviceWithPictures(6);
    // Every write is answered as stored; nothing is.
    proxy.setRule((method, path) =>
      method === 'POST' && path.includes('_bulk_docs')
        ? { kind: 'status', status: 201, body: JSON.stringify([{ id: 'a:a1', ok: true, rev: '1-x' }]) }
        : null,
    );
    await a.sync(proxy.url, { batch: 3, images: { pushBytes: 1, pushRoundBytes: 1 } });
    const writes = proxy.log.filter((line) => line.startsWith('POST') && line.includes('_bulk_docs'));
    expect(writes.length).toBeLessThanOrEqual(4);
    // Still queued: the pictures are not on the server.
    expect(await a.lib.countOutbox()).toBe(1);
  });

  it('a record too large with its pictures goes up without them; the server keeps what it had', async () => {
    const a = await device('a');
    const big = await (async () => {
      const bytes = new Uint8Array(noisePng(40_000));
      return {
        hash: await sha256Hex(bytes),
        blob: new Blob([bytes], { type: 'image/png' }),
        type: 'image/png' as const,
        bytes: bytes.length,
        width: 100,
        height: 100,
      };
    })();
    await a.lib.upsertArticle(makeArticle({ id: 'a1', title: '大图', heroImage: null }));
    await a.lib.saveImageMap({
      articleId: 'a1',
      entries: [{ src: SRC[0] as string, hash: big.hash }],
      thumb: null,
      images: [big],
    });
    // Like a server's request size limit: anything over 20 kB is refused with 413.
    proxy.setRule((method, path, size) =>
      method === 'POST' && path.includes('_bulk_docs') && size > 20_000 ? { kind: 'status', status: 413 } : null,
    );
    await a.sync(proxy.url);
    expect(await a.lib.countOutbox()).toBe(0);
    const doc = await serverDoc('a:a1');
    expect((doc?.record as { source?: { value?: { title?: string } } } | undefined)?.source?.value?.title).toBe('大图');
    expect(doc?._attachments).toBeUndefined();
  });

  it('keeps the good pictures of a document with a malformed entry, and gives up on one that sends no picture', async () => {
    const { a, pics } = await deviceWithPictures();
    await a.sync(server.url);
    const doc = (await serverDoc('a:a1')) as CouchDoc;
    const images = doc.images as { entries: unknown[]; thumb: string };
    await client().bulkDocs([
      { ...doc, images: { ...images, entries: [{ src: 'javascript:1', hash: 'x' }, ...images.entries] } },
    ]);
    const b = await device('b');
    await b.sync(server.url);
    expect((await b.lib.getImageMap('a1'))?.entries).toEqual(pics.map((p, i) => ({ src: SRC[i], hash: p.hash })));

    // A server whose attachments are not pictures: read once, within the round's budget, then left.
    const bad = (await serverDoc('a:a1')) as CouchDoc;
    const fake = 'e'.repeat(64);
    await client().bulkDocs([
      {
        ...bad,
        images: { entries: [{ src: SRC[2], hash: fake }], thumb: null },
        _attachments: { ...bad._attachments, [fake]: { content_type: 'image/png', data: btoa('not a picture') } },
      },
    ]);
    const c = await device('c');
    await c.sync(server.url, { batch: 3, images: { pullBytes: 1 } });
    expect(await c.lib.getMeta('sync:images-wanted')).toEqual([]);
  });
});
