/** Highlight repository: storage, tombstones, live counts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Library, openLibrary } from '../../../lib/storage';
import { makeHighlight, uniqueDbName, unstamped, unstampedAll } from '../../support/library';

let library: Library;

beforeEach(async () => {
  library = await openLibrary({ name: uniqueDbName() });
});

afterEach(() => {
  library.close();
});

describe('highlights', () => {
  it('stores a highlight whose article does not exist yet (sync order is not guaranteed)', async () => {
    const highlight = makeHighlight({ id: 'h1', articleId: 'later', note: 'A **note**' });
    await library.putHighlight(highlight);
    expect(unstamped(await library.getHighlight('h1'))).toEqual(highlight);
  });

  it('lists an article’s live highlights oldest first, tombstones only on request', async () => {
    const late = makeHighlight({ id: 'h-late', articleId: 'a1', createdAt: 3_000 });
    const early = makeHighlight({ id: 'h-early', articleId: 'a1', createdAt: 1_000 });
    const gone = makeHighlight({ id: 'h-gone', articleId: 'a1', createdAt: 2_000, deleted: true });
    const other = makeHighlight({ id: 'h-other', articleId: 'a2' });
    for (const h of [late, early, gone, other]) await library.putHighlight(h);

    expect(unstampedAll(await library.listHighlights('a1'))).toEqual([early, late]);
    expect(unstampedAll(await library.listHighlights('a1', { includeDeleted: true }))).toEqual([early, gone, late]);
    expect(await library.listHighlights('none')).toEqual([]);
  });

  it('deleteHighlight tombstones with the given time and keeps the record', async () => {
    await library.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1', updatedAt: 1_000 }));
    expect(await library.deleteHighlight('h1', 5_000)).toBe(true);
    expect(await library.getHighlight('h1')).toMatchObject({ id: 'h1', deleted: true, updatedAt: 5_000 });
    expect(await library.listHighlights('a1')).toEqual([]);

    // Deleting again is not a new change for sync.
    expect(await library.deleteHighlight('h1', 9_000)).toBe(true);
    expect(await library.getHighlight('h1')).toMatchObject({ updatedAt: 5_000 });
    expect(await library.deleteHighlight('missing', 9_000)).toBe(false);
  });

  it('counts only live highlights, per article and for a page of articles', async () => {
    await library.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1' }));
    await library.putHighlight(makeHighlight({ id: 'h2', articleId: 'a1' }));
    await library.putHighlight(makeHighlight({ id: 'h3', articleId: 'a1', deleted: true }));
    await library.putHighlight(makeHighlight({ id: 'h4', articleId: 'a2' }));

    expect(await library.countHighlights('a1')).toBe(2);
    expect(await library.countHighlights('none')).toBe(0);
    const counts = await library.highlightCounts(['a1', 'a2', 'a3', 'a1']);
    expect([...counts]).toEqual([
      ['a1', 2],
      ['a2', 1],
      ['a3', 0],
    ]);
    expect(await library.highlightCounts([])).toEqual(new Map());
  });
});
