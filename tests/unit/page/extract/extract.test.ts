// @vitest-environment-options {"url":"http://fakehost/test/page.html"}
import { Readability } from '@mozilla/readability';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../../../lib/page/extract/extract';
import { inertClone } from '../../../../lib/page/extract/inert-clone';
import { tunedReadability } from '../../../../lib/page/extract/readability-tuned';
import { countRetries, FAKE_URL, parsePage, readabilityCases, summarize, textF1 } from '../../../support/page-corpus';

interface Row {
  name: string;
  ours: number;
  readability: number;
  titleMatches: boolean;
  bylineMatches: boolean;
  langMatches: boolean;
  extracted: boolean;
  /** The tuned Readability returned exactly what the plain one did. */
  tunedSame: boolean;
  /** Retry passes the tuned run took (each one rebuilds the page from the source). */
  retries: number;
}

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? null) === (b ?? null);

describe('extractArticle on the Readability corpus', () => {
  let rows: Row[] = [];
  beforeAll(() => {
    rows = readabilityCases().map((c) => {
      const { doc } = parsePage(c.source);
      const expected = parsePage(c.expectedHtml).doc.body.textContent ?? '';
      const ours = extractArticle(doc, FAKE_URL);
      const tunedReader = tunedReadability(inertClone(doc), doc);
      const retries = countRetries(tunedReader);
      const tuned = tunedReader.parse();
      // extractArticle leaves `doc` as parsed, so raw Readability can consume it: same DOM, and
      // one jsdom clone (~50 ms a page) fewer.
      const raw = new Readability(doc).parse();
      return {
        name: c.name,
        ours: textF1(ours?.text ?? '', expected),
        readability: textF1(raw?.textContent ?? '', expected),
        titleMatches: same(ours?.title, c.metadata.title),
        bylineMatches: same(ours?.byline, c.metadata.byline),
        langMatches: same(ours?.lang, c.metadata.lang),
        extracted: ours !== null,
        tunedSame: JSON.stringify(tuned) === JSON.stringify(raw),
        retries: retries(),
      };
    });
  }, 180_000);

  it('extracts all 130 pages', () => {
    expect(rows).toHaveLength(130);
    expect(rows.filter((r) => !r.extracted).map((r) => r.name)).toEqual([]);
  });

  it('is never worse than raw Readability on the same DOM (text F1 against expected.html)', () => {
    const ours = summarize(rows.map((r) => r.ours));
    const raw = summarize(rows.map((r) => r.readability));
    const fmt = (s: typeof ours) => `mean ${s.mean.toFixed(4)} median ${s.median.toFixed(4)} min ${s.min.toFixed(4)}`;
    console.info(`F1 over ${rows.length} pages: ours ${fmt(ours)}; Readability ${fmt(raw)}`);
    const worst = [...rows].sort((a, b) => a.ours - b.ours).slice(0, 5);
    console.info(`lowest: ${worst.map((r) => `${r.name} ${r.ours.toFixed(3)}`).join(', ')}`);
    expect(rows.filter((r) => r.ours < r.readability - 1e-9).map((r) => r.name)).toEqual([]);
    expect(ours.median).toBeGreaterThan(0.95);
  });

  it("runs the tuned Readability to exactly the plain one's result, retry passes included", () => {
    expect(rows.filter((r) => !r.tunedSame).map((r) => r.name)).toEqual([]);
    const retried = rows.filter((r) => r.retries > 0);
    console.info(`pages that took a retry pass: ${retried.length} (${retried.map((r) => r.name).join(', ')})`);
    expect(retried.length).toBeGreaterThanOrEqual(5);
  });

  it('reports the title, byline and language Readability recorded for nearly every page', () => {
    const titles = rows.filter((r) => r.titleMatches).length;
    const bylines = rows.filter((r) => r.bylineMatches).length;
    const langs = rows.filter((r) => r.langMatches).length;
    console.info(`metadata matches of ${rows.length}: title ${titles}, byline ${bylines}, lang ${langs}`);
    console.info(
      `title mismatches: ${rows
        .filter((r) => !r.titleMatches)
        .map((r) => r.name)
        .join(', ')}`,
    );
    expect(titles).toBeGreaterThanOrEqual(125);
    expect(bylines).toBeGreaterThanOrEqual(120);
  });
});

