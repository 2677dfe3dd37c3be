/** The panel's heading counts by each language's plural rules ("1 highlight or note", "2 … and notes"). */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tCount } from '../../../../lib/shared/i18n/plural';
import en from '../../../../public/_locales/en/messages.json';
import zh from '../../../../public/_locales/zh_CN/messages.json';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** Answers messages from `catalogue` as the browser does: named placeholders filled from `$1`…. */
function useCatalogue(catalogue: Catalogue, lang: string): void {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(lang);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const entry = catalogue[key];
    if (!entry) return '';
    const values = subs === undefined ? [] : [subs].flat();
    return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return values[Number(content.slice(1)) - 1] ?? '';
    });
  }) as typeof fakeBrowser.i18n.getMessage);
}

describe('sidePanelCount', () => {
  it('says one and many in English', () => {
    useCatalogue(en, 'en');
    expect(tCount('sidePanelCount', 1)).toBe('1 highlight or note');
    expect(tCount('sidePanelCount', 0)).toBe('0 highlights and notes');
    expect(tCount('sidePanelCount', 1200)).toBe('1,200 highlights and notes');
  });

  it('has one form in Chinese (its plural rules have no "one")', () => {
    useCatalogue(zh, 'zh-CN');
    expect(tCount('sidePanelCount', 1)).toBe('1 条高亮与笔记');
    expect(tCount('sidePanelCount', 3)).toBe('3 条高亮与笔记');
  });
});
