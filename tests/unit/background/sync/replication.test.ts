// @vitest-environment node
/**
 * Two and three devices against a real pouchdb-server on loopback: concurrent edits of the
 * same highlight, delete against edit, offline edits then reconnect, random histories. Every
 * device must converge to the same state, holding for every field its newest write.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { HIGHLIGHT_COLORS } from '../../../../lib/model';
import { type CouchServer, startCouchServer } from '../../../../scripts/couch-server.mjs';
import { makeArticle, makeHighlight } from '../../../support/library';
import { createDb, DB, type Device, device, snapshot } from '../../../support/sync';
import { rng } from '../../../support/text-edits';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => server?.stop());

let url: string;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  // A fresh server database per test: the server is shared, its databases are not.
  url = `${server.url}`;
  await fetch(`${server.url}/${DB}`, { method: 'DELETE' });
  await createDb(url);
});

async function syncAll(devices: Device[], rounds = 2): Promise<void> {
  for (let r = 0; r < rounds; r++) for (const d of devices) await d.sync(url);
}

describe('sync between devices', () => {
  it('a highlight and its article made on A reach B exactly', async () => {
    const [a, b] = [await device('a'), await device('b')];
    await a.lib.upsertArticle(makeArticle({ id: 'a1', title: '乌克兰停火线' }));
    await a.lib.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1', note: '注释' }));
    const pushed = await a.sync(url);
    expect(pushed.pushed).toBe(2);
    await b.sync(url);
    expect(await snapshot(b.lib)).toEqual(await snapshot(a.lib));
    expect((await b.lib.getArticle('a1'))?.title).toBe('乌克兰停火线');
    expect(await a.lib.countOutbox()).toBe(0);
  });

  it('concurrent colour (A) and note (B) edits of one highlight both survive', async () => {
    const [a, b] = [await device('a'), await device('b')];
    await a.lib.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1' }));
    await syncAll([a, b], 1);
    const base = await b.lib.getHighlight('h1');
    if (!base) throw new Error('B did not receive the highlight');
    await a.lib.putHighlight({ ...base, color: 'pink' });
    await b.lib.putHighlight({ ...base, note: 'B’s note' });
    await syncAll([a, b]);
    for (const d of [a, b]) {
      const h = await d.lib.getHighlight('h1');
      expect([h?.color, h?.note]).toEqual(['pink', 'B’s note']);
    }
    expect(await snapshot(a.lib)).toEqual(await snapshot(b.lib));
  });

  it('a delete stays deleted when another device edits the note afterwards; undo revives it everywhere', async () => {
    const [a, b] = [await device('a'), await device('b')];
    await a.lib.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1' }));
    await syncAll([a, b], 1);
    await a.lib.deleteHighlight('h1');
    const base = await b.lib.getHighlight('h1');
    if (!base) throw new Error('missing');
    await b.lib.putHighlight({ ...base, note: 'edited offline' });
    await syncAll([a, b]);
    for (const d of [a, b])
      expect(await d.lib.getHighlight('h1')).toMatchObject({ deleted: true, note: 'edited offline' });
    const gone = await a.lib.getHighlight('h1');
    if (!gone) throw new Error('missing');
    await a.lib.putHighlight({ ...gone, deleted: false });
    await syncAll([a, b]);
    expect((await b.lib.getHighlight('h1'))?.deleted).toBe(false);
  });

  it('an article deleted on A is deleted on B, and B’s later tag edit does not bring it back', async () => {
    const [a, b] = [await device('a'), await device('b')];
    await a.lib.upsertArticle(makeArticle({ id: 'a1' }));
    await syncAll([a, b], 1);
    await a.lib.deleteArticle('a1');
    await b.lib.updateArticleFields('a1', { tags: ['later'] });
    await syncAll([a, b]);
    expect(await a.lib.getArticleMeta('a1')).toBeUndefined();
    expect(await b.lib.getArticleMeta('a1')).toBeUndefined();
    expect(await snapshot(a.lib)).toEqual(await snapshot(b.lib));
  });

  it('a device installed later keeps the first device’s tags, archive state and deletes of the bundled seeds', async () => {
    const a = await device('a');
    const seeds = [makeArticle({ id: 's1', origin: 'seed' }), makeArticle({ id: 's2', origin: 'seed' })];
    for (const seed of seeds) await a.lib.upsertArticle(seed, { keepDeleted: true });
    await a.lib.updateArticleFields('s1', { tags: ['work'], archived: true });
    await a.lib.deleteArticle('s2');
    await a.sync(url);
    // B installs later: its own seed import creates both articles, newer than A's edits.
    const b = await device('b');
    for (const seed of seeds) await b.lib.upsertArticle(seed, { keepDeleted: true });
    await syncAll([b, a]);
    for (const d of [a, b]) {
      expect(await d.lib.getArticleMeta('s1')).toMatchObject({ tags: ['work'], archived: true });
      expect(await d.lib.getArticleMeta('s2')).toBeUndefined();
      expect(await d.lib.countOutbox()).toBe(0);
    }
    expect(await snapshot(a.lib)).toEqual(await snapshot(b.lib));
  });

  it('a user’s own save on another device brings back an article deleted earlier', async () => {
    const a = await device('a');
    await a.lib.upsertArticle(makeArticle({ id: 'w1' }));
    await a.lib.deleteArticle('w1');
    await a.sync(url);
    const b = await device('b');
    await b.lib.upsertArticle(makeArticle({ id: 'w1', title: 'saved again' }));
    await syncAll([b, a]);
    for (const d of [a, b]) expect((await d.lib.getArticleMeta('w1'))?.title).toBe('saved again');
  });

  it('three devices editing offline converge, every field holding its newest write (12 random histories)', async () => {
    for (let seed = 1; seed <= Number(process.env.SEEDS ?? 12); seed++) {
      await fetch(`${server.url}/${DB}`, { method: 'DELETE' });
      await createDb(url);
      const random = rng(seed);
      const devices = [await device('a'), await device('b'), await device('c')];
      const ids = ['h1', 'h2', 'h3'];
      const writes: { id: string; field: 'color' | 'note' | 'deleted'; value: unknown; stamp: string }[] = [];
      for (const id of ids) await devices[0]?.lib.putHighlight(makeHighlight({ id, articleId: 'a1' }));
      await syncAll(devices, 1);
      for (let step = 0; step < 25; step++) {
        const d = devices[Math.floor(random() * 3)] as Device;
        const id = ids[Math.floor(random() * ids.length)] as string;
        const current = await d.lib.getHighlight(id);
        if (!current) continue;
        const roll = random();
        const field = roll < 0.3 ? 'color' : roll < 0.6 ? 'note' : roll < 0.75 ? 'deleted' : null;
        if (field) {
          const value =
            field === 'color'
              ? (HIGHLIGHT_COLORS[Math.floor(random() * 5)] ?? 'yellow')
              : field === 'note'
                ? `${d.name} ${step}`
                : !current.deleted;
          await d.lib.putHighlight({ ...current, [field]: value });
          const stamp = (await d.lib.getHighlight(id))?.stamps?.[field] ?? '';
          // Only a real change is a write (same value again keeps the old stamp).
          if (stamp !== current.stamps?.[field]) writes.push({ id, field, value, stamp });
        }
        if (!field) await d.sync(url);
      }
      await syncAll(devices, 2);
      const [first, ...rest] = await Promise.all(devices.map((d) => snapshot(d.lib)));
      for (const other of rest) expect(other, `seed ${seed}`).toEqual(first);
      for (const d of devices) expect(await d.lib.countOutbox()).toBe(0);
      // No acknowledged edit is lost: each field holds the value of its newest write.
      for (const id of ids) {
        const h = await devices[0]?.lib.getHighlight(id);
        for (const field of ['color', 'note', 'deleted'] as const) {
          const newest = writes
            .filter((w) => w.id === id && w.field === field)
            .sort((x, y) => (x.stamp < y.stamp ? 1 : -1))[0];
          if (newest) expect(h?.[field], `seed ${seed} ${id}.${field}`).toEqual(newest.value);
        }
      }
      for (const d of devices) d.lib.close();
    }
  }, 240_000);
});
