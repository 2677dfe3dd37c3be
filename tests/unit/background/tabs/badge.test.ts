/**
 * The toolbar button's title names the reading view's shortcut the browser really has (issue
 * 20): the bound keys, or — when the browser left it unset — the in-page button instead, never
 * a key that does nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setArticleBadge } from '../../../../lib/background/tabs/badge';

const titles: string[] = [];
beforeEach(() => {
  titles.length = 0;
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key} ${[subs].flat().join(' ')}`) as typeof fakeBrowser.i18n.getMessage);
  const button = {
    setBadgeText: async () => undefined,
    setTitle: async ({ title }: { title: string }) => {
      titles.push(title);
    },
  };
  Object.assign(fakeBrowser, { action: button });
});
afterEach(() => vi.restoreAllMocks());

function bind(shortcut: string) {
  vi.spyOn(fakeBrowser.commands, 'getAll').mockImplementation((async () => [
    { name: 'toggle-reading-view', shortcut, description: '' },
  ]) as unknown as typeof fakeBrowser.commands.getAll);
}

describe('setArticleBadge', () => {
  it('names the keys the browser has for the reading view', async () => {
    bind('Alt+Shift+G');
    await setArticleBadge(3, true);
    bind('Ctrl+Shift+Y');
    await setArticleBadge(3, true);
    expect(titles).toEqual(['actionTitleArticle Alt+Shift+G', 'actionTitleArticle Ctrl+Shift+Y']);
  });

  it('points to the in-page button when no key is set, and clears the title off articles', async () => {
    bind('');
    await setArticleBadge(3, true);
    await setArticleBadge(3, false);
    expect(titles).toEqual(['actionTitleArticleNoKey', 'extName']);
  });
});
