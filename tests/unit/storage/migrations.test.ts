/**
 * The schema history: a database written by v1 (bodies inline in `articles`) must come out of
 * the upgrade with every article, body and highlight intact, old shapes filled with defaults.
 */
import { describe, expect, it } from 'vitest';
import { type Article, type Highlight, LATEST_VERSION, openLibrary } from '../../../lib/storage';
import { openGlossaDb } from '../../../lib/storage/db';
import { makeArticle, makeHighlight, uniqueDbName } from './fixtures';
import { putRaw, readRaw } from './raw-idb';

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

describe('migration v1 → v2', () => {
  it('keeps every article (meta and body) and every highlight, filling missing fields', async () => {
    const name = uniqueDbName();
    await createV1Database(name, [complete, sparse, damaged], [highlight, tombstone, oldHighlight]);

    const library = await openLibrary({ name });
    try {
      expect(await library.countArticles()).toBe(3);
      expect(await library.getArticle('complete')).toEqual(complete);
      expect(await library.getArticle('sparse')).toEqual({
        ...sparse,
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
        schema: 1,
        title: '',
        categories: ['ok'],
        dir: 'ltr',
        savedAt: 0,
        contentHash: '',
        html: '',
        text: '',
      });

      expect(await library.listHighlights('complete')).toEqual([highlight]);
      expect(await library.getHighlight('h2')).toEqual(tombstone);
      expect(await library.getHighlight('h3')).toEqual({
        ...oldHighlight,
        schema: 1,
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
    expect(stored.stores.sort()).toEqual(['articles', 'bodies', 'highlights', 'meta']);
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
      expect(stores.sort()).toEqual(['articles', 'bodies', 'highlights', 'meta']);
    }
  });

  it('refuses a version that does not exist', async () => {
    await expect(openGlossaDb({ name: uniqueDbName(), version: LATEST_VERSION + 1 })).rejects.toThrow(RangeError);
    await expect(openGlossaDb({ name: uniqueDbName(), version: 0 })).rejects.toThrow(RangeError);
  });
});
