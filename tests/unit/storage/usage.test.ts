// @vitest-environment node
/**
 * The storage breakdown of the options page: totals by kind, the largest articles with the
 * pictures they hold, and the count of articles whose pictures the browser refused for space.
 * Node's environment: jsdom's Blob cannot be structured-cloned into fake-indexeddb.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredImage } from '../../../lib/model';
import { type Library, openLibrary } from '../../../lib/storage';
import { utf8Length } from '../../../lib/storage/usage';
import { makeArticle, uniqueDbName } from '../../support/library';

function picture(label: string, bytes: number): StoredImage {
  return {
    hash: label.padEnd(64, '0'),
    blob: new Blob([new Uint8Array(bytes)], { type: 'image/png' }),
    type: 'image/png',
    bytes,
    width: 1,
    height: 1,
  };
}

let library: Library;
afterEach(() => library?.close());

describe('utf8Length', () => {
  it('counts UTF-8 bytes as TextEncoder does, Chinese and astral characters included', () => {
    for (const text of ['', 'abc', 'é', '乌克兰停火', '𠀀 emoji 😀', 'x\uD800', '\uDC00y']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});

describe('storageUsage', () => {
  it('adds up articles, pictures (each once), the search index and the trash, largest articles first', async () => {
    library = await openLibrary({ name: uniqueDbName() });
    const small = makeArticle({ id: 'small', html: '<p>短</p>', text: '短' });
    const long = makeArticle({ id: 'long', html: `<p>${'长文'.repeat(5_000)}</p>`, text: '长文'.repeat(5_000) });
    const pictured = makeArticle({ id: 'pictured', html: '<p>图</p>', text: '图' });
    const gone = makeArticle({ id: 'gone' });
    for (const a of [small, long, pictured, gone]) await library.upsertArticle(a);
    await library.deleteArticle('gone', 2_000);
    const shared = picture('aa', 40_000);
    await library.saveImageMap({
      articleId: 'pictured',
      entries: [
        { src: 'https://a.test/1.png', hash: shared.hash },
        { src: 'https://a.test/2.png', failed: 'quota', tries: 1, nextTry: 9_000 },
      ],
      thumb: null,
      images: [shared],
    });
    await library.saveImageMap({
      articleId: 'small',
      entries: [{ src: 'https://b.test/same.png', hash: shared.hash }],
      thumb: null,
      images: [shared],
    });
    await library.putSearchDocs([{ id: 'long', format: 1, data: { tokens: ['长文'] } }]);

    const usage = await library.storageUsage(2);
    expect(usage.articles.count).toBe(3);
    // The long body alone is 2 × 30,000 bytes of UTF-8 (HTML and text).
    expect(usage.articles.bytes).toBeGreaterThan(60_000);
    expect(usage.images).toEqual({ count: 1, bytes: 40_000 });
    const doc = JSON.stringify({ id: 'long', format: 1, data: { tokens: ['长文'] } });
    expect(usage.searchIndex.bytes).toBe(new TextEncoder().encode(doc).length);
    expect(usage.trash.count).toBe(1);
    expect(usage.trash.bytes).toBeGreaterThan(0);
    expect(usage.largest.map((a) => [a.id, a.title, a.imageBytes])).toEqual([
      ['long', long.title, 0],
      ['pictured', pictured.title, 40_000],
    ]);
    expect(usage.largest[0]?.bytes).toBeGreaterThan(60_000);
    expect(usage.quotaRefused).toBe(1);
  });

  it('answers zeros for an empty library', async () => {
    library = await openLibrary({ name: uniqueDbName() });
    expect(await library.storageUsage()).toEqual({
      articles: { count: 0, bytes: 0 },
      images: { count: 0, bytes: 0 },
      searchIndex: { bytes: 0 },
      trash: { count: 0, bytes: 0 },
      largest: [],
      quotaRefused: 0,
    });
  });
});
