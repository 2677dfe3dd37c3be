// @vitest-environment node
/**
 * Subscriptions sync with the rest of the library (issue 17), through a real pouchdb-server on
 * loopback: a feed subscribed on A is refreshed on B too (its own fetch state, due at once); the
 * interval chosen on one device and full text on another both hold; an unsubscribe holds
 * everywhere and keeps the articles; subscribing again brings the feed back; a malformed
 * subscription document is skipped.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { CouchClient } from '../../../../lib/background/sync/couch';
import type { Subscription } from '../../../../lib/model';
import { newSubscription } from '../../../../lib/shared/feeds/subscription';
import { type CouchServer, startCouchServer } from '../../../../scripts/couch-server.mjs';
import { makeArticle } from '../../../support/library';
import { createDb, DB, type Device, device } from '../../../support/sync';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => server?.stop());

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  await fetch(`${server.url}/${DB}`, { method: 'DELETE' });
  await createDb(server.url);
});

const FEED = 'https://news.example.cn/rss.xml';

async function subscribe(d: Device, now = 1_000): Promise<Subscription> {
  const fresh = await newSubscription(FEED, now);
  if (!fresh) throw new Error('expected a subscription');
  await d.lib.putSubscription(fresh);
  return fresh;
}

async function syncAll(devices: Device[], rounds = 2): Promise<void> {
  for (let r = 0; r < rounds; r++) for (const d of devices) await d.sync(server.url);
}

describe('subscriptions through sync', () => {
  it('a feed subscribed on A reaches B with A’s choices and B’s own fetch state, due at once', async () => {
    const [a, b] = [await device('a'), await device('b')];
    const sub = await subscribe(a);
    // A refreshed it: its title, validators and schedule are A's own.
    await a.lib.putSubscription(
      { ...sub, title: '新闻', fetch: { ...sub.fetch, etag: '"v1"', lastChecked: 5, nextCheck: 99 } },
      { asRefresh: true },
    );
    await a.lib.putSubscription({ ...((await a.lib.getSubscription(sub.id)) as Subscription), intervalMinutes: 180 });
    await syncAll([a, b], 1);
    const [onB] = await b.lib.listSubscriptions();
    expect(onB).toMatchObject({ id: sub.id, url: FEED, intervalMinutes: 180, fullText: false, title: '' });
    expect(onB?.fetch).toMatchObject({ etag: null, lastChecked: null, failures: 0, gone: false });
    expect(onB?.fetch.nextCheck).toBeLessThanOrEqual(Date.now());
    expect(await a.lib.countOutbox()).toBe(0);
    expect(await b.lib.countOutbox()).toBe(0);
  });

  it('the interval chosen on A and full text turned on at B both hold on both', async () => {
    const [a, b] = [await device('a'), await device('b')];
    const sub = await subscribe(a);
    await syncAll([a, b], 1);
    const onA = (await a.lib.getSubscription(sub.id)) as Subscription;
    const onB = (await b.lib.getSubscription(sub.id)) as Subscription;
    await a.lib.putSubscription({ ...onA, intervalMinutes: 30 });
    await b.lib.putSubscription({ ...onB, fullText: true });
    await syncAll([a, b]);
    for (const d of [a, b]) {
      expect(await d.lib.getSubscription(sub.id)).toMatchObject({ intervalMinutes: 30, fullText: true });
    }
  });

  it('an unsubscribe on B holds on A and keeps the articles; subscribing again brings it back everywhere', async () => {
    const [a, b] = [await device('a'), await device('b')];
    const sub = await subscribe(a);
    await a.lib.upsertArticle(makeArticle({ id: 'a1', title: '订阅的文章' }));
    await a.lib.linkFeedArticles(sub.id, ['a1']);
    await syncAll([a, b], 1);
    expect(await b.lib.deleteSubscription(sub.id)).toBe(true);
    await syncAll([b, a]);
    for (const d of [a, b]) {
      expect(await d.lib.listSubscriptions()).toEqual([]);
      expect((await d.lib.getArticleMeta('a1'))?.title).toBe('订阅的文章');
    }
    expect(await a.lib.feedArticleIds(sub.id)).toEqual([]);
    // A later refresh that was running on A does not revive it.
    await a.lib.putSubscription({ ...sub, title: '迟到的刷新' }, { asRefresh: true });
    expect(await a.lib.listSubscriptions()).toEqual([]);

    await subscribe(a, 2_000);
    await syncAll([a, b]);
    for (const d of [a, b]) expect((await d.lib.listSubscriptions()).map((s) => s.url)).toEqual([FEED]);
  });

  it('skips a subscription document that is not one (bad address, interval out of range) and syncs the rest', async () => {
    const b = await device('b');
    const client = new CouchClient({ url: server.url, db: DB, username: '', password: '' });
    const stamp = { stamp: '001700000000000-000000-abc' };
    const record = (id: string, url: string, interval: number) => ({
      _id: `s:${id}`,
      glossa: 1,
      type: 'subscription',
      record: {
        id,
        url,
        intervalMinutes: { value: interval, ...stamp },
        fullText: { value: false, ...stamp },
        deleted: { value: false, ...stamp },
      },
    });
    await client.bulkDocs([
      record('s_bad1', 'javascript:alert(1)', 60),
      record('s_bad2', FEED, 1),
      record('s_good', FEED, 60),
    ]);
    const report = await b.sync(server.url);
    expect(report.skipped).toBe(2);
    expect((await b.lib.listSubscriptions()).map((s) => s.id)).toEqual(['s_good']);
  });
});
