/**
 * The background's rules for highlights from live pages: malformed records are refused, a page
 * reaches only articles of its own site, an unsaved page is saved with its first highlight, and
 * a late (older) write never replaces a newer record.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { highlightsForPage, putPageHighlight } from '../../../lib/background/page-annotations';
import { changed, newHighlight } from '../../../lib/model';
import type { WebPageSave } from '../../../lib/shared/article/web-page';
import { validateHighlight } from '../../../lib/shared/validate/highlight';
import { type Library, openLibrary } from '../../../lib/storage';
import { makeArticle } from '../../support/library';

const QUOTE = { type: 'TextQuoteSelector', exact: '停火线', prefix: '开通顿巴斯地区', suffix: '过境点' } as const;
const PAGE_URL = 'https://news.example.com/2021/12/story.html';

let library: Library;
beforeEach(async () => {
  library = await openLibrary({ name: `page-service-${Math.random()}` });
});
afterEach(() => library.close());

describe('validateHighlight', () => {
  const good = () =>
    newHighlight('a1', [QUOTE, { type: 'TextPositionSelector', start: 3, end: 6 }], 'pink', { note: 'n' });

  it('accepts a well-formed record and drops unknown fields', () => {
    const base = good();
    const valid = validateHighlight({ ...base, extra: '<script>' });
    expect(valid).toEqual(base);
    expect(valid && 'extra' in valid).toBe(false);
  });

  it.each([
    ['an unknown colour', { color: 'red' }],
    ['a missing quote', { selectors: [{ type: 'TextPositionSelector', start: 0, end: 1 }] }],
    ['an inverted position', { selectors: [QUOTE, { type: 'TextPositionSelector', start: 5, end: 1 }] }],
    ['an unknown selector', { selectors: [QUOTE, { type: 'XPathSelector', value: '/html' }] }],
    ['an id with markup', { id: '<img src=x>' }],
    ['a string timestamp', { updatedAt: '2021' }],
    ['a huge note', { note: 'x'.repeat(100_001) }],
    ['an empty article id', { articleId: '' }],
  ])('refuses %s', (_, patch) => {
    expect(validateHighlight({ ...good(), ...patch })).toBeNull();
  });

  it('allows an empty article id only for a page that will be saved with it', () => {
    expect(validateHighlight({ ...good(), articleId: '' }, true)?.articleId).toBe('');
  });
});

describe('putPageHighlight / highlightsForPage', () => {
  const page = { url: PAGE_URL } as WebPageSave;

  it('saves an unsaved page with its first highlight, and finds both from the page', async () => {
    const savePage = vi.fn(async () => {
      await library.upsertArticle(makeArticle({ id: 'saved', url: PAGE_URL }));
      return 'saved';
    });
    const stored = await putPageHighlight(library, savePage, newHighlight('', [QUOTE], 'yellow'), page, PAGE_URL);
    expect(savePage).toHaveBeenCalledOnce();
    expect(stored.articleId).toBe('saved');
    const found = await highlightsForPage(library, [`${PAGE_URL}#comments`], PAGE_URL);
    expect(found.articleId).toBe('saved');
    expect(found.highlights.map((h) => h.id)).toEqual([stored.id]);
  });

  it('keeps a page to its own site', async () => {
    await library.upsertArticle(makeArticle({ id: 'other', url: 'https://bank.example.org/a' }));
    const save = vi.fn(async () => 'x');
    const foreign = newHighlight('other', [QUOTE], 'yellow');
    await expect(putPageHighlight(library, save, foreign, null, PAGE_URL)).rejects.toThrow(/cannot change/);
    await expect(
      putPageHighlight(
        library,
        save,
        newHighlight('', [QUOTE], 'yellow'),
        { url: 'https://bank.example.org/a' } as WebPageSave,
        PAGE_URL,
      ),
    ).rejects.toThrow(/another site/);
    expect(await highlightsForPage(library, ['https://bank.example.org/a'], PAGE_URL)).toEqual({
      articleId: null,
      highlights: [],
    });
    expect(await library.listHighlights('other')).toEqual([]);
  });

  it('tells origins apart even under a shared suffix (github.io, co.uk)', async () => {
    await library.upsertArticle(makeArticle({ id: 'victim', url: 'https://victim.github.io/post' }));
    const victim = newHighlight('victim', [QUOTE], 'yellow');
    await library.putHighlight(victim);
    const evil = 'https://evil.github.io/page';
    expect(await highlightsForPage(library, ['https://victim.github.io/post'], evil)).toEqual({
      articleId: null,
      highlights: [],
    });
    await expect(
      putPageHighlight(library, vi.fn(), newHighlight('victim', [QUOTE], 'pink'), null, evil),
    ).rejects.toThrow(/cannot change/);
    // Nor can a page claim a known highlight id to read another article's record.
    await library.upsertArticle(makeArticle({ id: 'mine', url: evil }));
    await expect(putPageHighlight(library, vi.fn(), { ...victim, articleId: 'mine' }, null, evil)).rejects.toThrow(
      /another article/,
    );
  });

  it('lets a page on a sibling host change the article saved under its canonical URL, once it proves it by saving', async () => {
    await library.upsertArticle(makeArticle({ id: 'canon', url: 'https://www.example.com/post' }));
    const mobile = 'https://m.example.com/post';
    const h = newHighlight('canon', [QUOTE], 'blue');
    await expect(putPageHighlight(library, vi.fn(), h, null, mobile)).rejects.toThrow(/cannot change/);
    const savesAsCanon = vi.fn(async () => 'canon');
    expect(await putPageHighlight(library, savesAsCanon, h, { url: mobile } as WebPageSave, mobile)).toMatchObject({
      articleId: 'canon',
    });
    const savesAsOther = vi.fn(async () => 'other');
    await expect(
      putPageHighlight(library, savesAsOther, changed(h, { color: 'pink' }), { url: mobile } as WebPageSave, mobile),
    ).rejects.toThrow(/cannot change/);
  });

  it('never lets an older write replace a newer one', async () => {
    await library.upsertArticle(makeArticle({ id: 'a1', url: PAGE_URL }));
    const first = newHighlight('a1', [QUOTE], 'yellow', { now: 1000 });
    const newer = changed(first, { color: 'green' }, 3000);
    const late = changed(first, { color: 'blue' }, 2000);
    await putPageHighlight(library, vi.fn(), newer, null, PAGE_URL);
    expect(await putPageHighlight(library, vi.fn(), late, null, PAGE_URL)).toMatchObject({ color: 'green' });
    expect((await library.getHighlight(first.id))?.color).toBe('green');
  });
});
