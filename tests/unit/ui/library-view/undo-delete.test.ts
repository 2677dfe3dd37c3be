/**
 * Deleting an article with undo, on the real library (fake-indexeddb): undo brings back the
 * article record and exactly the highlights the deletion tombstoned, not ones deleted before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Library, openLibrary } from '../../../../lib/storage';
import { deleteWithUndo, undoDelete } from '../../../../lib/ui/library-view';
import { makeArticle, makeHighlight, uniqueDbName } from '../../../support/library';

let library: Library;
beforeEach(async () => {
  library = await openLibrary({ name: uniqueDbName() });
});
afterEach(() => library.close());

describe('delete with undo', () => {
  it('deletes the article and its live highlights, and undo restores both as they were', async () => {
    await library.upsertArticle(makeArticle({ id: 'a', tags: ['外交'], archived: true, savedAt: 1234 }));
    await library.putHighlight(makeHighlight({ id: 'h1', articleId: 'a', color: 'blue', note: '注意' }));
    await library.putHighlight(makeHighlight({ id: 'h2', articleId: 'a', createdAt: 2_500, updatedAt: 2_500 }));
    await library.putHighlight(makeHighlight({ id: 'gone', articleId: 'a', deleted: true, updatedAt: 2_600 }));

    const deleted = await deleteWithUndo(library, 'a', 10_000);
    if (!deleted) throw new Error('the article was there');
    expect(deleted.highlights.map((h) => h.id)).toEqual(['h1', 'h2']);
    expect(await library.getArticle('a')).toBeUndefined();
    expect(await library.listHighlights('a')).toEqual([]);

    await undoDelete(library, deleted, 20_000);
    const restored = await library.getArticle('a');
    expect(restored).toMatchObject({
      id: 'a',
      tags: ['外交'],
      archived: true,
      savedAt: 1234,
      html: '<p>Body of a</p>',
    });
    const live = await library.listHighlights('a');
    expect(live.map((h) => [h.id, h.color, h.note, h.deleted])).toEqual([
      ['h1', 'blue', '注意', false],
      ['h2', 'yellow', '', false],
    ]);
    // Newer than the tombstone, so sync carries the un-delete.
    for (const h of live) expect(h.updatedAt).toBeGreaterThan(10_000);
    expect((await library.getHighlight('gone'))?.deleted).toBe(true);
  });

  it('answers null for an article that is not there and deletes nothing', async () => {
    await library.putHighlight(makeHighlight({ id: 'h', articleId: 'missing' }));
    expect(await deleteWithUndo(library, 'missing')).toBeNull();
    expect(await library.listHighlights('missing')).toHaveLength(1);
  });
});
