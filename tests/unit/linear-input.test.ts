/**
 * Issue 14, finding 4: every function that reads untrusted text is linear. Each one below is fed
 * 1 MB of the pathological patterns that make naive parsers quadratic — long whitespace runs,
 * unclosed brackets and emphasis, repeated openers, deep nesting — and must spend under five
 * seconds of CPU: a bound that catches quadratic blow-up (on the old code 40,000 `[` took 714 ms
 * and grew ×4 per doubling: 1 MB would take minutes), not machine noise. The first bound, one
 * second of wall time, failed on this 2-core machine while four other jobs ran (1.0–1.4 s for
 * the Markdown importer on 1 MB of `*a`, whose output alone is 300,000 elements): a flaky test.
 * CPU time, not wall time, so waiting for a core does not count. Only the function under test is
 * timed (building a DOM is not).
 */
import { describe, expect, it } from 'vitest';
import { snippet } from '../../lib/background/search/snippet';
import { parseQuery, termsOf } from '../../lib/background/search/terms';
import { parseSeedFile } from '../../lib/shared/article/front-matter';
import { blockText } from '../../lib/shared/article/html-text';
import { sanitizeArticleHtml } from '../../lib/shared/article/sanitize';
import { countChars, detectLang, excerpt, readingMinutes } from '../../lib/shared/article/text-stats';
import { parseNote } from '../../lib/shared/highlighting/markdown';
import { isGlossaMarkdownExport, isHtmlBody, toSeedFile } from '../../lib/ui/import/markdown-file';
import { markdownToHtml } from '../../lib/ui/import/markdown-html';
import { emphasise } from '../../lib/ui/library-view/emphasis';

const MB = 1_000_000;
const BOUND_MS = 5_000;

/**
 * `unit` repeated to one megabyte (in UTF-16 units), then one `x`: a run that does not reach the
 * end of the text is what makes `\s+$`-style patterns backtrack at every position.
 */
const mb = (unit: string) => `${unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB - 1)}x`;

/** Patterns that make scanners backtrack or rescan: runs, openers without closers, nesting. */
const PATTERNS: Record<string, string> = {
  spaces: mb(' '),
  'whitespace mix': mb(' \t\n\u00a0\u3000'),
  'open brackets': mb('['),
  'bracket-paren': mb('[a]('),
  stars: mb('*'),
  'star-letter': mb('*a'),
  'double stars': mb('**a '),
  underscores: mb('_a'),
  backticks: mb('`a'),
  'angle brackets': mb('<'),
  'link openers': mb('<a href='),
  'quote markers': mb('> '),
  'list markers': mb('- '),
  'nested lists': mb('  - '),
  dashes: mb('-'),
  'front-matter fences': mb('---\n'),
  newlines: mb('\n'),
  CJK: mb('乌克兰停火线'),
  'CJK with spaces': mb('乌 克 兰 '),
};

/** Runs `fn` and answers how long it took, in ms. */
/**
 * Milliseconds of CPU this process spent in `fn` (user + system): what the function costs, not
 * how long other processes kept the core from it.
 */
