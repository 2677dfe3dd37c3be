/** Paging the library: order, ties on savedAt, deletions between pages, bad input. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../../lib/model';
import { type Library, openLibrary } from '../../../lib/storage';
import { makeArticle, uniqueDbName } from '../../support/library';

let library: Library;

beforeEach(async () => {
  library = await openLibrary({ name: uniqueDbName() });
});

afterEach(() => {
  library.close();
});

/** Library order: newest savedAt first, ties by id descending (the index's reverse order). */
function libraryOrder(a: Pick<ArticleMeta, 'savedAt' | 'id'>, b: Pick<ArticleMeta, 'savedAt' | 'id'>): number {
  return b.savedAt - a.savedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Follows `next` until the end, returning every page. */
async function allPages(limit: number): Promise<ArticleMeta[][]> {
  const pages: ArticleMeta[][] = [];
  let cursor: string | null = null;
  do {
    const page = await library.listArticles({ limit, cursor });
    pages.push(page.items);
    cursor = page.next;
  } while (cursor !== null);
  return pages;
}

describe('listArticles', () => {
  it('pages 250 articles with many equal savedAt values, each exactly once, in order', async () => {
    // Inserted in a scrambled order; savedAt repeats in runs of up to 9 to straddle page edges.
    const seeds = Array.from({ length: 250 }, (_, i) => ({
      id: `art-${String((i * 37) % 250).padStart(3, '0')}`,
      savedAt: 10_000 + Math.floor(i / 9) * 100,
    }));
    for (const seed of seeds) await library.upsertArticle(makeArticle(seed));

    const pages = await allPages(30);

    expect(pages.map((p) => p.length)).toEqual([30, 30, 30, 30, 30, 30, 30, 30, 10]);
    const listed = pages.flat().map(({ id, savedAt }) => ({ id, savedAt }));
    expect(listed).toEqual([...seeds].sort(libraryOrder));
    expect(new Set(listed.map((a) => a.id)).size).toBe(250);
  });

  it('pages correctly when every article has the same savedAt (one bulk import)', async () => {
    for (let i = 0; i < 25; i += 1) await library.upsertArticle(makeArticle({ id: `b${i}`, savedAt: 500 }));
    const ids = (await allPages(4)).flat().map((a) => a.id);
    expect(ids).toEqual(
      Array.from({ length: 25 }, (_, i) => `b${i}`)
        .sort()
        .reverse(),
    );
  });

  it('returns no cursor when the last page is exactly full', async () => {
    for (let i = 0; i < 4; i += 1) await library.upsertArticle(makeArticle({ id: `c${i}`, savedAt: i }));
    expect(await allPages(2)).toHaveLength(2);
    expect(await library.listArticles({ limit: 10 })).toMatchObject({ next: null });
  });

  it('continues after the last item even if it was deleted between pages', async () => {
    for (let i = 0; i < 6; i += 1) await library.upsertArticle(makeArticle({ id: `d${i}`, savedAt: 100 }));
    const first = await library.listArticles({ limit: 3 });
    expect(first.items.map((a) => a.id)).toEqual(['d5', 'd4', 'd3']);
    await library.deleteArticle('d3');
    const second = await library.listArticles({ limit: 3, cursor: first.next });
    expect(second.items.map((a) => a.id)).toEqual(['d2', 'd1', 'd0']);
    expect(second.next).toBeNull();
  });

  it('lists metas only (no bodies) and an empty library as one empty page', async () => {
    expect(await library.listArticles({ limit: 5 })).toEqual({ items: [], next: null });
    await library.upsertArticle(makeArticle({ id: 'e1' }));
    const [item] = (await library.listArticles({ limit: 5 })).items;
    expect(item).toBeDefined();
    expect(item && ('html' in item || 'text' in item)).toBe(false);
  });

  it('rejects a bad limit or a cursor it did not issue', async () => {
    await expect(library.listArticles({ limit: 0 })).rejects.toThrow(RangeError);
    await expect(library.listArticles({ limit: 2.5 })).rejects.toThrow(RangeError);
    await expect(library.listArticles({ limit: 5, cursor: 'garbage' })).rejects.toThrow(RangeError);
    await expect(library.listArticles({ limit: 5, cursor: '["1", 2]' })).rejects.toThrow(RangeError);
  });
});
