/**
 * The background's rules for what a web page may do (issue 14, finding 5): a page reads and
 * writes only the article saved from its own address — never one it names as its canonical,
 * never across schemes — saves only itself, creates at most one article per gesture, gets one
 * answer for "not yours" and "not found", and a late (older) write never replaces a newer one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createGestureGate,
  highlightsForPage,
  NOT_THIS_PAGE,
  pageHighlightArticle,
  putPageHighlight,
  type StorePage,
  savePageFor,
  withoutNote,
} from '../../../lib/background/page-access';
import { changed, newHighlight } from '../../../lib/model';
import type { WebPageSave } from '../../../lib/shared/article/web-page';
import { webArticleId } from '../../../lib/shared/article/web-page';
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

/** A page save request as the content script builds it. */
function pageAt(url: string, canonicalUrl: string | null = null): WebPageSave {
  return {
    url,
    canonicalUrl,
    title: 'A story',
    byline: null,
    siteName: null,
    published: null,
    leadImage: null,
    lang: 'en',
    dir: 'ltr',
    html: '<p>Story</p>',
  };
}

/** The background's save path, storing a minimal article with the id the page will have. */
function storeInto(lib: Library): StorePage & ReturnType<typeof vi.fn> {
  return vi.fn(async (page: WebPageSave) => {
    const id = await webArticleId(page);
    const outcome = await lib.upsertArticle(makeArticle({ id, url: page.canonicalUrl ?? page.url }));
    return { id, outcome };
  });
}

