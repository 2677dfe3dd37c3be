// @vitest-environment node
/**
 * Every format issue 17 names, read from fixtures written for it: RSS 2.0 (CDATA, entity-encoded
 * HTML, RFC 822 dates with and without a zone), RSS 1.0/RDF, Atom 1.0 (`type="html"` and
 * `"xhtml"`, `xml:base`), JSON Feed 1.1, relative links, missing fields; and the refusals by name.
 */
import { describe, expect, it } from 'vitest';
import type { Feed, FeedEntry, FeedErrorCode } from '../../../../lib/model';
import { MAX_FEED_BYTES } from '../../../../lib/shared/feeds/decode';
import { parseFeedText } from '../../../../lib/shared/feeds/parse-feed';
import { MAX_ATTRIBUTES, MAX_ELEMENTS, MAX_FEED_ITEMS } from '../../../../lib/shared/feeds/xml-scan';
import { fixtureText } from './fixtures';

const FEED_URL = 'https://feeds.example.com/path/feed.xml';

function parsed(name: string, url = FEED_URL): Feed {
  const result = parseFeedText(fixtureText(name), url);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.detail}`);
  return result.value;
}

const entry = (feed: Feed, index: number): FeedEntry => {
  const found = feed.entries[index];
  if (!found) throw new Error(`no entry ${index}`);
  return found;
};

const refusal = (text: string): FeedErrorCode | null => {
  const result = parseFeedText(text, FEED_URL);
  return result.ok ? null : result.error.code;
};

describe('RSS 2.0', () => {
  const feed = parsed('rss2-zh-utf8.xml');

  it('reads the channel', () => {
    expect(feed).toMatchObject({
      format: 'rss',
      title: '半岛新闻 · 中文',
      siteUrl: 'https://chinese.example.net/',
      lang: 'zh-CN',
    });
    expect(feed.entries).toHaveLength(3);
  });

  it('prefers content:encoded (CDATA) as full text and keeps the guid, author and categories', () => {
    const first = entry(feed, 0);
    expect(first).toMatchObject({
      guid: 'https://chinese.example.net/?p=239678',
      link: 'https://chinese.example.net/news/2021/12/10/washington-kyiv',
      title: '华盛顿与基辅就莫斯科危机进行磋商',
      author: '半岛网编辑部',
      published: '2021-12-10T10:20:36Z',
      categories: ['新闻', '国际'],
      hasFullContent: true,
    });
    expect(first.html).toContain('<h3>俄罗斯军事集结</h3>');
    // Relative images inside the content resolve against the entry's page.
    expect(first.baseUrl).toBe(first.link);
  });

  it('decodes entity-encoded HTML once and keeps the zone a date was written in', () => {
    const second = entry(feed, 1);
    expect(second.title).toBe('联合国秘书长呼吁停火 & 对话');
    expect(second.html).toBe('<p>联合国秘书长古特雷斯周六呼吁各方<strong>立即停火</strong>，恢复对话。</p>');
    expect(second.author).toBe('王小明');
    expect(second.published).toBe('2021-12-11T18:05:00+08:00');
    expect(second.hasFullContent).toBe(false);
  });

  it('reads a date without a zone as UTC and an entry without guid', () => {
    expect(entry(feed, 2)).toMatchObject({ guid: null, published: '2021-12-12T08:00:00Z', author: null });
  });
});

describe('RSS 1.0 (RDF)', () => {
  it('reads items with Dublin Core authors, dates and subjects', () => {
    const feed = parsed('rdf.xml');
    expect(feed).toMatchObject({ format: 'rdf', title: '技术日报', siteUrl: 'https://rdf.example.jp/' });
    expect(entry(feed, 0)).toMatchObject({
      guid: 'https://rdf.example.jp/a/1',
      author: '陈工',
      published: '2024-05-01T10:00:00+09:00',
      categories: ['浏览器'],
      hasFullContent: true,
    });
    expect(entry(feed, 1)).toMatchObject({ published: '2024-05-02T00:00:00Z', hasFullContent: false });
  });
});

describe('Atom 1.0', () => {
  const feed = parsed('atom.xml');

  it('resolves links against xml:base on the feed and on the entry', () => {
    expect(feed.siteUrl).toBe('https://blog.example.org/');
    expect(entry(feed, 0).link).toBe('https://blog.example.org/posts/hongloumeng');
    expect(entry(feed, 1).link).toBe('https://cdn.example.org/essays/rhythm.html');
    expect(entry(feed, 1).baseUrl).toBe('https://cdn.example.org/essays/');
  });

  it('turns a type="html" title into text without splitting the Chinese', () => {
    expect(entry(feed, 0).title).toBe('《红楼梦》重读札记');
  });

  it('reads type="html" content as HTML and type="xhtml" content as its inner markup', () => {
    expect(entry(feed, 0).html).toBe(
      '<p>第一回里，<a href="notes/1">甄士隐</a>梦见一僧一道。</p><p><img src="img/stone.png" alt="石头"></p>',
    );
    expect(entry(feed, 1).html).toContain('<p>好的散文有<strong>呼吸</strong>，句子长短相间。</p>');
    expect(entry(feed, 1).html).not.toContain('<div');
  });

  it('falls back to the feed author, to updated for published, and marks summaries', () => {
    expect(entry(feed, 0)).toMatchObject({
      author: '林语',
      categories: ['文学', '阅读'],
      published: '2024-03-01T09:30:00+08:00',
    });
    expect(entry(feed, 1)).toMatchObject({ author: '周行', published: '2024-02-20T08:00:00Z' });
    expect(entry(feed, 2)).toMatchObject({
      hasFullContent: false,
      html: '<p>这是一段<b>摘要</b>。</p>',
      published: '2024-02-10T08:00:00Z',
    });
  });
});

describe('Atom text content', () => {
  it('escapes type="text" content into paragraphs, and a content elsewhere (src) is not the full text', () => {
    const text = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><id>1</id><title>a</title><updated>2024-01-01T00:00:00Z</updated><content type="text">a &lt; b

second</content></entry>
      <entry><id>2</id><title>b</title><updated>2024-01-01T00:00:00Z</updated><summary>short</summary><content src="https://x.example/2"/></entry>
    </feed>`;
    const result = parseFeedText(text, FEED_URL);
    if (!result.ok) throw new Error(result.error.detail);
    expect(entry(result.value, 0)).toMatchObject({ html: '<p>a &lt; b</p>\n<p>second</p>', hasFullContent: true });
    expect(entry(result.value, 1)).toMatchObject({ html: '<p>short</p>', hasFullContent: false });
  });
});

