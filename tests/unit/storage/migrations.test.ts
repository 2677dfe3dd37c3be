/**
 * The schema history: a database written by v1 (bodies inline in `articles`) must come out of
 * the upgrade with every article, body and highlight intact, old shapes filled with defaults.
 */
import { describe, expect, it } from 'vitest';
import { ARTICLE_SCHEMA, type Article, HIGHLIGHT_SCHEMA, type Highlight } from '../../../lib/model';
import { newSubscription } from '../../../lib/shared/feeds/subscription';
import { LATEST_VERSION, openLibrary } from '../../../lib/storage';
import { legacyStamp } from '../../../lib/storage/clock';
import { openGlossaDb } from '../../../lib/storage/db';
import { makeArticle, makeHighlight, uniqueDbName } from '../../support/library';
import { putRaw, readRaw } from '../../support/raw-idb';

/** Creates a database exactly as release v1 left it: v1 stores only, raw records in them. */
async function createV1Database(name: string, articles: readonly unknown[], highlights: readonly unknown[]) {
  (await openGlossaDb({ name, version: 1 })).close();
  await putRaw(name, 'articles', articles);
  await putRaw(name, 'highlights', highlights);
}

const complete: Article = makeArticle({
  id: 'complete',
  tags: ['kept'],
  archived: true,
  savedAt: 3_000,
  updatedAt: 4_000,
  dir: 'rtl',
  lang: 'ar',
});

/** An early v1 record: written before tags, archived, excerpt, dir and several others existed. */
const sparse = {
  schema: 1,
  id: 'sparse',
  url: 'https://example.com/sparse',
  title: 'Sparse',
  savedAt: 2_000,
  contentHash: 'hash-sparse',
  html: '<p>一二三 four</p>',
  text: '一二三 four',
};

/** A record damaged by hand or a buggy build: almost nothing is valid, but it is data. */
const damaged = { id: 'damaged', title: 42, categories: ['ok', 7], dir: 'sideways', html: null };

const highlight: Highlight = makeHighlight({ id: 'h1', articleId: 'complete', note: 'note' });
const tombstone: Highlight = makeHighlight({ id: 'h2', articleId: 'sparse', deleted: true, updatedAt: 9_000 });
const oldHighlight = {
  id: 'h3',
  articleId: 'sparse',
  selectors: [{ type: 'TextQuoteSelector', exact: 'four', prefix: '一二三 ', suffix: '' }],
  color: 'green',
  createdAt: 5_000,
};

const ALL_STORES = [
  'addresses',
  'articles',
  'bodies',
  'feedArticles',
  'highlights',
  'imageMaps',
  'images',
  'meta',
  'outbox',
  'searchDocs',
  'subscriptionTombstones',
  'subscriptions',
  'tombstones',
  'trash',
];

/** Every field of a pre-stamp record gets the stamp derived from its updatedAt. */
const articleStamps = (updatedAt: number) => {
  const s = legacyStamp(updatedAt);
  return { source: s, tags: s, archived: s, deleted: s };
};
const highlightStamps = (updatedAt: number) => {
  const s = legacyStamp(updatedAt);
  return { color: s, note: s, selectors: s, deleted: s };
};
const legacyStampedArticle = (a: Article) => ({ ...a, schema: ARTICLE_SCHEMA, stamps: articleStamps(a.updatedAt) });
const legacyStampedHighlight = (h: Highlight) => ({
  ...h,
  schema: HIGHLIGHT_SCHEMA,
  stamps: highlightStamps(h.updatedAt),
});

