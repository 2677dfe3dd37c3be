/**
 * Feed articles' read state (the popup's "unread" filter): opening marks an article read once,
 * a refresh that brings the same entry again keeps it read, and an article no feed brought in
 * has no read state at all. Over the real schema in fake-indexeddb.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Library, openLibrary } from '../../../lib/storage';
import { uniqueDbName } from '../../support/library';

let library: Library;
afterEach(() => library?.close());

const readState = async () => new Map((await library.allFeedLinks()).map((l) => [l.articleId, l.readAt]));

describe('feed article read state', () => {
  it('marks feed articles read once, keeps them read across refreshes, and ignores other articles', async () => {
    library = await openLibrary({ name: uniqueDbName() });
    await library.linkFeedArticles('feed-1', ['a', 'b']);
    expect(await readState()).toEqual(
      new Map([
        ['a', undefined],
        ['b', undefined],
      ]),
    );

    expect(await library.markFeedArticlesRead(['a', 'saved-by-hand'], 10)).toEqual(['a']);
    // Read already: the first time stays.
    expect(await library.markFeedArticlesRead(['a'], 20)).toEqual([]);
    // The next refresh links the same entries again (and another feed may take one over).
    await library.linkFeedArticles('feed-1', ['a', 'b']);
    await library.linkFeedArticles('feed-2', ['a']);
    const links = await library.allFeedLinks();
    expect(links.find((l) => l.articleId === 'a')).toEqual({ articleId: 'a', feedId: 'feed-2', readAt: 10 });
    expect(links.find((l) => l.articleId === 'b')).toEqual({ articleId: 'b', feedId: 'feed-1' });
    expect((await readState()).has('saved-by-hand')).toBe(false);
  });
});
