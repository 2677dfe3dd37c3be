/**
 * Discovery on a page written for the test (tests/fixtures/feeds/page-with-alternates.html): the
 * declared feeds with relative, root-relative and protocol-relative hrefs against `<base>`, the
 * non-feed alternates and the `javascript:` one left out; and telling a feed response from a page.
 */
import { describe, expect, it } from 'vitest';
import { discoverFeeds, MAX_DISCOVERED, sniffFeed } from '../../../../lib/shared/feeds/discover';
import { fixtureText } from './fixtures';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('discoverFeeds', () => {
  it('finds the declared feeds, resolved against <base>, each once, http(s) only', () => {
    const doc = parse(fixtureText('page-with-alternates.html'));
    expect(discoverFeeds(doc, 'https://site.example.cn/blog/2024/post.html')).toEqual([
      { url: 'https://site.example.cn/blog/feed.xml', title: '全部文章 RSS', type: 'application/rss+xml' },
      { url: 'https://site.example.cn/atom.xml', title: 'Atom', type: 'application/atom+xml' },
      { url: 'https://site.example.cn/feed.json', title: '', type: 'application/feed+json' },
    ]);
  });

  it('resolves against the page URL when there is no <base>, and ignores JSON that is not an alternate', () => {
    const doc = parse(
      '<head><link rel="alternate" type="application/rss+xml" href="../rss"><link rel="feed" type="application/json" href="/api"></head>',
    );
    expect(discoverFeeds(doc, 'http://a.example/x/y/z').map((f) => f.url)).toEqual(['http://a.example/x/rss']);
  });

  it('reports at most 10 feeds from a page that declares thousands', () => {
    expect(MAX_DISCOVERED).toBe(10);
    const links = Array.from(
      { length: 5000 },
      (_, i) => `<link rel="alternate" type="application/rss+xml" href="/f${i}">`,
    );
    expect(discoverFeeds(parse(`<head>${links.join('')}</head>`), 'https://x.example/')).toHaveLength(MAX_DISCOVERED);
  });
});

describe('sniffFeed', () => {
  it('trusts feed MIME types', () => {
    expect(sniffFeed('application/rss+xml; charset=gbk', '')).toBe('rss');
    expect(sniffFeed('application/atom+xml', '')).toBe('atom');
    expect(sniffFeed('application/feed+json', '')).toBe('json');
  });

  it('looks at the first bytes for generic types', () => {
    expect(sniffFeed('text/xml', fixtureText('rss2-zh-utf8.xml'))).toBe('rss');
    expect(sniffFeed('application/xml', fixtureText('atom.xml'))).toBe('atom');
    expect(sniffFeed('text/html', fixtureText('rdf.xml'))).toBe('rdf');
    expect(sniffFeed('application/json', fixtureText('json-feed.json'))).toBe('json');
    expect(sniffFeed(null, '\uFEFF<!-- generated --><?xml-stylesheet href="x"?><rss version="2.0">')).toBe('rss');
  });

  it('says no for pages, OPML and other JSON', () => {
    expect(sniffFeed('text/html', fixtureText('not-a-feed.html'))).toBeNull();
    expect(sniffFeed('text/xml', fixtureText('subscriptions.opml'))).toBeNull();
    expect(sniffFeed('application/json', '{"data": [1, 2]}')).toBeNull();
    expect(sniffFeed('text/html', '<p>about <rss> feeds</p>')).toBeNull();
  });
});
