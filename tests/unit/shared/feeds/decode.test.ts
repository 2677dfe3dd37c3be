/**
 * Chinese feeds in legacy encodings must read right whichever place names the encoding: the
 * Content-Type header, the XML declaration, or a BOM; an encoding nobody knows is refused by
 * name rather than turned into mojibake.
 */
import { describe, expect, it } from 'vitest';
import { charsetOf, decodeFeedBytes, MAX_FEED_BYTES } from '../../../../lib/shared/feeds/decode';
import { parseFeedText } from '../../../../lib/shared/feeds/parse-feed';
import { fixtureBytes } from './fixtures';

const decoded = (bytes: Uint8Array, contentType: string | null): string => {
  const result = decodeFeedBytes(bytes, contentType);
  if (!result.ok) throw new Error(result.error.detail);
  return result.value;
};

describe('decodeFeedBytes', () => {
  it('reads GBK named only by the XML declaration', () => {
    const text = decoded(fixtureBytes('rss2-zh-gbk.xml'), 'application/rss+xml');
    expect(text).toContain('<title>长江流域迎来强降雨 多地启动防汛应急响应</title>');
    expect(text).toContain('“镕”字与“喆”字');
  });

  it('reads GBK named only by the Content-Type charset (GB2312 and GB18030 labels too)', () => {
    const bytes = fixtureBytes('rss2-zh-gbk-undeclared.xml');
    for (const label of ['GBK', 'gb2312', '"GB18030"']) {
      expect(decoded(bytes, `text/xml; charset=${label}`)).toContain('新浪新闻·国内');
    }
    // Without either, UTF-8 is assumed and the title is not the one written.
    expect(decoded(bytes, 'text/xml')).not.toContain('新浪新闻');
  });

  it('lets the Content-Type charset win over the XML declaration', () => {
    const utf8 = new TextEncoder().encode(
      '<?xml version="1.0" encoding="GBK"?><rss><channel><title>中文</title></channel></rss>',
    );
    expect(decoded(utf8, 'application/xml; charset=utf-8')).toContain('<title>中文</title>');
  });

  it('reads Big5', () => {
    const text = decoded(fixtureBytes('rss2-zh-big5.xml'), null);
    expect(text).toContain('臺北捷運新路線通車 市民搶先體驗');
  });

  it('lets a BOM win over a wrong header, and drops it', () => {
    const body = new TextEncoder().encode('<rss><channel><title>标题</title></channel></rss>');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    const text = decoded(withBom, 'text/xml; charset=big5');
    expect(text.startsWith('<rss>')).toBe(true);
    expect(text).toContain('标题');
  });

  it('refuses an unknown encoding by name', () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0" encoding="x-klingon"?><rss/>');
    const result = decodeFeedBytes(bytes, null);
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown-encoding', detail: expect.stringContaining('x-klingon') },
    });
  });

  it('refuses more than 5 MB', () => {
    const result = decodeFeedBytes(new Uint8Array(MAX_FEED_BYTES + 1), null);
    expect(result.ok ? null : result.error.code).toBe('too-large');
  });

  it('parses the GBK feed end to end with Chinese titles', () => {
    const feed = parseFeedText(decoded(fixtureBytes('rss2-zh-gbk.xml'), null), 'https://news.example.cn/rss.xml');
    expect(feed.ok && feed.value.entries.map((e) => e.title)).toEqual(['长江流域迎来强降雨 多地启动防汛应急响应']);
    expect(feed.ok && feed.value.title).toBe('新浪新闻·国内');
  });
});

describe('charsetOf', () => {
  it('reads the charset parameter, quoted or not, and nothing else', () => {
    expect(charsetOf('text/xml; charset="Big5"')).toBe('Big5');
    expect(charsetOf('application/rss+xml;charset=gbk;q=1')).toBe('gbk');
    expect(charsetOf('application/rss+xml')).toBeNull();
    expect(charsetOf(null)).toBeNull();
  });
});
