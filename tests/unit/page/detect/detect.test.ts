// @vitest-environment-options {"url":"http://fakehost/test/page.html"}
import { isProbablyReaderable } from '@mozilla/readability';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleScore, isProbablyArticle } from '../../../../lib/page/detect/detect';
import { weightedLength } from '../../../../lib/page/detect/detect-text';
import {
  FAKE_URL,
  hexoPosts,
  nonArticleFixtures,
  type ParsedPage,
  parsePage,
  readabilityCases,
  renderBareHexoPage,
  renderHexoPage,
} from '../../../support/page-corpus';

/** Pages are parsed once per file: parsing is the slow part. */
interface Page extends ParsedPage {
  name: string;
}

function parseAll<T extends { name: string }>(items: T[], html: (item: T) => string): Page[] {
  return items.map((item) => ({ name: item.name, ...parsePage(html(item)) }));
}

describe('isProbablyArticle on the Readability corpus', () => {
  const cases = readabilityCases();
  const expected = new Map(cases.map((c) => [c.name, c.metadata.readerable]));
  let pages: Page[] = [];
  beforeAll(() => {
    pages = parseAll(cases, (c) => c.source);
  }, 120_000);

  it('has 130 pages, parsed at the URL Readability tests with', () => {
    expect(pages).toHaveLength(130);
    expect(pages[0]?.doc.URL).toBe(FAKE_URL);
  });

  it("harness check: Readability's isProbablyReaderable agrees with readerable on every page", () => {
    const wrong = pages.filter((p) => isProbablyReaderable(p.doc) !== expected.get(p.name)).map((p) => p.name);
    expect(wrong).toEqual([]);
  });

  it('agrees with readerable on every page', () => {
    const wrong = pages
      .filter((p) => isProbablyArticle(p.doc) !== expected.get(p.name))
      .map((p) => `${p.name}: ${JSON.stringify(articleScore(p.doc))}`);
    expect(wrong).toEqual([]);
  });

  it('articleScore gives the same verdict as isProbablyArticle', () => {
    const differ = pages.filter((p) => articleScore(p.doc).isArticle !== isProbablyArticle(p.doc)).map((p) => p.name);
    expect(differ).toEqual([]);
  });
});

describe('isProbablyArticle on Hexo posts served as blog pages', () => {
  const posts = hexoPosts();
  let pages: Page[] = [];
  beforeAll(() => {
    pages = parseAll(posts, renderHexoPage);
  });

  it('has 24 posts', () => {
    expect(pages).toHaveLength(24);
  });

  it('calls at least 23 of 24 posts articles (Readability: 17)', () => {
    const missed = pages.filter((p) => !isProbablyArticle(p.doc)).map((p) => p.name);
    const readability = pages.filter((p) => isProbablyReaderable(p.doc)).length;
    const rules = pages.map((p) => articleScore(p.doc).rule);
    console.info(
      `hexo: ours ${pages.length - missed.length}/${pages.length} ` +
        `(content ${rules.filter((r) => r === 'content').length}, semantic ${rules.filter((r) => r === 'semantic').length}), ` +
        `isProbablyReaderable ${readability}/${pages.length}; missed: ${missed.join(', ') || 'none'}`,
    );
    expect(missed.length).toBeLessThanOrEqual(1);
  });

  it('finds most posts by their text alone, without the <article> markup', () => {
    // The same bodies in a bare <div>: only the CJK-weighted content score can say yes. The
    // misses are the image-only and link-only posts, and briefs written as bare text in a <div>
    // (no <p>: not a candidate, as in Readability).
    const bare = posts.map((post) => parsePage(renderBareHexoPage(post)));
    const found = bare.filter((p) => isProbablyArticle(p.doc)).length;
    const readability = bare.filter((p) => isProbablyReaderable(p.doc)).length;
    console.info(`hexo bare: ours ${found}/${bare.length}, isProbablyReaderable ${readability}/${bare.length}`);
    expect(found).toBeGreaterThanOrEqual(17);
  });
});

describe('isProbablyArticle on non-articles', () => {
  const fixtures = nonArticleFixtures();
  let pages: Page[] = [];
  beforeAll(() => {
    pages = parseAll(fixtures, (f) => f.html);
  });

  it('has the fixtures', () => {
    expect(pages.length).toBeGreaterThanOrEqual(9);
  });

  it('calls none of them an article', () => {
    const wrong = pages
      .filter((p) => isProbablyArticle(p.doc))
      .map((p) => `${p.name}: ${JSON.stringify(articleScore(p.doc))}`);
    const readability = pages.filter((p) => isProbablyReaderable(p.doc)).map((p) => p.name);
    console.info(`non-articles Readability calls readerable: ${readability.join(', ') || 'none'}`);
    expect(wrong).toEqual([]);
  });
});

