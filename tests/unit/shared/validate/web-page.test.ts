/** The save call's payload is untrusted (it comes from a web page's content script). */
import { describe, expect, it } from 'vitest';
import { buildWebArticle, type WebPageSave } from '../../../../lib/shared/article/web-page';
import { LIMITS } from '../../../../lib/shared/validate/limits';
import { validateWebPageSave } from '../../../../lib/shared/validate/web-page';

const PAGE: WebPageSave = {
  url: 'https://example.com/posts/1?utm=x',
  canonicalUrl: 'https://www.example.com/posts/1',
  title: '  A post  ',
  byline: 'Ann',
  siteName: 'Example',
  published: '2024-05-01T10:00:00.000Z',
  leadImage: 'https://example.com/lead.jpg',
  lang: 'en',
  dir: 'ltr',
  html: '<p>Hello world.</p>',
};

describe('validateWebPageSave', () => {
  it('accepts a well-formed payload and trims the title', () => {
    expect(validateWebPageSave(PAGE)).toEqual({ ...PAGE, title: 'A post' });
  });

  it.each([
    ['not an object', 'x'],
    ['a non-http URL', { ...PAGE, url: 'javascript:alert(1)' }],
    ['a wrong type', { ...PAGE, byline: 3 }],
    ['an empty title', { ...PAGE, title: '  ' }],
    ['a bad date', { ...PAGE, published: 'yesterday' }],
    ['a bad language tag', { ...PAGE, lang: 'en"><script>' }],
    ['a bad direction', { ...PAGE, dir: 'up' }],
    ['a missing field', { ...PAGE, html: undefined }],
    ['HTML over 5 MB', { ...PAGE, html: 'x'.repeat(LIMITS.html + 1) }],
    ['an SVG data: lead image (it can carry script)', { ...PAGE, leadImage: 'data:image/svg+xml;base64,PHN2Zz4=' }],
    ['a javascript: address', { ...PAGE, url: 'javascript:alert(1)' }],
  ])('refuses %s', (_, payload) => {
    expect(validateWebPageSave(payload)).toBeNull();
  });

  it('drops a canonical URL on another site, so a page cannot overwrite that site’s saved copy', () => {
    expect(validateWebPageSave({ ...PAGE, canonicalUrl: 'https://bank.test/a' })?.canonicalUrl).toBeNull();
    // Sites that share a domain suffix are still other sites.
    const tenant = { ...PAGE, url: 'https://evil.github.io/p', canonicalUrl: 'https://victim.github.io/post' };
    expect(validateWebPageSave(tenant)?.canonicalUrl).toBeNull();
    const mobile = { ...PAGE, url: 'https://m.example.com/p', canonicalUrl: 'https://www.example.com/p' };
    expect(validateWebPageSave(mobile)?.canonicalUrl).toBe('https://www.example.com/p');
  });
});

describe('buildWebArticle', () => {
  const body = { html: '<p>你好，世界。这是一篇文章。</p>', text: '你好，世界。这是一篇文章。', images: [] };

  it('keys the article by canonical URL, so re-saving from another URL lands on the same id', async () => {
    const a = await buildWebArticle(PAGE, body, 1);
    const b = await buildWebArticle({ ...PAGE, url: 'https://example.com/posts/1' }, body, 2);
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ origin: 'web', url: PAGE.canonicalUrl, author: 'Ann', source: 'Example', savedAt: 1 });
    expect(a.heroImage).toBe(PAGE.leadImage);
  });

  it('guesses the language of an undeclared page and names the host as source', async () => {
    const article = await buildWebArticle({ ...PAGE, lang: null, siteName: null, canonicalUrl: null }, body, 1);
    expect(article.lang).toMatch(/^zh/);
    expect(article.source).toBe('example.com');
    expect(article.charCount).toBeGreaterThan(0);
  });
});
