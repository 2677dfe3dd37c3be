/** Article repository: CRUD, upsert semantics, user fields, deletion tombstones. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Library, openLibrary } from '../../../lib/storage';
import { makeArticle, makeHighlight, uniqueDbName, unstamped, unstampedAll } from '../../support/library';

let library: Library;

beforeEach(async () => {
  library = await openLibrary({ name: uniqueDbName() });
});

afterEach(() => {
  library.close();
});

describe('upsertArticle', () => {
  it('creates a new article, readable whole, as meta, and by URL', async () => {
    const article = makeArticle({ id: 'a1' });
    expect(await library.upsertArticle(article)).toBe('created');

    expect(unstamped(await library.getArticle('a1'))).toEqual(article);
    const { html: _html, text: _text, ...meta } = article;
    expect(unstamped(await library.getArticleMeta('a1'))).toEqual(meta);
    expect(unstamped(await library.findArticleByUrl('https://example.com/a1'))).toEqual(meta);
    expect(await library.countArticles()).toBe(1);
  });

  it('reports unchanged and writes nothing when hash and source metadata are equal', async () => {
    await library.upsertArticle(makeArticle({ id: 'a1', savedAt: 1_000, updatedAt: 1_000 }));
    await library.updateArticleFields('a1', { tags: ['mine'] }, 1_500);

    // A re-import stamps new times and empty user fields; none of that is a change.
    const again = makeArticle({ id: 'a1', savedAt: 9_000, updatedAt: 9_000, tags: [], archived: false });
    expect(await library.upsertArticle(again)).toBe('unchanged');
    expect(await library.getArticleMeta('a1')).toMatchObject({ savedAt: 1_000, updatedAt: 1_500, tags: ['mine'] });
  });

  it('updates body and source metadata but keeps savedAt, tags, archived and highlights', async () => {
    await library.upsertArticle(makeArticle({ id: 'a1', savedAt: 1_000, updatedAt: 1_000 }));
    await library.updateArticleFields('a1', { tags: ['keep'], archived: true }, 1_200);
    const highlight = makeHighlight({ id: 'h1', articleId: 'a1' });
    await library.putHighlight(highlight);

    const revised = makeArticle({
      id: 'a1',
      title: 'Revised',
      contentHash: 'hash-2',
      html: '<p>New body</p>',
      text: 'New body',
      savedAt: 5_000,
      updatedAt: 5_000,
    });
    expect(await library.upsertArticle(revised)).toBe('updated');

    expect(unstamped(await library.getArticle('a1'))).toEqual({
      ...revised,
      savedAt: 1_000,
      tags: ['keep'],
      archived: true,
      updatedAt: 5_000,
    });
    expect(unstampedAll(await library.listHighlights('a1'))).toEqual([highlight]);
  });

  it('treats a metadata-only change (same hash) as an update', async () => {
    await library.upsertArticle(makeArticle({ id: 'a1' }));
    expect(await library.upsertArticle(makeArticle({ id: 'a1', categories: ['news', 'Other'] }))).toBe('updated');
    expect((await library.getArticleMeta('a1'))?.categories).toEqual(['news', 'Other']);
    expect((await library.getArticle('a1'))?.text).toBe('Body of a1');
  });

  it('never moves updatedAt backwards on update', async () => {
    await library.upsertArticle(makeArticle({ id: 'a1', updatedAt: 8_000 }));
    await library.upsertArticle(makeArticle({ id: 'a1', title: 'Older import', updatedAt: 2_000 }));
    expect(await library.getArticleMeta('a1')).toMatchObject({ title: 'Older import', updatedAt: 8_000 });
  });
});

describe('reads of missing articles', () => {
  it('return undefined', async () => {
    expect(await library.getArticle('nope')).toBeUndefined();
    expect(await library.getArticleMeta('nope')).toBeUndefined();
    expect(await library.findArticleByUrl('https://example.com/nope')).toBeUndefined();
    expect(await library.updateArticleFields('nope', { archived: true })).toBeUndefined();
  });

  it('articles without a URL are stored and simply not found by URL', async () => {
    expect(await library.upsertArticle(makeArticle({ id: 'post', url: null }))).toBe('created');
    expect((await library.getArticleMeta('post'))?.url).toBeNull();
  });
});

describe('updateArticleFields', () => {
  it('changes only tags and archived, and bumps updatedAt', async () => {
    await library.upsertArticle(makeArticle({ id: 'a1', updatedAt: 1_000 }));
    const updated = await library.updateArticleFields('a1', { archived: true }, 3_000);
    expect(updated).toMatchObject({ archived: true, tags: [], updatedAt: 3_000, title: 'Title a1' });
    expect(unstamped(await library.getArticleMeta('a1'))).toEqual(unstamped(updated));
  });
});

describe('deleteArticle', () => {
  it('removes meta and body and tombstones (never removes) its highlights', async () => {
    await library.upsertArticle(makeArticle({ id: 'a1' }));
    await library.upsertArticle(makeArticle({ id: 'a2' }));
    await library.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1' }));
    await library.putHighlight(makeHighlight({ id: 'h2', articleId: 'a1', deleted: true, updatedAt: 2_500 }));
    await library.putHighlight(makeHighlight({ id: 'h3', articleId: 'a2' }));

    expect(await library.deleteArticle('a1', 7_000)).toBe(true);

    expect(await library.getArticle('a1')).toBeUndefined();
    expect(await library.countArticles()).toBe(1);
    expect(await library.getHighlight('h1')).toMatchObject({ deleted: true, updatedAt: 7_000 });
    // An existing tombstone keeps its own time: it is not a new change.
    expect(await library.getHighlight('h2')).toMatchObject({ deleted: true, updatedAt: 2_500 });
    expect(await library.getHighlight('h3')).toMatchObject({ deleted: false });
    expect(await library.listHighlights('a1', { includeDeleted: true })).toHaveLength(2);
  });

  it('reports false for an unknown id but still tombstones highlights that arrived first', async () => {
    await library.putHighlight(makeHighlight({ id: 'h1', articleId: 'ghost' }));
    expect(await library.deleteArticle('ghost', 4_000)).toBe(false);
    expect(await library.getHighlight('h1')).toMatchObject({ deleted: true, updatedAt: 4_000 });
  });
});

describe('meta store', () => {
  it('round-trips values and returns undefined for unknown keys', async () => {
    expect(await library.getMeta('seeds:importedVersion')).toBeUndefined();
    await library.setMeta('seeds:importedVersion', '0.1.0');
    await library.setMeta('sync', { checkpoint: 42 });
    expect(await library.getMeta('seeds:importedVersion')).toBe('0.1.0');
    expect(await library.getMeta<{ checkpoint: number }>('sync')).toEqual({ checkpoint: 42 });
  });
});
