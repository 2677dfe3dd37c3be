// @vitest-environment node
/**
 * OPML in and out: folders, duplicate and unsafe addresses, the same refusals as feeds (entity
 * declarations, broken structure), and an export whose escaping survives a round trip.
 */
import { describe, expect, it } from 'vitest';
import { MAX_OPML_FEEDS, opmlDocument, parseOpml } from '../../../../lib/shared/feeds/opml';
import { fixtureText } from './fixtures';

describe('parseOpml', () => {
  it('lists the http(s) feeds with their folders, each once', () => {
    const result = parseOpml(fixtureText('subscriptions.opml'));
    expect(result).toEqual({
      ok: true,
      value: [
        {
          url: 'https://chinese.example.net/feed/',
          title: '半岛新闻',
          siteUrl: 'https://chinese.example.net/',
          folder: '新闻',
        },
        { url: 'https://rdf.example.jp/index.rdf', title: '技术日报', siteUrl: null, folder: '新闻' },
        {
          url: 'https://blog.example.org/atom.xml',
          title: '读书笔记 & 随想',
          siteUrl: 'https://blog.example.org/',
          folder: null,
        },
      ],
    });
  });

  it('refuses entity declarations, broken structure, feeds and too many outlines by name', () => {
    const code = (text: string) => {
      const result = parseOpml(text);
      return result.ok ? null : result.error.code;
    };
    expect(code('<!DOCTYPE opml [<!ENTITY a "b">]><opml><body/></opml>')).toBe('entity-declaration');
    expect(code('<opml><body><outline></body></opml>')).toBe('broken-xml');
    expect(code(fixtureText('rss2-zh-utf8.xml'))).toBe('not-a-feed');
    const many = Array.from(
      { length: MAX_OPML_FEEDS + 1 },
      (_, i) => `<outline text="f" xmlUrl="https://x.example/${i}"/>`,
    );
    expect(code(`<opml><body>${many.join('')}</body></opml>`)).toBe('too-many-items');
  });
});

describe('opmlDocument', () => {
  it('escapes every value and round-trips through parseOpml', () => {
    const entries = [
      { url: 'https://a.example/feed?x=1&y=2', title: 'A & B <3> "引号" \'单\'', siteUrl: 'https://a.example/' },
      { url: 'https://b.example/rss', title: '', siteUrl: null },
    ];
    const text = opmlDocument(entries, '我的 <订阅>', new Date(Date.UTC(2024, 0, 2, 3, 4, 5)));
    expect(text).toContain('<title>我的 &#60;订阅&#62;</title>');
    expect(text).toContain('<dateCreated>Tue, 02 Jan 2024 03:04:05 GMT</dateCreated>');
    expect(text).toContain('text="A &#38; B &#60;3&#62; &#34;引号&#34; &#39;单&#39;"');
    // Every `&` in the document starts a character reference.
    expect(text).not.toMatch(/&(?!#\d+;)/);
    expect(parseOpml(text)).toEqual({
      ok: true,
      value: [
        { url: entries[0]?.url, title: entries[0]?.title, siteUrl: 'https://a.example/', folder: null },
        { url: 'https://b.example/rss', title: 'https://b.example/rss', siteUrl: null, folder: null },
      ],
    });
  });
});
