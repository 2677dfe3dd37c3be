/**
 * The content script's side of "subscribe from the current page", in a DOM: the feeds a page
 * declares are read when asked, relative hrefs resolved against the page's base, alternates that
 * are not feeds and non-http(s) links left out, each address once; and a page shown as plain text
 * (how Chromium shows RSS served as `application/rss+xml`) is told apart by its first bytes.
 */
import { describe, expect, it } from 'vitest';
import { collectPageFeeds } from '../../../lib/page/page-feeds';

/** A document at `url` (jsdom reads `URL` and `contentType` from how it was made). */
function page(html: string, url: string, type: DOMParserSupportedType = 'text/html'): Document {
  const doc = new DOMParser().parseFromString(html, type);
  Object.defineProperty(doc, 'URL', { value: url });
  return doc;
}

const HEAD = `<!doctype html><html><head>
  <link rel="alternate" type="application/rss+xml" title=" 半岛新闻 · 中文 \n RSS " href="feeds/zh.xml">
  <link rel="alternate" type="application/atom+xml" title="Atom" href="/atom.xml">
  <link rel="alternate" type="application/rss+xml" title="Blog-wide" href="https://news.example.cn/blog/feeds/zh.xml#x">
  <link rel="alternate" type="application/rss+xml" title="Duplicate" href="./feeds/zh.xml">
  <link rel="alternate" hreflang="en" href="/en/post.html">
  <link rel="alternate" type="text/html" href="/print.html">
  <link rel="alternate" type="application/rss+xml" title="Script" href="javascript:alert(1)">
  <link rel="alternate" type="application/rss+xml" title="Data" href="data:application/rss+xml,<rss/>">
  <link rel="stylesheet" type="application/rss+xml" href="/not-alternate.xml">
  <link rel="alternate feed" type="application/feed+json" title="JSON" href="//cdn.example.cn/feed.json">
</head><body><p>文章</p></body></html>`;

describe('collectPageFeeds', () => {
  it('finds the declared feeds, resolved against the page, each once, http(s) only', () => {
    const answer = collectPageFeeds(page(HEAD, 'https://news.example.cn/blog/2024/post.html'));
    expect(answer.feeds.map(({ url, title }) => ({ url, title }))).toEqual([
      { url: 'https://news.example.cn/blog/2024/feeds/zh.xml', title: '半岛新闻 · 中文 RSS' },
      { url: 'https://news.example.cn/atom.xml', title: 'Atom' },
      { url: 'https://news.example.cn/blog/feeds/zh.xml#x', title: 'Blog-wide' },
      { url: 'https://cdn.example.cn/feed.json', title: 'JSON' },
    ]);
    expect(answer.contentType).toBe('text/html');
    expect(answer.looksLikeFeed).toBe(false);
  });

  it('resolves against <base href> when the page has one', () => {
    const html = '<head><base href="/site/"><link rel="alternate" type="application/rss+xml" href="rss.xml"></head>';
    expect(collectPageFeeds(page(html, 'http://a.example/x/y/z.html')).feeds.map((f) => f.url)).toEqual([
      'http://a.example/site/rss.xml',
    ]);
  });

  it('reads the links at the moment it is asked (a script may add them after load)', () => {
    const doc = page('<head></head><body></body>', 'https://a.example/post');
    expect(collectPageFeeds(doc).feeds).toEqual([]);
    const link = doc.createElement('link');
    Object.assign(link, { rel: 'alternate', type: 'application/rss+xml', href: '/late.xml' });
    doc.head.append(link);
    expect(collectPageFeeds(doc).feeds.map((f) => f.url)).toEqual(['https://a.example/late.xml']);
  });

  it('says a page shown as plain text begins like a feed only when it does', () => {
    const asText = (text: string) => {
      const doc = page('<html><body><pre></pre></body></html>', 'https://a.example/feed');
      Object.defineProperty(doc, 'contentType', { value: 'text/plain' });
      (doc.querySelector('pre') as HTMLElement).textContent = text;
      return collectPageFeeds(doc);
    };
    expect(asText('<?xml version="1.0"?>\n<rss version="2.0"><channel>').looksLikeFeed).toBe(true);
    expect(asText('<feed xmlns="http://www.w3.org/2005/Atom">').looksLikeFeed).toBe(true);
    expect(asText('User-agent: *\nDisallow: /').looksLikeFeed).toBe(false);
  });

  it('never reads an HTML page’s text as a feed', () => {
    const doc = page('<body><pre>&lt;rss version="2.0"&gt;</pre></body>', 'https://a.example/post');
    expect(collectPageFeeds(doc).looksLikeFeed).toBe(false);
  });
});
