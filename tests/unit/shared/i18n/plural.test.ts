/**
 * Counts in words by the UI language's plural rules, with the real catalogues: English says
 * "1 highlight or note" and "2 highlights and notes" (never "1 highlights"), Chinese has one
 * form, and numbers are formatted for the language.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pluralCategory, tCount } from '../../../../lib/shared/i18n/plural';
import en from '../../../../public/_locales/en/messages.json';
import zh from '../../../../public/_locales/zh_CN/messages.json';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** The browser's `i18n.getMessage` over `catalogue`: named placeholders filled from `$1`… */
function speak(catalogue: Catalogue) {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const entry = catalogue[key];
    if (!entry) return '';
    const values = subs === undefined ? [] : [subs].flat();
    return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return values[Number(content.slice(1)) - 1] ?? '';
    });
  }) as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(catalogue.uiLocale?.message ?? 'en');
}

afterEach(() => vi.restoreAllMocks());

describe('tCount', () => {
  it('English picks one or other, and formats the number', () => {
    speak(en as Catalogue);
    expect(tCount('panelCount', 1)).toBe('1 highlight or note');
    expect(tCount('panelCount', 2)).toBe('2 highlights and notes');
    expect(tCount('panelCount', 0)).toBe('0 highlights and notes');
    expect(tCount('popupArticleCount', 12_345)).toBe('12,345 articles');
    expect(tCount('popupShownOfTotal', 1, 1)).toBe('1 of 1 article');
    expect(tCount('popupDeletedWith', 3, '港口')).toBe('Deleted “港口” and its 3 highlights.');
    expect(tCount('popupDeletedWith', 1, '港口')).toBe('Deleted “港口” and its highlight.');
  });

  it('Chinese has one form', () => {
    speak(zh as Catalogue);
    expect(pluralCategory(1, 'zh-CN')).toBe('other');
    expect(tCount('panelCount', 1)).toBe('1 条高亮与笔记');
    expect(tCount('searchMatchCount', 2)).toBe('找到 2 篇文章');
  });
});