describe('migration v1 → latest', () => {
  it('keeps every article (meta and body) and every highlight, filling missing fields', async () => {
    const name = uniqueDbName();
    await createV1Database(name, [complete, sparse, damaged], [highlight, tombstone, oldHighlight]);

    const library = await openLibrary({ name });
    try {
      expect(await library.countArticles()).toBe(3);
      expect(await library.getArticle('complete')).toEqual(legacyStampedArticle(complete));
      expect(await library.getArticle('sparse')).toEqual({
        ...sparse,
        schema: ARTICLE_SCHEMA,
        stamps: articleStamps(2_000),
        author: null,
        source: null,
        categories: [],
        tags: [],
        published: null,
        updatedAt: 2_000,
        heroImage: null,
        lang: null,
        dir: 'ltr',
        charCount: 7,
        readingMinutes: 0,
        origin: 'web',
        excerpt: '一二三 four',
        archived: false,
      });
      expect(await library.getArticle('damaged')).toMatchObject({
        schema: ARTICLE_SCHEMA,
        title: '',
        categories: ['ok'],
        dir: 'ltr',
        savedAt: 0,
        contentHash: '',
        html: '',
        text: '',
      });

      expect(await library.listHighlights('complete')).toEqual([legacyStampedHighlight(highlight)]);
      expect(await library.getHighlight('h2')).toEqual(legacyStampedHighlight(tombstone));
      expect(await library.getHighlight('h3')).toEqual({
        ...oldHighlight,
        schema: HIGHLIGHT_SCHEMA,
        stamps: highlightStamps(5_000),
        kind: 'highlight',
        note: '',
        updatedAt: 5_000,
        deleted: false,
      });

      // The new indexes cover migrated records.
      expect((await library.findArticleByUrl('https://example.com/sparse'))?.id).toBe('sparse');
      const page = await library.listArticles({ limit: 10 });
      expect(page.items.map((a) => a.id)).toEqual(['complete', 'sparse', 'damaged']);
    } finally {
      library.close();
    }

    const stored = await readRaw(name, 'articles');
    expect(stored.version).toBe(LATEST_VERSION);
    expect(stored.stores.sort()).toEqual(ALL_STORES);
    // Bodies left the meta records.
    for (const record of stored.records) expect(record).not.toHaveProperty('html');
  });

  it('a re-import after migration refreshes a record whose hash was unknown, keeping user fields', async () => {
    const name = uniqueDbName();
    await createV1Database(name, [{ ...complete, contentHash: undefined }], []);
    const library = await openLibrary({ name });
    try {
      expect(await library.upsertArticle({ ...complete, tags: [], archived: false, savedAt: 99_000 })).toBe('updated');
      expect(await library.getArticleMeta('complete')).toMatchObject({
        tags: ['kept'],
        archived: true,
        savedAt: 3_000,
      });
    } finally {
      library.close();
    }
  });

  it('an empty v1 database and a brand-new one both end at the latest version', async () => {
    const upgraded = uniqueDbName();
    await createV1Database(upgraded, [], []);
    (await openLibrary({ name: upgraded })).close();
    const fresh = uniqueDbName();
    (await openLibrary({ name: fresh })).close();

    for (const name of [upgraded, fresh]) {
      const { version, stores } = await readRaw(name, 'meta');
      expect(version).toBe(LATEST_VERSION);
      expect(stores.sort()).toEqual(ALL_STORES);
    }
  });

  it('refuses a version that does not exist', async () => {
    await expect(openGlossaDb({ name: uniqueDbName(), version: LATEST_VERSION + 1 })).rejects.toThrow(RangeError);
    await expect(openGlossaDb({ name: uniqueDbName(), version: 0 })).rejects.toThrow(RangeError);
  });
});

describe('migration v2 → v3 (write stamps, tombstones, outbox, search entries)', () => {
  it('stamps every article and highlight from its updatedAt and drops nothing', async () => {
    const name = uniqueDbName();
    (await openGlossaDb({ name, version: 2 })).close();
    const { html, text, stamps: _a, ...meta } = complete;
    const { stamps: _h, ...rawHighlight } = highlight;
    const { stamps: _t, ...rawTombstone } = tombstone;
    await putRaw(name, 'articles', [{ ...meta, schema: 1 }]);
    await putRaw(name, 'bodies', [{ schema: 1, id: complete.id, html, text }]);
    await putRaw(name, 'highlights', [
      { ...rawHighlight, schema: 1 },
      { ...rawTombstone, schema: 1 },
    ]);

    const library = await openLibrary({ name });
    try {
      expect(await library.getArticle('complete')).toEqual(legacyStampedArticle(complete));
      expect(await library.allHighlights({ includeDeleted: true })).toEqual([
        legacyStampedHighlight(highlight),
        legacyStampedHighlight(tombstone),
      ]);
      expect(await library.countOutbox()).toBe(0);
      // A later local edit beats the derived stamp, field by field.
      await library.putHighlight({ ...highlight, note: 'edited' });
      const edited = await library.getHighlight('h1');
      expect(edited?.stamps?.note && edited.stamps.note > legacyStamp(highlight.updatedAt)).toBe(true);
      expect(edited?.stamps?.color).toBe(legacyStamp(highlight.updatedAt));
      expect(await library.countOutbox()).toBe(1);
    } finally {
      library.close();
    }
  });
});

