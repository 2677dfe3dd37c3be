/**
 * The UI language follows the catalogue the browser picked. Regression: Chromium started with
 * `--lang=zh-CN` but shipped without its own zh-CN resources showed our Chinese messages
 * while `getUILanguage()` said `en-US`, so the page was tagged English and sorted titles in
 * code-point order instead of pinyin.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatNumber, uiLanguage } from '../../../../lib/shared/i18n';

function browserSays(catalogue: string, browserTag: string | undefined) {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) =>
    key === 'uiLocale' ? catalogue : key) as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(browserTag as string);
}

afterEach(() => vi.restoreAllMocks());

describe('uiLanguage', () => {
  it('is the catalogue’s language when the browser reports another', () => {
    browserSays('zh-CN', 'en-US');
    expect(uiLanguage()).toBe('zh-CN');
  });

  it('keeps the browser’s more precise tag for the same language', () => {
    browserSays('en', 'en-GB');
    expect(uiLanguage()).toBe('en-GB');
    browserSays('zh-CN', 'zh-TW');
    expect(uiLanguage()).toBe('zh-TW');
  });

  it('ignores an answer that is not a language tag (a stubbed i18n echoes the key)', () => {
    browserSays('uiLocale', 'zh-CN');
    expect(uiLanguage()).toBe('zh-CN');
  });

  it('falls back to the catalogue, then English', () => {
    browserSays('zh-CN', undefined);
    expect(uiLanguage()).toBe('zh-CN');
    browserSays('', undefined);
    expect(uiLanguage()).toBe('en');
  });

  it('formats numbers in that language', () => {
    expect(formatNumber(12345, 'zh-CN')).toBe('12,345');
    expect(formatNumber(12345, 'de')).toBe('12.345');
  });
});