function timed(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe.each(Object.entries(PATTERNS))('1 MB of %s', (_name, input) => {
  it('note Markdown', () => {
    expect(timed(() => parseNote(input))).toBeLessThan(BOUND_MS);
    expect(timed(() => parseNote(`- ${input}`))).toBeLessThan(BOUND_MS);
  });
  it('Markdown import (to HTML) and file-kind detection', () => {
    for (const text of [input, `# ${input}`, `- ${input}`, `> ${input}`, `\`\`\`\n${input}`]) {
      expect(timed(() => markdownToHtml(text))).toBeLessThan(BOUND_MS);
      expect(timed(() => [isHtmlBody(text), isGlossaMarkdownExport(text)])).toBeLessThan(BOUND_MS);
      expect(timed(() => toSeedFile({ name: 'x.md', text }))).toBeLessThan(BOUND_MS);
    }
  });
  it('front matter, and the dates in it', () => {
    for (const text of [
      input,
      `--- ${input}`,
      `---\ntitle: x\n---\n${input}`,
      `\n---\ntitle: ${input}\n`,
      `---\ntitle: x\ndate: ${input}\n---\n<p>x</p>`,
    ]) {
      expect(timed(() => parseSeedFile('x.md', text))).toBeLessThan(BOUND_MS);
    }
  });
  it('search query, terms, snippet and emphasis', () => {
    expect(timed(() => parseQuery(input))).toBeLessThan(BOUND_MS);
    expect(timed(() => termsOf(input))).toBeLessThan(BOUND_MS);
    expect(timed(() => snippet(input, '乌克兰 停火'))).toBeLessThan(BOUND_MS);
    expect(timed(() => snippet(`${input}乌克兰`, input.slice(0, 2000)))).toBeLessThan(BOUND_MS);
    expect(timed(() => emphasise(input.slice(0, 2000), input.slice(0, 2000)))).toBeLessThan(BOUND_MS);
  });
  it('text statistics', () => {
    expect(timed(() => [countChars(input), readingMinutes(input), detectLang(input), excerpt(input)])).toBeLessThan(
      BOUND_MS,
    );
  });
  it('plain text of sanitized HTML, in a <pre> and in a paragraph', () => {
    const doc = document.implementation.createHTMLDocument('');
    const pre = doc.createElement('pre');
    pre.textContent = input;
    const p = doc.createElement('p');
    p.textContent = input;
    doc.body.append(pre, p);
    const br = doc.createElement('p');
    br.append(input, doc.createElement('br'), input);
    doc.body.append(br);
    expect(timed(() => blockText(doc.body))).toBeLessThan(BOUND_MS);
  });
});

describe('the sanitizer and text extraction on 1 MB of hostile HTML', () => {
  it.each([
    ['a whitespace run in <pre>', `<pre>${mb(' ')}</pre>`],
    ['a newline run in <pre>', `<pre>${mb('\n')}</pre>`],
    ['unclosed attributes', mb('<a href="')],
    ['comments', mb('<!--')],
  ])('%s', (_name, html) => {
    // DOMPurify parses and walks the whole input: linear, but jsdom is slow; the bound is 3 s.
    expect(timed(() => sanitizeArticleHtml(html, window))).toBeLessThan(3 * BOUND_MS);
  });

  it('whitespace runs between 100,000 line breaks (the text of a parsed body: jsdom’s parsing is not ours)', () => {
    const doc = new DOMParser().parseFromString(`<p>${mb(' <br>  \n\t')}</p>`, 'text/html');
    expect(timed(() => blockText(doc.body))).toBeLessThan(BOUND_MS);
  });

  it('a tree nested 1,000,000 deep', () => {
    // A tree of plain objects with the node properties the walk reads: jsdom's parser is itself
    // quadratic in depth (browsers cap it at 512), and so is building a deep jsdom tree.
    type Fake = {
      nodeType: number;
      nodeName: string;
      nodeValue: string | null;
      firstChild: Fake | null;
      nextSibling: Fake | null;
      parentNode: Fake | null;
      textContent: string;
    };
    const node = (nodeType: number, nodeName: string, nodeValue: string | null = null): Fake => ({
      nodeType,
      nodeName,
      nodeValue,
      firstChild: null,
      nextSibling: null,
      parentNode: null,
      textContent: '',
    });
    const root = node(1, 'DIV');
    let parent = root;
    for (let i = 0; i < MB; i++) {
      const child = node(1, i % 2 ? 'SPAN' : 'DIV');
      child.parentNode = parent;
      parent.firstChild = child;
      if (i % 7 === 0) {
        const text = node(3, '#text', ' x ');
        text.parentNode = parent;
        child.nextSibling = text;
      }
      parent = child;
    }
    let text = '';
    expect(
      timed(() => {
        text = blockText(root as unknown as Node);
      }),
    ).toBeLessThan(BOUND_MS);
    expect(text.split('\n\n').length).toBeGreaterThan(1000);
  });
});