describe('what a page may do', () => {
  it('saves an unsaved page with its first highlight, and finds both from the page, tracking and fragment aside', async () => {
    const store = storeInto(library);
    const stored = await putPageHighlight(library, store, newHighlight('', [QUOTE], 'yellow'), pageAt(PAGE_URL), {
      url: PAGE_URL,
    });
    expect(store).toHaveBeenCalledOnce();
    const found = await highlightsForPage(library, `${PAGE_URL}?utm_source=feed&fbclid=x#comments`);
    expect(found.articleId).toBe(stored.articleId);
    expect(found.highlights.map((h) => h.id)).toEqual([stored.id]);
  });

  it('binds a save to the sender: a page cannot save (or overwrite) another address', async () => {
    await library.upsertArticle(makeArticle({ id: 'bank', url: 'https://bank.example.org/a' }));
    const store = storeInto(library);
    await expect(savePageFor(library, store, pageAt('https://bank.example.org/a'), { url: PAGE_URL })).rejects.toThrow(
      NOT_THIS_PAGE,
    );
    expect(store).not.toHaveBeenCalled();
  });

  it('gives one answer for "not yours" and "not found", and reads nothing of another site', async () => {
    await library.upsertArticle(makeArticle({ id: 'other', url: 'https://bank.example.org/a' }));
    await library.putHighlight(newHighlight('other', [QUOTE], 'yellow', { note: 'secret' }));
    const store = storeInto(library);
    const notYours = putPageHighlight(library, store, newHighlight('other', [QUOTE], 'yellow'), null, {
      url: PAGE_URL,
    });
    const notFound = putPageHighlight(library, store, newHighlight('nothing', [QUOTE], 'yellow'), null, {
      url: PAGE_URL,
    });
    await expect(notYours).rejects.toThrow(NOT_THIS_PAGE);
    await expect(notFound).rejects.toThrow(NOT_THIS_PAGE);
    expect(await highlightsForPage(library, PAGE_URL)).toEqual({ articleId: null, highlights: [] });
  });

  it('keeps the scheme apart: an http page neither reads nor overwrites the https article', async () => {
    const https = 'https://victim.example/post';
    const store = storeInto(library);
    const saved = await savePageFor(library, store, pageAt(https), { url: https });
    await library.putHighlight(newHighlight(saved.id, [QUOTE], 'yellow', { note: 'mine' }));
    const http = 'http://victim.example/post';
    expect(await highlightsForPage(library, http)).toEqual({ articleId: null, highlights: [] });
    // Declaring the https copy as canonical does not make the http page that article.
    const fromHttp = await savePageFor(library, store, pageAt(http, https), { url: http });
    expect(fromHttp.id).not.toBe(saved.id);
    expect((await library.getArticleMeta(saved.id))?.url).toBe(https);
    await expect(
      putPageHighlight(library, store, newHighlight(saved.id, [QUOTE], 'pink'), null, { url: http }),
    ).rejects.toThrow(NOT_THIS_PAGE);
  });

  it('on a shared origin, a page naming a victim as its canonical reads nothing and overwrites nothing', async () => {
    const victim = 'https://storage.example.net/victim-bucket/notes.html';
    const attacker = 'https://storage.example.net/attacker-bucket/page.html';
    const store = storeInto(library);
    const saved = await savePageFor(library, store, pageAt(victim), { url: victim });
    await library.putHighlight(newHighlight(saved.id, [QUOTE], 'yellow', { note: 'private note' }));
    expect(await highlightsForPage(library, attacker)).toEqual({ articleId: null, highlights: [] });
    // Its claim may name a new article: it is saved under its own address instead.
    const claimed = await savePageFor(library, store, pageAt(attacker, victim), { url: attacker });
    expect(claimed.id).not.toBe(saved.id);
    expect((await library.getArticleMeta(claimed.id))?.url).toBe(attacker);
    expect((await library.listHighlights(saved.id)).map((h) => h.note)).toEqual(['private note']);
  });

  it('a page whose canonical is elsewhere on its site keeps reaching the article it saved', async () => {
    const own = 'https://news.example.com/story?id=7';
    const canonical = 'https://news.example.com/2021/story-7';
    const store = storeInto(library);
    const h = await putPageHighlight(library, store, newHighlight('', [QUOTE], 'blue'), pageAt(own, canonical), {
      url: own,
    });
    expect((await library.getArticleMeta(h.articleId))?.url).toBe(canonical);
    expect((await highlightsForPage(library, own)).highlights.map((x) => x.id)).toEqual([h.id]);
    await putPageHighlight(library, store, changed(h, { color: 'pink' }), null, { url: own });
    expect((await library.getHighlight(h.id))?.color).toBe('pink');
  });

  it('creates at most one new article per gesture of the reader in a tab', async () => {
    const gate = createGestureGate();
    const store = storeInto(library);
    const sender = (url: string, count: number) => ({ url, gesture: { tabId: 1, count, gate } });
    const a = 'https://news.example.com/a';
    const b = 'https://news.example.com/b';
    await savePageFor(library, store, pageAt(a), sender(a, 1));
    await expect(savePageFor(library, store, pageAt(b), sender(b, 1))).rejects.toThrow(NOT_THIS_PAGE);
    await expect(savePageFor(library, store, pageAt(b), sender(b, 0))).rejects.toThrow(NOT_THIS_PAGE);
    // Saving an article that exists needs no new gesture; a new one does.
    await savePageFor(library, store, pageAt(a), sender(a, 1));
    await savePageFor(library, store, pageAt(b), sender(b, 2));
    expect(store).toHaveBeenCalledTimes(3);
    gate.forget(1);
    await savePageFor(library, store, pageAt('https://news.example.com/c'), sender('https://news.example.com/c', 1));
  });

  it('never lets an older write replace a newer one, nor a known highlight move to another article', async () => {
    await library.upsertArticle(makeArticle({ id: 'a1', url: PAGE_URL }));
    const store = storeInto(library);
    const first = newHighlight('a1', [QUOTE], 'yellow', { now: 1000 });
    const newer = changed(first, { color: 'green' }, 3000);
    const late = changed(first, { color: 'blue' }, 2000);
    await putPageHighlight(library, store, newer, null, { url: PAGE_URL });
    expect(await putPageHighlight(library, store, late, null, { url: PAGE_URL })).toMatchObject({ color: 'green' });
    expect((await library.getHighlight(first.id))?.color).toBe('green');
    const mine = 'https://news.example.com/mine';
    await library.upsertArticle(makeArticle({ id: 'mine', url: mine }));
    await expect(
      putPageHighlight(library, store, { ...newer, articleId: 'mine' }, null, { url: mine }),
    ).rejects.toThrow(NOT_THIS_PAGE);
  });
});