describe('migration v3 → v4 (Trash, page addresses)', () => {
  it('keeps every record as it was and adds the two stores, empty', async () => {
    const name = uniqueDbName();
    const v3 = await openGlossaDb({ name, version: 3 });
    v3.close();
    // A v3 library with an article, a highlight, a tombstone and sync bookkeeping.
    const { html, text, ...meta } = legacyStampedArticle(complete);
    await putRaw(name, 'articles', [meta]);
    await putRaw(name, 'bodies', [{ schema: ARTICLE_SCHEMA, id: complete.id, html, text }]);
    await putRaw(name, 'highlights', [legacyStampedHighlight(highlight)]);
    await putRaw(name, 'tombstones', [{ id: 'gone', stamp: legacyStamp(7_000), deletedAt: 7_000 }]);
    await putRaw(name, 'outbox', [{ key: 'h:h1', stamp: legacyStamp(1_000) }]);
    const raw = async (store: string) => (await readRaw(name, store)).records;
    const records = {
      articles: await raw('articles'),
      bodies: await raw('bodies'),
      highlights: await raw('highlights'),
      tombstones: await raw('tombstones'),
      outbox: await raw('outbox'),
    };

    const library = await openLibrary({ name });
    try {
      expect(await library.listTrash()).toEqual([]);
      expect(await library.articleAt('https://example.com/complete')).toMatchObject({ id: 'complete' });
    } finally {
      library.close();
    }
    const after = await readRaw(name, 'articles');
    expect(after.version).toBe(LATEST_VERSION);
    expect(after.stores.sort()).toEqual(ALL_STORES);
    for (const [store, list] of Object.entries(records)) expect(await raw(store)).toEqual(list);
  });
});

describe('migration v4 → v5 (saved images)', () => {
  it('keeps every record as it was, adds the image stores, and the old articles await their images', async () => {
    const name = uniqueDbName();
    (await openGlossaDb({ name, version: 4 })).close();
    const { html, text, ...meta } = legacyStampedArticle(complete);
    await putRaw(name, 'articles', [meta]);
    await putRaw(name, 'bodies', [{ schema: ARTICLE_SCHEMA, id: complete.id, html, text }]);
    await putRaw(name, 'highlights', [legacyStampedHighlight(highlight)]);
    await putRaw(name, 'tombstones', [{ id: 'gone', stamp: legacyStamp(7_000), deletedAt: 7_000 }]);
    await putRaw(name, 'outbox', [{ key: 'h:h1', stamp: legacyStamp(1_000) }]);
    await putRaw(name, 'trash', [{ key: 'h:old', kind: 'highlight', deletedAt: 1, by: 'sync', highlight }]);
    await putRaw(name, 'addresses', [{ address: 'https://example.com/amp/complete', articleId: 'complete' }]);
    const stores = ['articles', 'bodies', 'highlights', 'tombstones', 'outbox', 'trash', 'addresses'];
    const raw = async (store: string) => (await readRaw(name, store)).records;
    const before = await Promise.all(stores.map(raw));

    const library = await openLibrary({ name });
    try {
      expect(await library.getImageMap('complete')).toBeUndefined();
      // Saved before images were kept: the background's sweep finds it.
      expect(await library.articlesWithoutImageMap(10)).toEqual(['complete']);
      expect(await library.imageUsage()).toEqual({ images: 0, bytes: 0 });
    } finally {
      library.close();
    }
    const after = await readRaw(name, 'images');
    expect(after.version).toBe(LATEST_VERSION);
    expect(after.stores.sort()).toEqual(ALL_STORES);
    expect(after.records).toEqual([]);
    expect(await Promise.all(stores.map(raw))).toEqual(before);
  });
});

