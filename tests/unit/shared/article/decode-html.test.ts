// @vitest-environment node
/**
 * A web page's bytes → text as a browser reads them: BOM, then the header's charset, then a
 * `<meta>` near the start (not one inside a comment, not one past the prescan), then UTF-8; an
 * unknown label is passed over, and a page claiming UTF-16 in ASCII is read as UTF-8.
 */
import { describe, expect, it } from 'vitest';
import { decodeHtmlBytes, metaCharset } from '../../../../lib/shared/article/decode-html';
import { encodeGbk } from '../../../support/gbk';

const page = (head: string, body = '中文网页') => `<html><head>${head}</head><body><p>${body}</p></body></html>`;

describe('decodeHtmlBytes', () => {
  it('follows the header, then <meta>, then UTF-8', () => {
    expect(decodeHtmlBytes(encodeGbk(page('')), 'text/html; charset=gb18030')).toContain('<p>中文网页</p>');
    expect(decodeHtmlBytes(encodeGbk(page('<meta charset="gbk">')), 'text/html')).toContain('<p>中文网页</p>');
    expect(decodeHtmlBytes(encodeGbk(page("<META CHARSET='GB2312'>")), null)).toContain('<p>中文网页</p>');
    expect(decodeHtmlBytes(new TextEncoder().encode(page('')), 'text/html')).toContain('<p>中文网页</p>');
    // The header wins over the page's own claim.
    expect(
      decodeHtmlBytes(new TextEncoder().encode(page('<meta charset="gbk">')), 'text/html; charset=utf-8'),
    ).toContain('<p>中文网页</p>');
  });

  it('passes over unknown labels, commented-out tags and UTF-16 claims', () => {
    expect(
      decodeHtmlBytes(new TextEncoder().encode(page('<meta charset="x-klingon">')), 'text/html; charset=nope'),
    ).toContain('<p>中文网页</p>');
    expect(metaCharset(new TextEncoder().encode(page('<!-- <meta charset="big5"> -->')))).toBeNull();
    expect(decodeHtmlBytes(new TextEncoder().encode(page('<meta charset="utf-16">')), null)).toContain(
      '<p>中文网页</p>',
    );
    const late = `${' '.repeat(1100)}<meta charset="gbk">`;
    expect(metaCharset(new TextEncoder().encode(page(late)))).toBeNull();
  });

  it('trusts a byte-order mark above all', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(page('<meta charset="gbk">'))]);
    expect(decodeHtmlBytes(bytes, 'text/html; charset=gbk')).toContain('<p>中文网页</p>');
  });
});