describe('notes never enter a page', () => {
  it('a page reads its highlights without their notes, and the note editor opens only on its own', async () => {
    await library.upsertArticle(makeArticle({ id: 'a1', url: PAGE_URL }));
    await library.upsertArticle(makeArticle({ id: 'other', url: 'https://news.example.com/other' }));
    const mine = newHighlight('a1', [QUOTE], 'yellow', { note: '我的私密笔记' });
    const theirs = newHighlight('other', [QUOTE], 'yellow', { note: 'elsewhere' });
    await library.putHighlight(mine);
    await library.putHighlight(theirs);
    const seen = (await highlightsForPage(library, PAGE_URL)).highlights.map(withoutNote);
    expect(seen).toEqual([{ ...mine, note: '', stamps: expect.anything() }]);
    expect(JSON.stringify(seen)).not.toContain('私密');
    expect(await pageHighlightArticle(library, `${PAGE_URL}#x`, mine.id)).toBe('a1');
    await expect(pageHighlightArticle(library, PAGE_URL, theirs.id)).rejects.toThrow(NOT_THIS_PAGE);
    await expect(pageHighlightArticle(library, PAGE_URL, 'no-such-id')).rejects.toThrow(NOT_THIS_PAGE);
    await library.putHighlight(changed(mine, { deleted: true }));
    await expect(pageHighlightArticle(library, PAGE_URL, mine.id)).rejects.toThrow(NOT_THIS_PAGE);
  });

  it('a page cannot write a note: a stored highlight keeps its own, a new one has none', async () => {
    await library.upsertArticle(makeArticle({ id: 'a1', url: PAGE_URL }));
    const store = storeInto(library);
    const first = newHighlight('a1', [QUOTE], 'yellow', { note: 'kept', now: 1000 });
    await library.putHighlight(first);
    // The page knows the highlight without its note; a colour change must not blank it, and a
    // note it sends is not written either.
    const recoloured = await putPageHighlight(
      library,
      store,
      changed({ ...first, note: '' }, { color: 'green' }, 2000),
      null,
      {
        url: PAGE_URL,
      },
    );
    expect(recoloured.note).toBe('');
    const overwrite = changed({ ...first, color: 'green' }, { note: 'written by the page' }, 3000);
    await putPageHighlight(library, store, overwrite, null, { url: PAGE_URL });
    expect(await library.getHighlight(first.id)).toMatchObject({ color: 'green', note: 'kept' });
    const fresh = newHighlight('a1', [QUOTE], 'pink', { note: 'smuggled' });
    await putPageHighlight(library, store, fresh, null, { url: PAGE_URL });
    expect((await library.getHighlight(fresh.id))?.note).toBe('');
  });

  it('a page cannot date a highlight in the future, where it would outrank the reader’s later edits', async () => {
    await library.upsertArticle(makeArticle({ id: 'a1', url: PAGE_URL }));
    const future = newHighlight('a1', [QUOTE], 'yellow', { now: Date.now() + 24 * 3600_000 });
    await expect(putPageHighlight(library, storeInto(library), future, null, { url: PAGE_URL })).rejects.toThrow(
      NOT_THIS_PAGE,
    );
    const skewed = newHighlight('a1', [QUOTE], 'yellow', { now: Date.now() + 60_000 });
    expect((await putPageHighlight(library, storeInto(library), skewed, null, { url: PAGE_URL })).id).toBe(skewed.id);
  });

  it('a page cannot create a paragraph note', async () => {
    await library.upsertArticle(makeArticle({ id: 'a1', url: PAGE_URL }));
    const note = newHighlight('a1', [{ type: 'ParagraphSelector', index: 2, textHash: 'abc' }], 'yellow', {
      kind: 'paragraph-note',
    });
    await expect(putPageHighlight(library, storeInto(library), note, null, { url: PAGE_URL })).rejects.toThrow(
      NOT_THIS_PAGE,
    );
    expect(await library.getHighlight(note.id)).toBeUndefined();
  });

  it('a page neither creates a page note nor learns of one', async () => {
    await library.upsertArticle(makeArticle({ id: 'a1', url: PAGE_URL }));
    const stored = newHighlight('a1', [], 'yellow', { kind: 'page-note', note: '整篇的笔记' });
    await library.putHighlight(stored);
    expect((await highlightsForPage(library, PAGE_URL)).highlights).toEqual([]);
    const forged = newHighlight('a1', [], 'yellow', { kind: 'page-note' });
    await expect(putPageHighlight(library, storeInto(library), forged, null, { url: PAGE_URL })).rejects.toThrow(
      NOT_THIS_PAGE,
    );
    expect(await library.getHighlight(forged.id)).toBeUndefined();
  });

  it('a page cannot turn its highlight into another kind (a page note would lose its place)', async () => {
    await library.upsertArticle(makeArticle({ id: 'a1', url: PAGE_URL }));
    const mine = await putPageHighlight(library, storeInto(library), newHighlight('a1', [QUOTE], 'yellow'), null, {
      url: PAGE_URL,
    });
    const turned = { ...mine, kind: 'page-note' as const, selectors: [], updatedAt: mine.updatedAt + 1 };
    await expect(putPageHighlight(library, storeInto(library), turned, null, { url: PAGE_URL })).rejects.toThrow(
      NOT_THIS_PAGE,
    );
    expect(await library.getHighlight(mine.id)).toMatchObject({ kind: 'highlight', selectors: [QUOTE] });
  });
});
