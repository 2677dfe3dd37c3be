/** Filter menus: tags and categories in use with their counts, and live highlight counts. */
import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../../../lib/model';
import { libraryFacets, liveHighlightCounts } from '../../../../lib/ui/library-view';
import { makeArticle, makeHighlight } from '../../../support/library';

function meta(overrides: Partial<ArticleMeta> & { id: string }): ArticleMeta {
  const { html: _html, text: _text, ...rest } = makeArticle(overrides);
  return rest;
}

describe('facets', () => {
  it('counts each tag once per article, merging case and width, keeping the first spelling', () => {
    const facets = libraryFacets(
      [
        meta({ id: 'a', tags: ['Essay', '旅行'], categories: ['新媒体', 'BBC'] }),
        meta({ id: 'b', tags: ['ｅｓｓａｙ'], categories: ['新媒体'] }),
        meta({ id: 'c', tags: [], categories: ['新媒体', '新媒体'] }),
      ],
      'zh-CN',
    );
    expect(facets.tags).toEqual([
      { value: '旅行', count: 1 },
      { value: 'Essay', count: 2 },
    ]);
    expect(facets.categories).toEqual([
      { value: '新媒体', count: 3 },
      { value: 'BBC', count: 1 },
    ]);
  });

  it('counts live highlights per article and ignores tombstones', () => {
    const counts = liveHighlightCounts([
      makeHighlight({ id: '1', articleId: 'a' }),
      makeHighlight({ id: '2', articleId: 'a' }),
      makeHighlight({ id: '3', articleId: 'a', deleted: true }),
      makeHighlight({ id: '4', articleId: 'b', deleted: true }),
    ]);
    expect([...counts]).toEqual([['a', 2]]);
  });
});
