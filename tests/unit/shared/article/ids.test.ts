import { describe, expect, test } from 'vitest';
import { articleIdFor, normalizeUrl, sha256Hex } from '../../../../lib/shared/article/ids';

describe('sha256Hex', () => {
  test('matches the known digest of "abc" and hashes UTF-8', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('中')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('articleIdFor', () => {
  const post = { url: null, title: '标题', published: '2021-12-10T10:20:36Z', source: 'Aljazeera 半岛网' };

  test('is a_ plus 24 hex characters and stable', async () => {
    const id = await articleIdFor(post);
    expect(id).toMatch(/^a_[0-9a-f]{24}$/);
    expect(await articleIdFor({ ...post })).toBe(id);
  });

  test('depends on title, date and source for URL-less posts', async () => {
    const id = await articleIdFor(post);
    expect(await articleIdFor({ ...post, title: '别的' })).not.toBe(id);
    expect(await articleIdFor({ ...post, published: null })).not.toBe(id);
    expect(await articleIdFor({ ...post, source: null })).not.toBe(id);
  });

  test('fields cannot run into each other', async () => {
    const a = await articleIdFor({ url: null, title: 'a|b', published: null, source: 'c' });
    const b = await articleIdFor({ url: null, title: 'a', published: 'b', source: 'c' });
    expect(a).not.toBe(b);
  });

  test('uses the canonical URL when there is one: fragment and host case do not matter', async () => {
    const id = await articleIdFor({ ...post, url: 'https://Example.COM/a?x=1#top' });
    expect(
      await articleIdFor({ url: 'https://example.com/a?x=1', title: 'other', published: null, source: null }),
    ).toBe(id);
    expect(await articleIdFor(post)).not.toBe(id);
  });

  test('ignores a URL that is not http(s)', async () => {
    expect(await articleIdFor({ ...post, url: 'javascript:alert(1)' })).toBe(await articleIdFor(post));
    expect(normalizeUrl('not a url')).toBeNull();
  });
});
