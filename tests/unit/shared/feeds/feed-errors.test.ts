// @vitest-environment node
/**
 * Every feed error code has words in both catalogues (en and zh_CN, the Chinese real Chinese),
 * so a failing subscription's status line is never a raw key.
 */
import { describe, expect, it } from 'vitest';
import { FEED_ERROR_MESSAGES } from '../../../../lib/shared/feeds/feed-errors';
import en from '../../../../public/_locales/en/messages.json';
import zh from '../../../../public/_locales/zh_CN/messages.json';

type Catalogue = Record<string, { message: string } | undefined>;

describe('feed error messages', () => {
  it('exist in English and Chinese for every code', () => {
    for (const key of Object.values(FEED_ERROR_MESSAGES)) {
      expect((en as Catalogue)[key]?.message, key).toMatch(/\w/);
      expect((zh as Catalogue)[key]?.message, key).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(Object.values(FEED_ERROR_MESSAGES)).size).toBe(Object.keys(FEED_ERROR_MESSAGES).length);
  });
});
