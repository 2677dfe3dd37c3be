/**
 * Obsidian Markdown export: front matter with the article's fields, every live highlight and
 * paragraph note in document order with its colour and note, nothing deleted, and quoted text
 * escaped so it shows exactly as written.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article, Highlight } from '../../../../lib/model';
import { sanitizeArticleHtml } from '../../../../lib/shared/article/sanitize';
import type { Library } from '../../../../lib/storage';
import { exportArticle, exportLibrary } from '../../../../lib/ui/export';
import { inDocumentOrder } from '../../../../lib/ui/export/highlight-order';
import { articleMarkdown, callout } from '../../../../lib/ui/export/markdown';
import { escapeInline } from '../../../../lib/ui/export/markdown-text';
import { makeArticle, makeHighlight } from '../../../support/library';
import { fullLibrary } from '../../../support/library-fixture';

/** The page's sanitizer, as the reader passes it. */
const clean = (html: string) => sanitizeArticleHtml(html, window).html;

const open: Library[] = [];
afterEach(() => {
  for (const library of open.splice(0)) library.close();
});

/** The YAML between the first two `---` lines. */
function frontMatterOf(markdown: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!m) throw new Error('no front matter');
  return load(m[1] ?? '', { schema: CORE_SCHEMA }) as Record<string, unknown>;
}

describe('one article as Obsidian Markdown', () => {
  it('has the front matter and every live annotation in document order, with colours and notes', async () => {
    const { library, seedId, deletedHighlightId } = await fullLibrary();
    open.push(library);
    const article = (await library.getArticle(seedId)) as Article;
    const highlights = await library.listHighlights(seedId, { includeDeleted: true });
    const file = exportArticle('markdown', article, highlights, { sanitizeHtml: clean });
    const md = file.parts.join('');
    expect(file.name).toBe('华盛顿与基辅就莫斯科危机进行磋商并指责俄罗斯继续向乌克兰军事集结.md');
    expect(frontMatterOf(md)).toEqual({
      title: '华盛顿与基辅就莫斯科危机进行磋商并指责俄罗斯继续向乌克兰军事集结',
      author: 'Aljazeera 半岛网',
      date: '2021-12-10T10:20:36Z',
      tags: ['乌克兰', 'to-read'],
      source: 'Aljazeera 半岛网',
      categories: ['新媒体', 'Aljazeera 半岛网', '新闻'],
      saved: '2023-11-14T22:13:20.000Z',
      glossa: seedId,
    });
    expect(md).toContain('\n# 华盛顿与基辅就莫斯科危机进行磋商并指责俄罗斯继续向乌克兰军事集结\n');

    const live = highlights.filter((h) => !h.deleted);
    expect(live.length).toBe(7);
    // Each live annotation once, as a callout with its colour, in the order of the text.
    const positions = live.map((h) => ({ h, at: md.indexOf(`^h-${h.id}`) }));
    expect(positions.every((p) => p.at > 0)).toBe(true);
    const inFile = positions.sort((a, b) => a.at - b.at).map((p) => p.h.id);
    expect(inFile).toEqual(inDocumentOrder(live).map((h) => h.id));
    const starts = inDocumentOrder(live).map(
      (h) => h.selectors.find((s) => s.type === 'TextPositionSelector')?.start ?? -1,
    );
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const color of ['yellow', 'green', 'blue', 'pink', 'purple']) {
      expect(md).toContain(`> [!quote|${color}] Highlight · ${color[0]?.toUpperCase()}${color.slice(1)}`);
    }
    expect(md).toContain('> 停火线过境点\n>\n> **Note**\n>\n> 过境点 **重开** 的背景\n');
    // The paragraph note: its paragraph's opening quoted, its note, before that paragraph's highlights.
    expect(md).toMatch(
      /> \[!note\|green\] Paragraph note · Green\n> > 与此同时，拜登还评估了.*…\n>\n> 这一段说明了和谈的立场。\n/,
    );
    expect(md.indexOf('[!note|green]')).toBeLessThan(md.indexOf('> 拜登还评估了他与俄罗斯总'));
    expect(md).not.toContain(deletedHighlightId);
    expect(md).not.toContain('deleted');
  });

  it('escapes quoted text so markup in it shows as written', () => {
    const article = makeArticle({ id: 'x', title: 'Tags: #1 *bold*', tags: ['two words', '#hash'] });
    const tricky = makeHighlight({
      id: 'h1',
      articleId: 'x',
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: '1. <script>alert(1)</script> *a* [b](c) ==d== %%e%%',
          prefix: '',
          suffix: '',
        },
      ],
      note: 'a **note**',
    });
    const md = articleMarkdown(article, [tricky]);
    expect(md).toContain('# Tags: \\#1 \\*bold\\*');
    expect(md).toContain('> 1\\. \\<script\\>alert(1)\\</script\\> \\*a\\* \\[b\\](c) \\=\\=d\\=\\= \\%\\%e\\%\\%');
    expect(frontMatterOf(md).tags).toEqual(['two-words', '-hash']);
    expect(escapeInline('- item')).toBe('\\- item');
    expect(escapeInline('> quote')).toBe('\\> quote');
    expect(callout(tricky)).toContain('> a **note**');
  });

  it('orders by position, puts a paragraph note before what is highlighted in it, and unplaced ones last', () => {
    const at = (id: string, start: number | null, kind: Highlight['kind'] = 'highlight', createdAt = 1): Highlight =>
      makeHighlight({
        id,
        articleId: 'a',
        kind,
        createdAt,
        selectors: [
          { type: 'TextQuoteSelector', exact: id, prefix: '', suffix: '' },
          ...(start === null ? [] : [{ type: 'TextPositionSelector' as const, start, end: start + 2 }]),
        ],
      });
    const ordered = inDocumentOrder([
      at('late', 500),
      at('none-new', null, 'highlight', 9),
      at('in-para', 100),
      at('para', 100, 'paragraph-note'),
      at('none-old', null, 'highlight', 2),
      at('early', 3),
      { ...at('gone', 1), deleted: true },
    ]);
    expect(ordered.map((h) => h.id)).toEqual(['early', 'para', 'in-para', 'late', 'none-old', 'none-new']);
  });
});

