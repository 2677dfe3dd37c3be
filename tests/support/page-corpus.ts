/**
 * Test helpers for article detection and extraction: reading the page corpora (Readability's
 * 130 pages, the Hexo posts served as blog pages, our non-article fixtures), parsing them, and
 * token-level text F1. (`corpus.ts` beside it reads the Markdown corpora for the
 * importer.)
 *
 * Paths are relative to the repository (vitest runs with the repo as cwd); the corpora are
 * part of it (`tests/fixtures/corpus`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Root of the test corpora. */
export const CORPUS = path.resolve(process.cwd(), 'tests/fixtures/corpus');
/** Our hand-made non-article pages. */
export const NON_ARTICLES = path.resolve(process.cwd(), 'tests/fixtures/non-articles');
/**
 * The base URL Readability's own test suite parses its pages with. Test files that parse pages
 * set it as the jsdom environment's URL with the docblock
 * `// @vitest-environment-options {"url":"http://fakehost/test/page.html"}`, so documents made
 * by `DOMParser` get it as their URL (and base URL).
 */
export const FAKE_URL = 'http://fakehost/test/page.html';

/** A parsed page. */
export interface ParsedPage {
  doc: Document;
}

/**
 * Parses `html` with the test environment's `DOMParser`: a document without a window, which
 * jsdom makes about 2.5 times faster than a `new JSDOM()` per page (130 pages: ~15 s instead of
 * ~40 s on the CI machine). Scripts do not run and nothing loads, as in a real DOMParser.
 */
export function parsePage(html: string): ParsedPage {
  return { doc: new DOMParser().parseFromString(html, 'text/html') };
}

/** `expected-metadata.json`: what Readability said about the page when the corpus was made. */
export interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  dir?: string | null;
  lang?: string | null;
  excerpt?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  readerable: boolean;
}

/** One page of Readability's test corpus. */
export interface ReadabilityCase {
  name: string;
  source: string;
  expectedHtml: string;
  metadata: ExpectedMetadata;
}

/** All Readability corpus pages, sorted by name. */
export function readabilityCases(): ReadabilityCase[] {
  const root = path.join(CORPUS, 'readability');
  return readdirSync(root)
    .filter((name) => statSync(path.join(root, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = path.join(root, name);
      return {
        name,
        source: readFileSync(path.join(dir, 'source.html'), 'utf8'),
        expectedHtml: readFileSync(path.join(dir, 'expected.html'), 'utf8'),
        metadata: JSON.parse(readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as ExpectedMetadata,
      };
    });
}

/** A Hexo post: path relative to `hexo-posts/`, title from front matter, HTML body. */
export interface HexoPost {
  name: string;
  title: string;
  body: string;
}

/** All Hexo posts of the corpus, sorted by path. */
export function hexoPosts(): HexoPost[] {
  const root = path.join(CORPUS, 'hexo-posts');
  return listFiles(root, '.md')
    .sort()
    .map((file) => {
      const { frontMatter, body } = splitFrontMatter(readFileSync(file, 'utf8'));
      return { name: path.relative(root, file), title: frontMatterTitle(frontMatter), body };
    });
}

function listFiles(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, ext);
    return entry.name.endsWith(ext) ? [full] : [];
  });
}

/**
 * Splits a Hexo file: after leading blank lines, a `---` line opens the front matter and the
 * next `---` line closes it; the rest is the body. Good enough for detection tests; the real
 * importer lives in `lib/shared/article/front-matter.ts`.
 */
export function splitFrontMatter(source: string): { frontMatter: string; body: string } {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  let i = 0;
  while (i < lines.length && lines[i]?.trim() === '') i++;
  if (lines[i]?.trim() !== '---') return { frontMatter: '', body: source };
  const end = lines.findIndex((line, j) => j > i && line.trim() === '---');
  if (end < 0) return { frontMatter: '', body: source };
  return { frontMatter: lines.slice(i + 1, end).join('\n'), body: lines.slice(end + 1).join('\n') };
}

/** The `title:` of a front matter, unquoted (single-quoted YAML doubles its quotes). */
function frontMatterTitle(frontMatter: string): string {
  const line = frontMatter.split('\n').find((l) => l.startsWith('title:')) ?? '';
  const raw = line.slice('title:'.length).trim();
  if (raw.startsWith("'") && raw.endsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  if (raw.startsWith('"') && raw.endsWith('"')) return raw.slice(1, -1).replace(/\\"/g, '"');
  return raw;
}

/** Serves a Hexo post as a plausible blog page: site nav, one `<article>` headed by the title. */
export function renderHexoPage(post: HexoPost): string {
  const title = escapeHtml(post.title);
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    `<title>${title}</title></head><body>` +
    '<header><nav><a href="/">首页</a> <a href="/archives">归档</a></nav></header>' +
    `<main><article><h1>${title}</h1>${post.body}</article></main>` +
    '<footer>© blog</footer></body></html>'
  );
}

/** The same post with no page chrome and no `<article>`: only its text can make it an article. */
export function renderBareHexoPage(post: HexoPost): string {
  return `<!doctype html><html><head><title>${escapeHtml(post.title)}</title></head><body><div>${post.body}</div></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Our non-article fixtures: file name and HTML. */
export function nonArticleFixtures(): { name: string; html: string }[] {
  return readdirSync(NON_ARTICLES)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => ({ name, html: readFileSync(path.join(NON_ARTICLES, name), 'utf8') }));
}

export { textF1, tokenize } from './text-f1';

/** Mean, median and minimum of a list (zeros for an empty one). */
export function summarize(values: number[]): { mean: number; median: number; min: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length);
  return { mean, median, min: sorted[0] ?? 0 };
}

/**
 * Counts the retry passes of a Readability `reader`'s parse (each pass drops one flag), by
 * wrapping its private `_removeFlag` on that instance. Call before `parse()`.
 */
export function countRetries(reader: object): () => number {
  const r = reader as { _removeFlag(flag: number): void };
  let count = 0;
  const drop = r._removeFlag;
  r._removeFlag = function (flag) {
    count++;
    drop.call(this, flag);
  };
  return () => count;
}