describe('isProbablyArticle rules', () => {
  const page = (body: string, title = 'Page'): ParsedPage =>
    parsePage(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`);
  const zh = '中科院沈阳自动化所近日发布消息，我国自主研制的全海深自主遥控潜水器在深渊科考中取得重大突破。';

  it('weighs CJK so a short Chinese post counts like an English one of the same substance', () => {
    const p = page(`<div>${`<p>${zh}${zh}${zh}</p>`.repeat(2)}</div>`);
    expect(isProbablyReaderable(p.doc)).toBe(false);
    expect(articleScore(p.doc)).toMatchObject({ isArticle: true, rule: 'content' });
    expect(isProbablyArticle(p.doc, { cjkWeight: 1 })).toBe(false);
  });

  it('scores English exactly like Readability', () => {
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(6);
    const p = page(`<p>${text}</p><p>${text}</p>`);
    const expected = 2 * Math.sqrt(text.trim().length - 140);
    expect(articleScore(p.doc).score).toBeCloseTo(expected, 9);
  });

  it('ignores paragraphs that are mostly links', () => {
    const links = Array.from({ length: 12 }, (_, i) => `<a href="/story/${i}">Headline number ${i} about events</a>`);
    const p = page(`<p>${links.join(' · ')}</p>`.repeat(5));
    expect(isProbablyReaderable(p.doc)).toBe(true);
    expect(articleScore(p.doc)).toMatchObject({ isArticle: false, skipped: { linkDense: 5 } });
  });

  it('checks a link-heavy candidate before letting it decide, even when it comes first', () => {
    // One huge link list (an <article> wrapper of a front page) whose share alone would pass
    // the score, then prose too short to: the early-stopping scan must still refuse the page.
    const links = Array.from({ length: 60 }, (_, i) => `<a href="/s/${i}">Story headline number ${i} today</a>`);
    const p = page(`<article>${links.join(' ')}</article><p>${'Short words here. '.repeat(9)}</p>`);
    expect(isProbablyArticle(p.doc)).toBe(false);
    expect(articleScore(p.doc)).toMatchObject({ isArticle: false, skipped: { linkDense: 1 } });
  });

  it('uses a later long paragraph when the first one that would decide is link-dense', () => {
    const links = Array.from({ length: 30 }, (_, i) => `<a href="/s/${i}">Story headline number ${i}</a>`);
    const prose = 'A sentence of plain prose that carries the article forward. '.repeat(12);
    const p = page(`<p>${links.join(' ')}</p><p>${prose}</p>`);
    expect(isProbablyArticle(p.doc)).toBe(true);
    expect(articleScore(p.doc)).toMatchObject({ isArticle: true, counted: 1, skipped: { linkDense: 1 } });
  });

  it('weighs a paragraph as CJK when CJK shows within its first 64 code units', () => {
    const lead = 'Apple Vision Pro 2026 '; // a Latin opening, as Chinese news often has
    const p = page(`<p>${lead}${zh}${zh}</p>`);
    expect(articleScore(p.doc).score).toBeCloseTo(Math.sqrt(weightedLength(`${lead}${zh}${zh}`) - 140), 9);
    expect(weightedLength(`${lead}${zh}${zh}`)).toBeGreaterThan(lead.length + 2 * zh.length);
    // Past the probe, the paragraph counts as Latin text: plain length.
    const late = `${'x'.repeat(70)}${zh.repeat(4)}`;
    expect(articleScore(page(`<p>${late}</p>`).doc).score).toBeCloseTo(Math.sqrt(late.length - 140), 9);
  });

  it('ignores snippets under linked headings (results, teasers)', () => {
    const snippet = 'A snippet that repeats the query words and trails off in the middle of a sentence. '.repeat(3);
    const item = (i: number) =>
      `<div class="result"><h3><a href="https://example.com/${i}">Result ${i}</a></h3><p>${snippet}</p></div>`;
    const p = page(Array.from({ length: 10 }, (_, i) => item(i)).join(''));
    expect(isProbablyReaderable(p.doc)).toBe(true);
    expect(articleScore(p.doc)).toMatchObject({ isArticle: false, skipped: { teaser: 10 } });
  });

  it('ignores text in a sign-in form', () => {
    const legal =
      'By signing in you agree to the Terms of Service and acknowledge the Privacy Policy of the company. '.repeat(6);
    const p = page(
      `<form><p>${legal}</p><input name="user"><input type="password" name="pw"><button>Sign in</button></form>`,
    );
    expect(isProbablyReaderable(p.doc)).toBe(true);
    expect(articleScore(p.doc)).toMatchObject({ isArticle: false, skipped: { form: 1 } });
  });

  it('accepts a single <article> headed by the page title, even when short', () => {
    const p = page(
      '<main><article><h1>A URL Lengthener</h1><div>Link: <a href="https://x.example/">A URL Lengthener</a></div></article></main>',
      'A URL Lengthener | blog',
    );
    expect(articleScore(p.doc)).toMatchObject({ isArticle: true, rule: 'semantic' });
  });

  it('does not accept an <article> whose heading is not the page title, or an error page', () => {
    const body = '<article><h1>Something else entirely</h1><p>Short text here, nothing more.</p></article>';
    const other = page(body, 'My blog');
    expect(isProbablyArticle(other.doc)).toBe(false);
    const notFound = page(
      '<article><h1>404 Not Found</h1><p>Sorry, the page you asked for is gone.</p></article>',
      '404 Not Found | blog',
    );
    expect(isProbablyArticle(notFound.doc)).toBe(false);
  });

  it('calls an empty document not an article', () => {
    const p = parsePage('');
    expect(articleScore(p.doc)).toMatchObject({ isArticle: false, score: 0, counted: 0 });
  });
});
