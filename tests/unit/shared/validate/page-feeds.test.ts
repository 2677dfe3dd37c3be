/**
 * The feeds a page's content script reports pass the one validator before the popup or side
 * panel shows them: the page's world is untrusted, so a hostile answer — `javascript:` and other
 * schemes, a list of a million entries, megabyte titles with control and direction characters,
 * wrong types anywhere — leaves only bounded, plain, http(s) offers, each once.
 */
import { describe, expect, it } from 'vitest';
import { checkContentType, checkPageFeedList, checkPageFeedsReport, LIMITS } from '../../../../lib/shared/validate';

const feed = (url: unknown, title: unknown = 'Feed') => ({ url, title, type: 'application/rss+xml' });

describe('checkPageFeedList', () => {
  it('keeps http(s) feeds with their titles, in order', () => {
    expect(
      checkPageFeedList([feed('https://site.example.cn/feed.xml', '全部文章 RSS'), feed('http://a.example/atom', '')]),
    ).toEqual([
      { url: 'https://site.example.cn/feed.xml', title: '全部文章 RSS' },
      { url: 'http://a.example/atom', title: '' },
    ]);
  });

  it('drops other schemes, relative and overlong addresses, and non-strings', () => {
    const hostile = [
      feed('javascript:alert(document.cookie)'),
      feed(' JavaScript:alert(1)'),
      feed('data:text/html,<script>alert(1)</script>'),
      feed('file:///etc/passwd'),
      feed('chrome-extension://abc/popup.html'),
      feed('/relative/feed.xml'),
      feed(`https://x.example/${'a'.repeat(LIMITS.url)}`),
      feed(42),
      feed({ toString: () => 'https://x.example/' }),
      feed(['https://x.example/']),
      null,
      'https://x.example/feed',
      42,
      [feed('https://x.example/nested')],
      feed('https://ok.example/feed.xml'),
    ];
    expect(checkPageFeedList(hostile)).toEqual([{ url: 'https://ok.example/feed.xml', title: 'Feed' }]);
  });

  it('keeps each address once (as subscriptions compare them: fragment and tracking dropped)', () => {
    const list = [
      feed('https://x.example/feed.xml', 'First'),
      feed('https://x.example/feed.xml#top', 'Again'),
      feed('https://x.example/feed.xml?utm_source=page', 'Tracked'),
      feed('https://x.example/other.xml', 'Other'),
    ];
    expect(checkPageFeedList(list).map((f) => f.title)).toEqual(['First', 'Other']);
  });

  it('offers at most the limit from a list of a million, reading only its head', () => {
    // Entries made as they are read (and counted): a real million-entry answer, lazily.
    let read = 0;
    const isIndex = (key: string | symbol) => typeof key === 'string' && /^\d+$/.test(key);
    const huge = new Proxy(new Array<unknown>(1_000_000), {
      has: (target, key) => isIndex(key) || Reflect.has(target, key),
      get: (target, key, receiver) => {
        if (!isIndex(key)) return Reflect.get(target, key, receiver);
        read += 1;
        return feed(`https://x.example/f${String(key)}.xml`);
      },
    });
    const kept = checkPageFeedList(huge);
    expect(kept).toHaveLength(LIMITS.pageFeeds);
    expect(kept.at(-1)?.url).toBe(`https://x.example/f${LIMITS.pageFeeds - 1}.xml`);
    expect(read).toBeLessThanOrEqual(LIMITS.pageFeeds * 10);
  });

  it('gives up on a list that is junk for its first stretch', () => {
    const junk = [...Array.from({ length: 10_000 }, () => feed('javascript:void 0')), feed('https://late.example/')];
    expect(checkPageFeedList(junk)).toEqual([]);
  });

  it('makes titles plain bounded text: trimmed, cut, control and format characters gone', () => {
    const [long, odd, notText, lookalike] = checkPageFeedList([
      feed('https://a.example/1', `  ${'长'.repeat(1_000_000)}  `),
      feed('https://a.example/2', 'Evil\u202e\u0000lmth.exe\u0007\n\tfeed\u2066'),
      feed('https://a.example/3', { title: 'x' }),
      // Zero-width space, word joiner, soft hyphen, BOM, a directional mark and a language tag.
      feed('https://a.example/4', 'Ne\u200bw\u2060s\u00ad \ufeff新\u200e闻\u{e0041}'),
    ]);
    expect(long?.title).toBe('长'.repeat(LIMITS.pageFeedTitle));
    expect(odd?.title).toBe('Evil lmth.exe feed');
    expect(notText?.title).toBe('');
    expect(lookalike?.title).toBe('News 新闻');
  });

  it('answers an empty list for anything that is not an array', () => {
    for (const value of [null, undefined, 'feeds', 7, { length: 3, 0: feed('https://x.example/') }]) {
      expect(checkPageFeedList(value)).toEqual([]);
    }
  });
});

describe('checkContentType', () => {
  it('keeps a MIME type, lowercased, without parameters', () => {
    expect(checkContentType('Application/RSS+XML; charset=utf-8')).toBe('application/rss+xml');
    expect(checkContentType('text/html')).toBe('text/html');
  });

  it('refuses anything else', () => {
    for (const value of ['', 'html', 'text/html<script>', 'x'.repeat(300), 12, null, {}]) {
      expect(checkContentType(value)).toBeNull();
    }
  });
});

describe('checkPageFeedsReport', () => {
  it('checks both parts of the answer', () => {
    expect(
      checkPageFeedsReport({ feeds: [feed('https://x.example/f.xml'), feed('javascript:1')], contentType: 'text/xml' }),
    ).toEqual({
      feeds: [{ url: 'https://x.example/f.xml', title: 'Feed' }],
      contentType: 'text/xml',
      looksLikeFeed: false,
    });
    expect(checkPageFeedsReport({ feeds: 'lots', contentType: 3, looksLikeFeed: 'yes' })).toEqual({
      feeds: [],
      contentType: null,
      looksLikeFeed: false,
    });
    expect(checkPageFeedsReport({ feeds: [], contentType: 'text/plain', looksLikeFeed: true })?.looksLikeFeed).toBe(
      true,
    );
    expect(checkPageFeedsReport('not an object')).toBeNull();
    expect(checkPageFeedsReport([])).toBeNull();
  });
});
