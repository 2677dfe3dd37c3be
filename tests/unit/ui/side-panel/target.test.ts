/** Which article the side panel shows for a tab's URL. */
import { describe, expect, it } from 'vitest';
import { newHighlight } from '../../../../lib/model';
import { openLibrary } from '../../../../lib/storage';
import { articleOfTarget, sameTarget, targetOfUrl } from '../../../../lib/ui/side-panel/target';
import { makeArticle } from '../../../support/library';

const READER = 'chrome-extension://abc/reader.html';

describe('targetOfUrl', () => {
  it('reads the article id of our reader page', () => {
    expect(targetOfUrl(`${READER}?id=a_123`, READER)).toEqual({ kind: 'stored', articleId: 'a_123' });
    expect(targetOfUrl(READER, READER)).toEqual({ kind: 'other' });
  });

  it('takes an http(s) page at its own address, without fragment and tracking parameters', () => {
    expect(targetOfUrl('https://news.example/a.html?utm_source=x#p3', READER)).toEqual({
      kind: 'live',
      address: 'https://news.example/a.html',
    });
  });

  it('shows the library for anything else', () => {
    for (const url of [undefined, '', 'about:newtab', 'chrome://extensions/', 'chrome-extension://abc/options.html']) {
      expect(targetOfUrl(url, READER)).toEqual({ kind: 'other' });
    }
  });

  it('compares targets by what they name', () => {
    expect(sameTarget({ kind: 'live', address: 'https://a/' }, { kind: 'live', address: 'https://a/' })).toBe(true);
    expect(sameTarget({ kind: 'stored', articleId: 'a' }, { kind: 'stored', articleId: 'b' })).toBe(false);
    expect(sameTarget({ kind: 'other' }, { kind: 'other' })).toBe(true);
  });
});

describe('articleOfTarget', () => {
  it('finds the saved article of a live page and of a stored copy, and none for an unsaved page', async () => {
    const library = await openLibrary();
    const article = makeArticle({ id: 'a_0123456789abcdef01234567', url: 'https://news.example/a.html' });
    await library.upsertArticle(article);
    await library.putHighlight(newHighlight(article.id, [], 'yellow'));
    const live = targetOfUrl('https://news.example/a.html#top', READER);
    expect((await articleOfTarget(library, live))?.id).toBe(article.id);
    expect((await articleOfTarget(library, { kind: 'stored', articleId: article.id }))?.title).toBe(article.title);
    expect(await articleOfTarget(library, targetOfUrl('https://news.example/b.html', READER))).toBeUndefined();
    library.close();
  });
});
