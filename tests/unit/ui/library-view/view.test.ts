/**
 * Filtering and sorting the library list: each filter alone and combined, the three sort keys
 * (titles in pinyin order for a Chinese UI), and which views may use the storage's paged path.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../../../lib/model';
import {
  applyView,
  comparator,
  DEFAULT_VIEW,
  isDefaultView,
  type LibraryView,
  matchesView,
} from '../../../../lib/ui/library-view';
import { makeArticle } from '../../../support/library';

function meta(overrides: Partial<ArticleMeta> & { id: string }): ArticleMeta {
  const { html: _html, text: _text, ...rest } = makeArticle(overrides);
  return rest;
}

const LIBRARY: ArticleMeta[] = [
  meta({
    id: 'a',
    title: '张家界游记',
    savedAt: 3,
    published: '2022-01-10T00:00:00+08:00',
    tags: ['旅行'],
    categories: ['新媒体', 'Aljazeera 半岛网', '新闻'],
  }),
  meta({
    id: 'b',
    title: '北京的秋天',
    savedAt: 5,
    published: null,
    tags: ['Essay', '旅行'],
    archived: true,
    categories: ['文学'],
  }),
  meta({
    id: 'c',
    title: '安徽菜谱',
    savedAt: 4,
    published: '2023-06-01T12:00:00Z',
    tags: [],
    categories: ['新媒体', 'BBC', '新闻'],
  }),
  meta({
    id: 'd',
    title: 'Zebra crossings',
    savedAt: 1,
    published: '2021-03-03T00:00:00Z',
    tags: ['essay'],
    categories: ['web'],
  }),
];
const COUNTS = new Map([
  ['a', 2],
  ['d', 1],
]);
const ids = (list: ArticleMeta[]) => list.map((m) => m.id);
const view = (patch: Partial<LibraryView>): LibraryView => ({ ...DEFAULT_VIEW, ...patch });

describe('library view', () => {
  it('default view is everything, newest saved first (the storage order)', () => {
    expect(isDefaultView(DEFAULT_VIEW)).toBe(true);
    expect(ids(applyView(LIBRARY, COUNTS, DEFAULT_VIEW, 'en'))).toEqual(['b', 'c', 'a', 'd']);
  });

  it('any filter or another sort leaves the paged path', () => {
    expect(isDefaultView(view({ tag: 'x' }))).toBe(false);
    expect(isDefaultView(view({ category: 'BBC' }))).toBe(false);
    expect(isDefaultView(view({ highlights: 'with' }))).toBe(false);
    expect(isDefaultView(view({ archive: 'unarchived' }))).toBe(false);
    expect(isDefaultView(view({ feed: 'f1' }))).toBe(false);
    expect(isDefaultView(view({ read: 'unread' }))).toBe(false);
    expect(isDefaultView(view({ sort: 'title' }))).toBe(false);
  });

  it('filters by tag ignoring case and width', () => {
    expect(ids(applyView(LIBRARY, COUNTS, view({ tag: 'ESSAY' }), 'en'))).toEqual(['b', 'd']);
    expect(ids(applyView(LIBRARY, COUNTS, view({ tag: '旅行' }), 'en'))).toEqual(['b', 'a']);
  });

  it('filters by any level of the source category (section / source / channel)', () => {
    expect(ids(applyView(LIBRARY, COUNTS, view({ category: '新闻' }), 'en'))).toEqual(['c', 'a']);
    expect(ids(applyView(LIBRARY, COUNTS, view({ category: 'Aljazeera 半岛网' }), 'en'))).toEqual(['a']);
  });

  it('filters by highlights, with and without', () => {
    expect(ids(applyView(LIBRARY, COUNTS, view({ highlights: 'with' }), 'en'))).toEqual(['a', 'd']);
    expect(ids(applyView(LIBRARY, COUNTS, view({ highlights: 'without' }), 'en'))).toEqual(['b', 'c']);
  });

  it('filters by archive state', () => {
    expect(ids(applyView(LIBRARY, COUNTS, view({ archive: 'archived' }), 'en'))).toEqual(['b']);
    expect(ids(applyView(LIBRARY, COUNTS, view({ archive: 'unarchived' }), 'en'))).toEqual(['c', 'a', 'd']);
  });

  it('filters by feed and by unread: only feed articles have a read state', () => {
    const links = new Map([
      ['a', { articleId: 'a', feedId: 'f1' }],
      ['c', { articleId: 'c', feedId: 'f1', readAt: 7 }],
      ['d', { articleId: 'd', feedId: 'f2' }],
    ]);
    expect(ids(applyView(LIBRARY, COUNTS, view({ feed: 'f1' }), 'en', links))).toEqual(['c', 'a']);
    expect(ids(applyView(LIBRARY, COUNTS, view({ read: 'unread' }), 'en', links))).toEqual(['a', 'd']);
    expect(ids(applyView(LIBRARY, COUNTS, view({ feed: 'f1', read: 'unread' }), 'en', links))).toEqual(['a']);
    // Without links (no feeds), a feed filter keeps nothing and so does "unread".
    expect(ids(applyView(LIBRARY, COUNTS, view({ read: 'unread' }), 'en'))).toEqual([]);
  });

  it('combines filters', () => {
    const v = view({ tag: '旅行', archive: 'unarchived', highlights: 'with', category: '新媒体' });
    expect(ids(applyView(LIBRARY, COUNTS, v, 'en'))).toEqual(['a']);
    expect(matchesView(LIBRARY[1] as ArticleMeta, 0, v)).toBe(false);
  });

  it('sorts by publication date, newest first, undated last', () => {
    expect(ids(applyView(LIBRARY, COUNTS, view({ sort: 'published' }), 'en'))).toEqual(['c', 'a', 'd', 'b']);
  });

  it('sorts titles in pinyin order for a Chinese UI', () => {
    const zh = applyView(LIBRARY, COUNTS, view({ sort: 'title' }), 'zh-CN').map((m) => m.title);
    // an-hui, bei-jing, zhang-jia-jie: pinyin, not code-point order (北 U+5317 < 安 U+5B89 < 张 U+5F20).
    expect(zh.filter((t) => /\p{Script=Han}/u.test(t))).toEqual(['安徽菜谱', '北京的秋天', '张家界游记']);
    expect(zh).toContain('Zebra crossings');
  });

  it('sorts numbers in titles numerically and breaks ties by saved date', () => {
    const list = [
      meta({ id: 'x', title: 'Part 10', savedAt: 1 }),
      meta({ id: 'y', title: 'Part 2', savedAt: 1 }),
      meta({ id: 'z', title: 'part 2', savedAt: 9 }),
    ];
    expect(ids(list.sort(comparator('title', 'en')))).toEqual(['z', 'y', 'x']);
  });

  it('leaves its input alone', () => {
    const copy = [...LIBRARY];
    applyView(LIBRARY, COUNTS, view({ sort: 'title' }), 'en');
    expect(LIBRARY).toEqual(copy);
  });
});
