// @vitest-environment node
/**
 * Issue 14, finding 3: a hostile sync server (or a peer writing to it) cannot wipe the library.
 * Tombstones stamped hours ahead for every article are held, unapplied, before they touch
 * anything; the reader applies them (all of it then sits in the Trash) or keeps the local copy,
 * which is pushed back. A server that always answers a full page cannot keep a round alive, and
 * an answer larger than the cap is refused.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CouchClient } from '../../../../lib/background/sync/couch';
import { toDoc } from '../../../../lib/background/sync/docs';
import { HeldChangesError, syncOnce } from '../../../../lib/background/sync/engine';
import { format } from '../../../../lib/model';
import { SyncError } from '../../../../lib/shared/sync/config';
import { bulkChangeLimit } from '../../../../lib/shared/sync/status';
import { tombstoneReplica } from '../../../../lib/storage';
import { type CouchServer, startCouchServer } from '../../../../scripts/couch-server.mjs';
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

const COUNT = 30;

/** A device with `COUNT` articles, all pushed to the server. */
async function syncedLibrary(): Promise<Device> {
  const a = await device('a');
  for (let i = 0; i < COUNT; i++)
    await a.lib.upsertArticle(makeArticle({ id: `a${i}`, text: `第${i}篇`, html: `<p>第${i}篇</p>` }));
  await a.sync(server.url);
  return a;
}

/** What a hostile writer does: every article document replaced by a tombstone stamped hours ahead. */
async function forgeTombstones(): Promise<string> {
  const client = new CouchClient({ url: server.url, db: DB, username: '', password: '' });
  const stamp = format({ wall: Date.now() + 3 * 60 * 60 * 1000, counter: 0, node: 'evil' });
  const current = await client.getDocs(Array.from({ length: COUNT }, (_, i) => `a:a${i}`));
  await client.bulkDocs(
    [...current.values()].map((doc) => {
      const id = doc._id.slice(2);
      return toDoc({ type: 'article', value: tombstoneReplica({ id, stamp, deletedAt: Date.now() }) }, doc._rev);
    }),
  );
  return stamp;
}

const sync = (d: Device, holdAbove: number) =>
  syncOnce(d.lib, new CouchClient({ url: server.url, db: DB, username: '', password: '' }), 'sync:since', {
    batch: 7,
    holdAbove,
  });

describe('a hostile server', () => {
  it('cannot delete the library in one round: its tombstones are held, and nothing is applied', async () => {
    const a = await syncedLibrary();
    await forgeTombstones();
    const limit = bulkChangeLimit(COUNT);
    await expect(sync(a, limit)).rejects.toBeInstanceOf(HeldChangesError);
    expect(await a.lib.countArticles()).toBe(COUNT);
    expect(await a.lib.listTrash()).toEqual([]);
    // Asking again holds again: the checkpoint did not move past what was held.
    await expect(sync(a, limit)).rejects.toMatchObject({ kind: 'held', deletes: expect.any(Number) });
    expect(await a.lib.countArticles()).toBe(COUNT);
  });

  it('keeping the local copy wins over the forged future stamps and is pushed back', async () => {
    const a = await syncedLibrary();
    await forgeTombstones();
    let held: HeldChangesError | null = null;
    await sync(a, bulkChangeLimit(COUNT)).catch((e: unknown) => {
      held = e as HeldChangesError;
    });
    expect(held).toBeInstanceOf(HeldChangesError);
    await a.lib.claimLocalCopies((held as unknown as HeldChangesError).newestStamp);
    await sync(a, bulkChangeLimit(COUNT));
    expect(await a.lib.countArticles()).toBe(COUNT);
    // A fresh device now gets the whole library from the server.
    const b = await device('b');
    await b.sync(server.url);
    expect(await b.lib.countArticles()).toBe(COUNT);
  });

  it('applying the held changes puts every deleted article in the Trash, whole', async () => {
    const a = await syncedLibrary();
    await forgeTombstones();
    await sync(a, Number.POSITIVE_INFINITY);
    expect(await a.lib.countArticles()).toBe(0);
    const trash = await a.lib.listTrash();
    expect(trash).toHaveLength(COUNT);
    expect(trash.every((e) => e.kind === 'article' && e.by === 'sync' && e.body.text.startsWith('第'))).toBe(true);
    const entry = trash.find((e) => e.kind === 'article' && e.meta.id === 'a3');
    expect(entry?.key).toMatch(/^a:a3@/);
    await a.lib.restoreFromTrash(entry?.key ?? '');
    expect((await a.lib.getArticle('a3'))?.text).toBe('第3篇');
  });

  it('cannot keep a round alive by always answering a full page', async () => {
    const a = await device('a');
    const junk = Array.from({ length: 7 }, (_, i) => ({ id: `x${i}`, seq: i, doc: { _id: `x${i}`, other: true } }));
    let seq = 0;
    let changes = 0;
    let moving = false;
    // First the same checkpoint forever, then one that always moves on.
    proxy.setRule((_method, path) => {
      if (!path.includes('/_changes')) return null;
      changes++;
      return {
        kind: 'status',
        status: 200,
        body: JSON.stringify({ results: junk, last_seq: moving ? ++seq : 5 }),
      };
    });
    const client = new CouchClient({ url: proxy.url, db: DB, username: '', password: '' });
    await syncOnce(a.lib, client, 'sync:since', { batch: 7 });
    expect(changes).toBe(2);
    changes = 0;
    moving = true;
    await syncOnce(a.lib, client, 'sync:since', { batch: 7, maxPages: 4 });
    expect(changes).toBe(4);
  });

  it('refuses an answer larger than the cap, and a malformed list of changes', async () => {
    proxy.setRule((_method, path) =>
      path.includes('/_changes')
        ? { kind: 'status', status: 200, body: JSON.stringify({ results: [], last_seq: 'x'.repeat(5_000) }) }
        : null,
    );
    const small = new CouchClient({ url: proxy.url, db: DB, username: '', password: '' }, undefined, 1_000);
    await expect(small.changes('0', 10)).rejects.toMatchObject({ kind: 'bad-response' });
    const a = await device('a');
    const client = new CouchClient({ url: proxy.url, db: DB, username: '', password: '' });
    await expect(syncOnce(a.lib, client, 'sync:since')).rejects.toBeInstanceOf(SyncError);
    proxy.setRule((_method, path) =>
      path.includes('/_changes') ? { kind: 'status', status: 200, body: '{"results":{"0":1},"last_seq":1}' } : null,
    );
    await expect(syncOnce(a.lib, client, 'sync:since')).rejects.toMatchObject({ kind: 'bad-response' });
  });
});