describe('JSON Feed 1.1', () => {
  const feed = parsed('json-feed.json');

  it('reads html and text content, tags, authors and dates', () => {
    expect(feed).toMatchObject({
      format: 'json',
      title: '小站周刊',
      lang: 'zh-CN',
      siteUrl: 'https://weekly.example.com/',
    });
    expect(entry(feed, 0)).toMatchObject({
      guid: '2024-10',
      author: '阿河',
      categories: ['城市', '河流'],
      published: '2024-06-01T08:00:00+08:00',
      updated: '2024-06-02T08:00:00+08:00',
      hasFullContent: true,
    });
  });

  it('escapes plain-text content into paragraphs and resolves relative URLs against the feed', () => {
    const second = entry(feed, 1);
    expect(second.html).toBe('<p>只有纯文本的一期。</p>\n<p>第二段 &lt;不是标签&gt; &amp; 符号。</p>');
    expect(second.link).toBe('https://feeds.example.com/issues/9');
    expect(second.author).toBe('小站');
    expect(entry(feed, 2)).toMatchObject({ title: '', link: null, published: null });
  });
});

describe('relative links and missing fields', () => {
  it('resolves RSS links against the feed URL and tolerates an item with nothing but a description', () => {
    const feed = parsed('rss-relative.xml');
    expect(feed.siteUrl).toBe('https://feeds.example.com/');
    expect(feed.entries.map((e) => e.link)).toEqual([
      'https://feeds.example.com/posts/first',
      'https://feeds.example.com/path/posts/second?x=1&y=2',
      null,
    ]);
    expect(entry(feed, 0).published).toBe('2024-06-03T09:00:00-05:00');
    expect(entry(feed, 2)).toMatchObject({ title: '', author: null, published: null, categories: [] });
  });

  it('names an untitled feed after its host', () => {
    const result = parseFeedText('<rss version="2.0"><channel><item><title>x</title></item></channel></rss>', FEED_URL);
    expect(result.ok && result.value.title).toBe('feeds.example.com');
  });

  it('keeps only http(s) links', () => {
    const text =
      '<rss><channel><title>t</title><item><title>a</title><link>javascript:alert(1)</link></item></channel></rss>';
    const result = parseFeedText(text, FEED_URL);
    expect(result.ok && result.value.entries[0]?.link).toBeNull();
  });
});

