// @vitest-environment node
/**
 * Every reader of untrusted feed text is linear (issue 17; issue 14 finding 4 for the rest of
 * the code). Each shape below — runs of openers, tags with endless attributes, nesting, repeated
 * declarations, unclosed sections, elements by the hundred thousand — is about 1 MB of text
 * (the limit is 5 MB; one well-formed feed below is built at the limit), fed to the scanner, the
 * whole feed parser, the OPML reader and the text helpers. The bound is generous (seconds, not
 * the hours a quadratic pass takes at this size) so a busy shared machine never fails it, while
 * a quadratic regression does. Regression: 100,000 attributes on one element cost feedsmith
 * ~4 s and 400,000 empty elements ~4 s; the pre-scan now refuses both (xml-scan.ts limits).
 */
import { describe, expect, it } from 'vitest';
import { MAX_FEED_BYTES } from '../../../../lib/shared/feeds/decode';
import {
  cleanText,
  decodeEntities,
  htmlToText,
  looksLikeFullText,
  textToHtml,
} from '../../../../lib/shared/feeds/feed-text';
import { parseOpml } from '../../../../lib/shared/feeds/opml';
import { parseFeedText } from '../../../../lib/shared/feeds/parse-feed';
import { MAX_ELEMENTS, scanXml } from '../../../../lib/shared/feeds/xml-scan';

const SIZE = 1_000_000;
const BOUND_MS = 3_000;

/** `unit` repeated to just under the size limit. */
const fill = (unit: string) => unit.repeat(Math.floor(SIZE / unit.length));

const wrap = (inner: string) => `<rss><channel><title>t</title><item><title>a</title>${inner}</item></channel></rss>`;

const SHAPES: Record<string, string> = {
  'open angles': fill('<'),
  'unclosed tags': fill('<a '),
  'unclosed end tags': `<rss>${fill('</')}`,
  'one tag, endless attributes': `<rss ${fill('a="1" ')}>`,
  'attributes with > inside quotes': `<rss>${fill('<a b=">>>>" c=\'>\'>x</a>')}</rss>`,
  'an unclosed quote': `<rss a="${fill('>')}`,
  'deep nesting': fill('<a>'),
  'nesting just under the depth limit, repeated': `<rss>${fill(`${'<a>'.repeat(250)}${'</a>'.repeat(250)}`)}</rss>`,
  'repeated DOCTYPEs': fill('<!DOCTYPE rss>'),
  'an unclosed DOCTYPE': `<!DOCTYPE ${fill('x ')}`,
  'unclosed comment': `<rss><!--${fill('-')}`,
  'many comments': `<rss>${fill('<!-- - -->')}</rss>`,
  'unclosed CDATA': `<rss><![CDATA[${fill(']')}`,
  'many CDATA sections': wrap(`<description>${fill('<![CDATA[<p>]]>')}</description>`),
  'processing instructions': fill('<?x '),
  'entities in text': wrap(`<description>${fill('&amp;lt;&#x5b57;')}</description>`),
  'ampersands without names': wrap(`<description>${fill('&&#&#x')}</description>`),
  'whitespace runs': wrap(`<description>${fill(' \t\n\u3000')}x</description>`),
  'CJK text': wrap(`<description>${fill('乌克兰停火线')}</description>`),
  // Well formed, so they reach feedsmith and the normalizers, not just the pre-scan.
  'many categories': wrap(fill('<category>新闻</category>')),
  'many attributes on an element': wrap(
    `<guid ${Array.from({ length: 200_000 }, (_, i) => `a${i}="x"`).join(' ')}>g</guid>`,
  ),
  'many Atom links': `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id>${fill('<link href="/a"/>')}</entry></feed>`,
  'elements with 250 attributes each': wrap(
    fill(`<x ${Array.from({ length: 250 }, (_, i) => `a${i}="1"`).join(' ')}/>`),
  ),
  'many empty items': `<rss><channel>${'<item/>'.repeat(1000)}${fill('<x/>')}</channel></rss>`,
  'empty elements just under the element limit': `<rss><channel>${'<x/>'.repeat(MAX_ELEMENTS - 10)}</channel></rss>`,
  'JSON with a huge string': `{"version":"https://jsonfeed.org/version/1.1","title":"${fill('字')}"}`,
  'JSON with endless tags': `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","tags":[${fill('"新闻",')}"x"]}]}`,
  'JSON nesting': `{"version":"https://jsonfeed.org/version/1.1","items":${fill('[')}`,
};

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

describe.each(Object.entries(SHAPES))('%s (1 MB)', (_name, input) => {
  it('scanner, feed parser and OPML reader finish in seconds', () => {
    expect(input.length).toBeGreaterThan(SIZE * 0.75);
    expect(timed(() => scanXml(input))).toBeLessThan(BOUND_MS);
    expect(timed(() => parseFeedText(input, 'https://example.com/feed'))).toBeLessThan(BOUND_MS);
    expect(timed(() => parseOpml(input))).toBeLessThan(BOUND_MS);
  });

  it('text helpers finish in seconds', () => {
    for (const fn of [cleanText, decodeEntities, htmlToText, looksLikeFullText, textToHtml]) {
      expect(timed(() => fn(input))).toBeLessThan(BOUND_MS);
    }
  });
});

describe('a well-formed feed at the limits', () => {
  it('1,000 entries in nearly 5 MB parse in seconds', () => {
    const body = `<p>${'长文'.repeat(2000)}</p>`;
    const items = Array.from(
      { length: 1000 },
      (_, i) =>
        `<item><title>第${i}条</title><link>/p/${i}</link><guid>g${i}</guid><description><![CDATA[${body}]]></description></item>`,
    ).join('');
    const text = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items}</channel></rss>`;
    expect(text.length).toBeLessThan(MAX_FEED_BYTES);
    let entries = 0;
    expect(
      timed(() => {
        const result = parseFeedText(text, 'https://example.com/feed');
        entries = result.ok ? result.value.entries.length : -1;
      }),
    ).toBeLessThan(BOUND_MS);
    expect(entries).toBe(1000);
  });
});
