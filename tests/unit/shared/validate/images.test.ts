// @vitest-environment node
/** An image map from outside (backup, peer) passes the one gate: sources, hashes, reasons, limits. */
import { describe, expect, it } from 'vitest';
import { checkImageMap, imageHash, LIMITS, storedImageType } from '../../../../lib/shared/validate';

const HASH = 'ab'.repeat(32);

describe('checkImageMap', () => {
  it('rebuilds saved and failed entries and the thumbnail, dropping unknown fields', () => {
    const result = checkImageMap({
      entries: [
        { src: 'https://a.test/x.png', hash: HASH, extra: 1 },
        { src: 'http://a.test/y.gif', failed: 'timeout', tries: 2, nextTry: 9_000 },
        { src: 'https://a.test/z.svg', failed: 'svg-refused', tries: 1, nextTry: null },
      ],
      thumb: HASH,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        entries: [
          { src: 'https://a.test/x.png', hash: HASH },
          { src: 'http://a.test/y.gif', failed: 'timeout', tries: 2, nextTry: 9_000 },
          { src: 'https://a.test/z.svg', failed: 'svg-refused', tries: 1, nextTry: null },
        ],
        thumb: HASH,
      },
    });
  });

  it.each([
    ['a javascript: source', { src: 'javascript:alert(1)', hash: HASH }],
    ['an SVG data: source', { src: 'data:image/svg+xml;base64,PHN2Zz4=', hash: HASH }],
    ['a short hash', { src: 'https://a.test/x.png', hash: 'abc' }],
    ['an upper-case hash', { src: 'https://a.test/x.png', hash: HASH.toUpperCase() }],
    ['an unknown reason', { src: 'https://a.test/x.png', failed: 'eaten', tries: 1, nextTry: null }],
    ['negative tries', { src: 'https://a.test/x.png', failed: 'network', tries: -1, nextTry: null }],
  ])('refuses %s', (_, entry) => {
    expect(checkImageMap({ entries: [entry], thumb: null })).toEqual({ ok: false, error: 'image 1 is malformed' });
  });

  it('refuses more images than an article may hold, and a thumb that is not a hash', () => {
    const many = Array.from({ length: LIMITS.articleImages + 1 }, () => ({ src: 'https://a.test/x.png', hash: HASH }));
    expect(checkImageMap({ entries: many, thumb: null })).toEqual({ ok: false, error: 'too many images' });
    expect(checkImageMap({ entries: [], thumb: 'x' })).toEqual({ ok: false, error: 'thumb is not an image hash' });
    expect(checkImageMap(null)).toEqual({ ok: false, error: 'not an image map' });
  });

  it('knows image hashes and stored types', () => {
    expect(imageHash(HASH)).toBe(HASH);
    expect(imageHash(`${HASH}0`)).toBeUndefined();
    expect(storedImageType('image/webp')).toBe('image/webp');
    expect(storedImageType('text/html')).toBeUndefined();
  });
});