describe('refusals', () => {
  it('names each refusal', () => {
    expect(refusal(fixtureText('broken.xml'))).toBe('broken-xml');
    expect(refusal(fixtureText('billion-laughs.xml'))).toBe('entity-declaration');
    expect(refusal(fixtureText('external-entity.xml'))).toBe('entity-declaration');
    expect(refusal(fixtureText('not-a-feed.html'))).toBe('not-a-feed');
    expect(refusal(fixtureText('subscriptions.opml'))).toBe('not-a-feed');
    expect(refusal('{"title": "no version"}')).toBe('not-a-feed');
    expect(refusal('{"version": "https://jsonfeed.org/version/1.1", ')).toBe('broken-xml');
    expect(refusal('')).toBe('broken-xml');
    expect(refusal(`{"version":"https://jsonfeed.org/version/1.1","items":${'['.repeat(300)}`)).toBe('broken-xml');
  });

  it('refuses more than 1,000 entries, in XML and in JSON', () => {
    const items = '<item><title>t</title></item>'.repeat(MAX_FEED_ITEMS + 1);
    expect(refusal(`<rss><channel>${items}</channel></rss>`)).toBe('too-many-items');
    const json = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 't',
      items: Array.from({ length: 1001 }, (_, i) => ({ id: String(i) })),
    };
    expect(refusal(JSON.stringify(json))).toBe('too-many-items');
    expect(
      refusal(`<rss><channel>${'<item><title>t</title></item>'.repeat(MAX_FEED_ITEMS)}</channel></rss>`),
    ).toBeNull();
  });

  it('refuses more elements or attributes than any feed has (the parser slows with them)', () => {
    expect(refusal(`<rss><channel>${'<x/>'.repeat(MAX_ELEMENTS)}</channel></rss>`)).toBe('too-large');
    expect(refusal(`<rss><channel><title>t</title>${'<x/>'.repeat(MAX_ELEMENTS - 3)}</channel></rss>`)).toBeNull();
    const attributes = (n: number) => Array.from({ length: n }, (_, i) => `a${i}="1"`).join(' ');
    expect(refusal(`<rss><channel><title ${attributes(MAX_ATTRIBUTES + 1)}>t</title></channel></rss>`)).toBe(
      'broken-xml',
    );
    expect(refusal(`<rss><channel><title ${attributes(MAX_ATTRIBUTES)}>t</title></channel></rss>`)).toBeNull();
  });

  it('refuses text over 5 MB (an oversize feed generated here)', () => {
    const big = `<rss><channel><title>big</title><item><description>${'字'.repeat(MAX_FEED_BYTES)}</description></item></channel></rss>`;
    expect(refusal(big)).toBe('too-large');
  });
});