describe('migration v5 → v6 (feeds)', () => {
  it('keeps every record as it was and adds the subscription stores, which then work', async () => {
    const name = uniqueDbName();
    (await openGlossaDb({ name, version: 5 })).close();
    const { html, text, ...meta } = legacyStampedArticle(complete);
    await putRaw(name, 'articles', [meta]);
    await putRaw(name, 'bodies', [{ schema: ARTICLE_SCHEMA, id: complete.id, html, text }]);
    await putRaw(name, 'highlights', [legacyStampedHighlight(highlight)]);
    await putRaw(name, 'tombstones', [{ id: 'gone', stamp: legacyStamp(7_000), deletedAt: 7_000 }]);
    await putRaw(name, 'outbox', [{ key: 'h:h1', stamp: legacyStamp(1_000) }]);
    await putRaw(name, 'addresses', [{ address: 'https://example.com/amp/complete', articleId: 'complete' }]);
    await putRaw(name, 'imageMaps', [{ articleId: 'complete', entries: [], thumb: null, hashes: [], updatedAt: 1 }]);
    // The outbox gains the subscribe and unsubscribe below; its old entry is checked on its own.
    const stores = ['articles', 'bodies', 'highlights', 'tombstones', 'addresses', 'imageMaps'];
    const raw = async (store: string) => (await readRaw(name, store)).records;
    const before = await Promise.all(stores.map(raw));

    const library = await openLibrary({ name });
    try {
      expect(await library.getArticle('complete')).toMatchObject({ id: 'complete', title: complete.title });
      expect(await library.listSubscriptions()).toEqual([]);
      const subscription = await newSubscription('https://example.com/feed.xml', 1_000);
      if (subscription === null) throw new Error('expected a subscription');
      await library.putSubscription(subscription);
      await library.linkFeedArticles(subscription.id, ['complete']);
      expect(await library.listSubscriptions()).toEqual([{ ...subscription, stamps: expect.any(Object) }]);
      expect(await library.feedArticleIds(subscription.id)).toEqual(['complete']);
      expect(await library.feedOfArticle('complete')).toBe(subscription.id);
      expect(await library.deleteSubscription(subscription.id)).toBe(true);
      expect(await library.feedArticleIds(subscription.id)).toEqual([]);
      expect(await library.getArticleMeta('complete')).toBeDefined();
    } finally {
      library.close();
    }
    const after = await readRaw(name, 'subscriptions');
    expect(after.version).toBe(LATEST_VERSION);
    expect(after.stores.sort()).toEqual(ALL_STORES);
    expect(after.records).toEqual([]);
    expect(await Promise.all(stores.map(raw))).toEqual(before);
    expect(await raw('outbox')).toContainEqual({ key: 'h:h1', stamp: legacyStamp(1_000) });
  });
});

describe('migration v6 → v7 (subscriptions sync)', () => {
  it('keeps every subscription and link as it was; an old subscription reads as the oldest stamp and syncs', async () => {
    const name = uniqueDbName();
    (await openGlossaDb({ name, version: 6 })).close();
    const old = await newSubscription('https://example.com/feed.xml', 1_000);
    if (old === null) throw new Error('expected a subscription');
    await putRaw(name, 'subscriptions', [old]);
    await putRaw(name, 'feedArticles', [{ articleId: 'complete', feedId: old.id, readAt: 5 }]);
    const stores = ['subscriptions', 'feedArticles'];
    const raw = async (store: string) => (await readRaw(name, store)).records;
    const before = await Promise.all(stores.map(raw));

    const library = await openLibrary({ name });
    try {
      expect(await Promise.all(stores.map(raw))).toEqual(before);
      // The first sync with a server queues it with the stamp every device derives alike.
      await library.enqueueAll();
      expect(await library.pendingOutbox(10)).toEqual([{ key: `s:${old.id}`, stamp: legacyStamp(0) }]);
      expect(await library.deleteSubscription(old.id)).toBe(true);
      const [entry] = await library.pendingOutbox(10);
      expect((entry?.stamp ?? '') > legacyStamp(0)).toBe(true);
    } finally {
      library.close();
    }
    const after = await readRaw(name, 'subscriptionTombstones');
    expect(after.version).toBe(LATEST_VERSION);
    expect(after.stores.sort()).toEqual(ALL_STORES);
    expect(after.records).toMatchObject([{ id: old.id, url: old.url }]);
  });
});
