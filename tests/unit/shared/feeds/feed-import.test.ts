/**
 * Entries become articles through the shared path — the real sanitizer (jsdom), the one
 * validator and the real library (fake-indexeddb): origin `feed`, the feed's title as source
 * and first category, relative links resolved, duplicates removed (guid → link → content hash),
 * an edited entry updating its article without touching highlights, a deleted one staying deleted.
 */
import { describe, expect, it } from 'vitest';
import { type Feed, HIGHLIGHT_SCHEMA, type Highlight } from '../../../../lib/model';
import { articleIdFor } from '../../../../lib/shared/article/ids';
import { sanitizeArticleHtml } from '../../../../lib/shared/article/sanitize';
import { importFeedEntries } from '../../../../lib/shared/feeds/feed-import';
import { parseFeedText } from '../../../../lib/shared/feeds/parse-feed';
import { type Library, openLibrary } from '../../../../lib/storage';
import { uniqueDbName, unstampedAll } from '../../../support/library';
import { fixtureText } from './fixtures';

function feedOf(name: string, url = 'https://chinese.example.net/feed/'): Feed {
  const result = parseFeedText(fixtureText(name), url);
  if (!result.ok) throw new Error(result.error.detail);
  return result.value;
}

function depsFor(lib: Library, clock: { now: number }) {
  return {
    prepare: (html: string, baseUrl: string | null) =>
      sanitizeArticleHtml(html, window, { baseUrl: baseUrl ?? undefined }),
    store: (article: Parameters<Library['upsertArticle']>[0]) => lib.upsertArticle(article, { keepDeleted: true }),
    now: () => clock.now,
  };
}

const SOURCE = { subscriptionId: 's_1', title: '半岛新闻 · 中文' };