describe('the whole library as one Markdown file', () => {
  it('has one section per live article with its annotations, and reports progress', async () => {
    const { library, seedId } = await fullLibrary();
    open.push(library);
    const progress: { done: number; total: number }[] = [];
    const file = await exportLibrary('markdown', library, {
      now: 1_750_000_000_000,
      onProgress: (p) => progress.push(p),
    });
    const md = file.parts.join('');
    expect(file.name).toBe('glossa-library-2025-06-15.md');
    expect(frontMatterOf(md)).toEqual({ title: 'Glossa', exported: '2025-06-15T15:06:40.000Z', articles: 7 });
    expect(md.match(/^## /gm)?.length).toBe(7);
    expect(progress.at(-1)).toEqual({ done: 7, total: 7 });
    const seedSection = md.slice(md.indexOf('## 华盛顿与基辅'));
    expect(seedSection).toContain(`- **tags**: #乌克兰 #to-read\n- **glossa**: ${seedId}`);
    expect(md.match(/^> \[!(?:quote|note)\|/gm)?.length).toBe(9);
  });

  it('writes a note from elsewhere without its raw HTML or unsafe links (issue 14, finding 7)', () => {
    const hostile = makeHighlight({
      id: 'h2',
      articleId: 'a',
      note: '<img src=x onerror=alert(1)> [click](javascript:alert(1)) [ok](https://example.com/a) **bold**',
    });
    const out = callout(hostile);
    // Every `<` and `[` of it is escaped: no tool reads an element or a link out of it.
    expect(out).not.toMatch(/(^|[^\\])<img|[^\\]\]\(javascript:/);
    expect(out).toContain('\\[click\\](javascript:alert(1))');
    expect(out).toContain('\\<img src\\=x onerror\\=alert(1)\\>');
    expect(out).toContain('[ok](https://example.com/a)');
    expect(out).toContain('**bold**');
  });
});

describe('the page note in Markdown', () => {
  it('comes first, right under the front matter and title, with its raw HTML escaped', () => {
    const meta = makeArticle({ id: 'a', title: '停火线' });
    const highlight = makeHighlight({ id: 'h1', articleId: 'a', note: '段内笔记' });
    const pageNote = makeHighlight({
      id: 'p1',
      articleId: 'a',
      kind: 'page-note',
      selectors: [],
      createdAt: 9_000,
      note: '整篇：**关键**在于<script>alert(1)</script>停火',
    });
    const md = articleMarkdown(meta, [highlight, pageNote]);
    const afterFront = md.slice(md.indexOf('\n---\n', 4) + 5);
    expect(afterFront.startsWith('\n# 停火线\n\n> [!note] Page note\n>\n> 整篇：**关键**在于\\<script\\>')).toBe(true);
    expect(md).toContain('^h-p1');
    expect(md).not.toMatch(/[^\\]<script/);
    expect(md.indexOf('Page note')).toBeLessThan(md.indexOf('[!quote|yellow]'));
  });
});