describe('extractArticle', () => {
  const paragraph =
    '<p>Readability needs a few paragraphs of real prose before it trusts that a block is the article, so this test page has several of them, each long enough to count, with commas, clauses, and the occasional aside.</p>';
  const page = (head: string, body = '') =>
    parsePage(
      `<!doctype html><html lang="en" dir="ltr"><head><title>A test story | Example</title>${head}</head>` +
        `<body><nav><a href="/">Home</a></nav><article><h1>A test story</h1>${body}${paragraph.repeat(6)}</article></body></html>`,
    ).doc;

  it('leaves the live document untouched', () => {
    const doc = page('<script>var x = 1;</script><style>p{color:red}</style>');
    const before = doc.documentElement.outerHTML;
    expect(extractArticle(doc, 'https://example.com/story')).not.toBeNull();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('returns title, text, html, lang and dir', () => {
    const article = extractArticle(page(''), 'https://example.com/story');
    expect(article).toMatchObject({ lang: 'en', dir: 'ltr' });
    expect(article?.title).toContain('A test story');
    expect(article?.text).toContain('occasional aside');
    expect(article?.html).toContain('<p>');
  });

  it('resolves the canonical URL against the page, else og:url, else the page URL without hash', () => {
    const url = 'https://example.com/2024/06/story?utm_source=x#comments';
    expect(extractArticle(page('<link rel="canonical" href="/story">'), url)?.canonicalUrl).toBe(
      'https://example.com/story',
    );
    expect(
      extractArticle(page('<meta property="og:url" content="https://example.com/og-story">'), url)?.canonicalUrl,
    ).toBe('https://example.com/og-story');
    expect(extractArticle(page('<link rel="canonical" href="javascript:alert(1)">'), url)?.canonicalUrl).toBe(
      'https://example.com/2024/06/story?utm_source=x',
    );
  });

  it('gives the publication date as ISO 8601 from meta tags or <time datetime>', () => {
    const url = 'https://example.com/story';
    const meta = page('<meta property="article:published_time" content="2024-06-12T09:30:00+02:00">');
    expect(extractArticle(meta, url)?.published).toBe('2024-06-12T07:30:00.000Z');
    const time = page('', '<p>Posted <time datetime="2023-01-05T10:00:00Z">5 January</time></p>');
    expect(extractArticle(time, url)?.published).toBe('2023-01-05T10:00:00.000Z');
    const junk = page('<meta property="article:published_time" content="yesterday-ish">');
    expect(extractArticle(junk, url)?.published).toBeNull();
  });

  it('takes the share image as an absolute URL, else the first large content image', () => {
    // Readability already resolves content URLs against the document's URL (FAKE_URL here).
    const og = page('<meta property="og:image" content="/img/share.jpg">');
    expect(extractArticle(og, FAKE_URL)?.leadImage).toBe('http://fakehost/img/share.jpg');
    const content = page(
      '',
      '<p><img src="/img/avatar.png" width="48" height="48"></p><figure><img src="photos/big.jpg" width="1200"></figure>',
    );
    expect(extractArticle(content, FAKE_URL)?.leadImage).toBe('http://fakehost/test/photos/big.jpg');
    expect(extractArticle(page(''), FAKE_URL)?.leadImage).toBeNull();
  });

  it('returns null when there is no article', () => {
    expect(
      extractArticle(parsePage('<!doctype html><html><head></head><body></body></html>').doc, FAKE_URL),
    ).toBeNull();
  });
});
