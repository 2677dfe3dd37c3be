// @vitest-environment node
/**
 * The worker's DOM-free pieces: finding `<img src>` in the library's sanitized HTML, telling a
 * picture by its first bytes, and sizing a thumbnail.
 */
import { describe, expect, it } from 'vitest';
import { collectImageSources, decodeAttribute } from '../../../../lib/background/images/collect';
import { THUMB_MAX, thumbSize } from '../../../../lib/background/images/thumbnail';
import { sniffImage } from '../../../../lib/shared/images/sniff';
import { LIMITS } from '../../../../lib/shared/validate';
import { pngBytes } from '../../../support/image-server';

describe('collectImageSources', () => {
  it('answers the hero, then each body image once, in order, http(s) only', () => {
    const html = [
      '<p>a &lt;img src="https://fake.test/text.png"&gt; in text</p>',
      '<!-- <img src="https://fake.test/comment.png"> -->',
      '<figure><IMG alt="x > y" src="https://a.test/1.png?w=1&amp;h=2" loading="lazy"></figure>',
      "<img src='https://a.test/2.png'/><img src=https://a.test/3.png>",
      '<img src="data:image/png;base64,AAAA"><img src="javascript:alert(1)"><img alt="no src">',
      '<imgx src="https://a.test/not-an-img.png"><img src="https://a.test/1.png?w=1&amp;h=2">',
    ].join('');
    expect(collectImageSources(html, 'https://a.test/hero.jpg')).toEqual([
      'https://a.test/hero.jpg',
      'https://a.test/1.png?w=1&h=2',
      'https://a.test/2.png',
      'https://a.test/3.png',
    ]);
  });

  it('stops one past the per-article cap', () => {
    const html = Array.from({ length: 500 }, (_, i) => `<img src="https://a.test/${i}.png">`).join('');
    expect(collectImageSources(html)).toHaveLength(LIMITS.articleImages + 1);
  });

  it('decodes the character references a serializer writes', () => {
    expect(decodeAttribute('a&amp;b&quot;c&#39;d&#x41;&unknown;')).toBe('a&b"c\'dA&unknown;');
  });
});

describe('sniffImage', () => {
  const bytes = (...parts: (number[] | string)[]) =>
    new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

  it('tells the raster formats by magic bytes, with their size where the header has it', () => {
    expect(sniffImage(pngBytes(640, 480))).toEqual({ kind: 'raster', type: 'image/png', width: 640, height: 480 });
    expect(sniffImage(bytes('GIF89a', [0x20, 0x01, 0x10, 0x00], [0, 0]))).toEqual({
      kind: 'raster',
      type: 'image/gif',
      width: 288,
      height: 16,
    });
    const jpeg = bytes(
      [0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0],
      [0xff, 0xc0, 0, 11, 8, 0x01, 0x2c, 0x02, 0x58, 3, 0, 0, 0],
    );
    expect(sniffImage(jpeg)).toEqual({ kind: 'raster', type: 'image/jpeg', width: 600, height: 300 });
    const webp = bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8X', [10, 0, 0, 0, 0, 0, 0, 0], [99, 0, 0, 49, 0, 0]);
    expect(sniffImage(webp)).toEqual({ kind: 'raster', type: 'image/webp', width: 100, height: 50 });
    const avif = bytes([0, 0, 0, 28], 'ftypmif1', [0, 0, 0, 0], 'mif1avifmiaf');
    expect(sniffImage(avif)).toEqual({ kind: 'raster', type: 'image/avif', width: null, height: null });
  });

  it('tells SVG text, and refuses everything else whatever it claims', () => {
    const svg = new TextEncoder().encode('\uFEFF<?xml version="1.0"?>\n<!-- c --><svg xmlns="x">');
    expect(sniffImage(svg)).toEqual({ kind: 'svg' });
    expect(sniffImage(bytes('<!doctype html><img src=x onerror=alert(1)>'))).toBeNull();
    expect(sniffImage(bytes('ftypisom', [0, 0, 0, 0]))).toBeNull();
    expect(sniffImage(bytes('%PDF-1.7'))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});

describe('thumbSize', () => {
  it('fits the longer side in the maximum, keeps proportions, never enlarges', () => {
    expect(thumbSize(1600, 900)).toEqual({ width: THUMB_MAX, height: 90 });
    expect(thumbSize(900, 1600)).toEqual({ width: 90, height: THUMB_MAX });
    expect(thumbSize(100, 50)).toEqual({ width: 100, height: 50 });
    expect(thumbSize(10_000, 1)).toEqual({ width: THUMB_MAX, height: 1 });
    expect(thumbSize(0, 10)).toBeNull();
    expect(thumbSize(Number.NaN, 10)).toBeNull();
    expect(thumbSize(Number.POSITIVE_INFINITY, 10)).toBeNull();
  });
});