describe('importFeedEntries', () => {
  it('stores each entry as a feed article with Chinese titles, source, categories and absolute links', async () => {
    const lib = await openLibrary({ name: uniqueDbName() });
    const report = await importFeedEntries(feedOf('rss2-zh-utf8.xml'), SOURCE, depsFor(lib, { now: 1_000 }));
    expect(report.errors).toEqual([]);
    expect(report.created).toBe(3);
    expect(report.results.map((r) => r.hasFullContent)).toEqual([true, false, false]);
    const [first] = report.results;
    const article = await lib.getArticle(first?.id ?? '');
    expect(article).toMatchObject({
      origin: 'feed',
      title: '华盛顿与基辅就莫斯科危机进行磋商',
      url: 'https://chinese.example.net/news/2021/12/10/washington-kyiv',
      author: '半岛网编辑部',
      source: '半岛新闻 · 中文',
      categories: ['半岛新闻 · 中文', '新闻', '国际'],
      published: '2021-12-10T10:20:36Z',
      lang: 'zh-CN',
      heroImage: 'https://chinese.example.net/wp-content/uploads/2021/12/image-31.jpg',
      savedAt: 1_000,
    });
    expect(article?.html).toContain('src="https://chinese.example.net/wp-content/uploads/2021/12/image-31.jpg"');
    expect(article?.text).toContain('俄罗斯军事集结');
    lib.close();
  });

  it('gives an entry keyed by its link the id a web save of that page gets; other guids are per subscription', async () => {
    const lib = await openLibrary({ name: uniqueDbName() });
    const feed = feedOf('rss2-zh-utf8.xml');
    const one = await importFeedEntries(feed, SOURCE, depsFor(lib, { now: 1 }));
    const other = await importFeedEntries(feed, { ...SOURCE, subscriptionId: 's_2' }, depsFor(lib, { now: 1 }));
    const webId = (url: string) => articleIdFor({ url, title: '', published: null, source: null });
    // Entry 2's guid is its link; entry 3 has no guid: both are the page's identity.
    expect(one.results[1]?.id).toBe(await webId('https://chinese.example.net/news/2021/12/11/un-ceasefire'));
    expect(one.results[2]?.id).toBe(await webId('https://chinese.example.net/news/2021/12/12/climate'));
    expect(other.results[1]?.id).toBe(one.results[1]?.id);
    // Entry 1's guid is not its link: it names the entry only within its feed.
    expect(one.results[0]?.id).not.toBe(await webId('https://chinese.example.net/news/2021/12/10/washington-kyiv'));
    expect(other.results[0]?.id).not.toBe(one.results[0]?.id);
    lib.close();
  });

  it('resolves relative links in Atom content against xml:base', async () => {
    const lib = await openLibrary({ name: uniqueDbName() });
    const report = await importFeedEntries(
      feedOf('atom.xml', 'https://blog.example.org/atom.xml'),
      { subscriptionId: 's', title: '读书笔记' },
      depsFor(lib, { now: 1 }),
    );
    const first = await lib.getArticle(report.results[0]?.id ?? '');
    expect(first?.html).toContain('href="https://blog.example.org/notes/1"');
    expect(first?.html).toContain('src="https://blog.example.org/img/stone.png"');
    const second = await lib.getArticle(report.results[1]?.id ?? '');
    expect(second?.html).toContain('href="https://cdn.example.org/essays/further.html"');
    lib.close();
  });

  it('imports each duplicate once: by guid (newest wins), by link (fragment aside), by content', async () => {
    const lib = await openLibrary({ name: uniqueDbName() });
    const report = await importFeedEntries(
      feedOf('rss-duplicates.xml'),
      { subscriptionId: 's', title: 'Dup' },
      depsFor(lib, { now: 1 }),
    );
    expect(report.results.map((r) => r.key)).toEqual([
      'guid:post-1',
      'url:https://dup.example.com/2',
      expect.stringMatching(/^hash:[0-9a-f]{64}$/),
    ]);
    expect((await lib.getArticle(report.results[0]?.id ?? ''))?.title).toBe('One (new)');
    expect(await lib.countArticles()).toBe(3);
    lib.close();
  });

  it('updates an edited entry in place, keeps its highlights, and keeps a deleted entry deleted', async () => {
    const lib = await openLibrary({ name: uniqueDbName() });
    const clock = { now: 1_000 };
    const feed = feedOf('rss2-zh-utf8.xml');
    const first = await importFeedEntries(feed, SOURCE, depsFor(lib, clock));
    const id = first.results[1]?.id ?? '';
    const highlight: Highlight = {
      schema: HIGHLIGHT_SCHEMA,
      id: '7d3c9a52-0b7e-4d2a-9c1e-5a6b7c8d9e0f',
      articleId: id,
      kind: 'highlight',
      selectors: [{ type: 'TextQuoteSelector', exact: '立即停火', prefix: '呼吁各方', suffix: '，恢复对话' }],
      color: 'green',
      note: '',
      createdAt: 1_500,
      updatedAt: 1_500,
      deleted: false,
    };
    await lib.putHighlight(highlight);
    await lib.deleteArticle(first.results[2]?.id ?? '', 1_600);

    clock.now = 9_000;
    const same = await importFeedEntries(feed, SOURCE, depsFor(lib, clock));
    expect(same.results.map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'deleted-before']);
    expect(same.created).toBe(0);

    const edited: Feed = {
      ...feed,
      entries: feed.entries.map((e, i) => (i === 1 ? { ...e, html: `${e.html}<p>更新：双方同意会谈。</p>` } : e)),
    };
    const again = await importFeedEntries(edited, SOURCE, depsFor(lib, clock));
    expect(again.results[1]).toMatchObject({ id, status: 'updated' });
    expect((await lib.getArticle(id))?.text).toContain('双方同意会谈');
    expect((await lib.getArticleMeta(id))?.savedAt).toBe(1_000);
    expect(unstampedAll(await lib.listHighlights(id))).toEqual([highlight]);
    lib.close();
  });

  it('keeps link-only and untitled entries, and reports an empty one while the rest import', async () => {
    const lib = await openLibrary({ name: uniqueDbName() });
    const base = feedOf('rss-relative.xml', 'https://r.example/feed.xml');
    const blank = {
      ...base.entries[0],
      guid: null,
      link: null,
      title: 'Empty',
      html: '<p> </p>',
    } as Feed['entries'][number];
    const linkOnly = {
      ...base.entries[0],
      guid: null,
      link: 'https://r.example/only-link',
      title: 'Only a link',
      html: '',
    } as Feed['entries'][number];
    const feed: Feed = { ...base, entries: [...base.entries, blank, linkOnly] };
    const report = await importFeedEntries(
      feed,
      { subscriptionId: 's', title: 'Relative Links' },
      depsFor(lib, { now: 1 }),
    );
    expect(report.errors).toEqual([{ file: 'Empty', code: 'empty-body', message: expect.stringContaining('Empty: ') }]);
    expect(report.results).toHaveLength(4);
    const untitled = await lib.getArticle(report.results[2]?.id ?? '');
    expect(untitled?.title).toBe('No title, no link, no date.');
    expect(untitled?.html).toContain('No title');
    const onlyLink = await lib.getArticle(report.results[3]?.id ?? '');
    expect(onlyLink?.html).toContain('href="https://r.example/only-link"');
    expect(report.results[3]?.hasFullContent).toBe(false);
    lib.close();
  });
});
