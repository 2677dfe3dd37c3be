/**
 * Markdown files as articles: plain Markdown (title from the first heading or the file name),
 * Markdown with front matter (with or without a title), and the Markdown-to-HTML conversion
 * itself, which never passes raw HTML or unsafe links through.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeArticleDom, sanitizeArticleHtml } from '../../../../lib/shared/article/sanitize';
import { exportArticle, exportLibrary } from '../../../../lib/ui/export';
import { importFiles } from '../../../../lib/ui/import';
import { isHtmlBody, titleFromFileName } from '../../../../lib/ui/import/markdown-file';
import { markdownToHtml } from '../../../../lib/ui/import/markdown-html';
import { asImportFile } from '../../../support/import-file';
import { emptyLibrary, fullLibrary } from '../../../support/library-fixture';

const deps = {
  prepare: (html: string) => sanitizeArticleHtml(html, window),
  articleRoot: (html: string) => sanitizeArticleDom(html, window).root,
  now: () => 1_800_000_000_000,
};

describe('Markdown to HTML', () => {
  it('converts the common blocks and inlines', () => {
    const md = [
      '## Section *one*',
      '',
      'A paragraph with **bold**, `code`, a [link](https://example.com) and',
      'a second line.  ',
      'After a hard break.',
      '',
      '- one',
      '- two',
      '  continued',
      '',
      '1. first',
      '2. second',
      '',
      '> quoted',
      '> > nested',
      '',
      '```js',
      'if (a < b) {}',
      '```',
      '',
      '---',
      '![a cat](https://example.com/cat.jpg "Cat") <https://example.org>',
    ].join('\n');
    expect(markdownToHtml(md)).toBe(
      [
        '<h2>Section <em>one</em></h2>',
        '<p>A paragraph with <strong>bold</strong>, <code>code</code>, a <a href="https://example.com">link</a> and\na second line.<br>\nAfter a hard break.</p>',
        '<ul><li>one</li><li>two continued</li></ul>',
        '<ol><li>first</li><li>second</li></ol>',
        '<blockquote><p>quoted</p>\n<blockquote><p>nested</p></blockquote></blockquote>',
        '<pre><code>if (a &#60; b) {}</code></pre>',
        '<hr>',
        '<p><img src="https://example.com/cat.jpg" alt="a cat"> <a href="https://example.org">https://example.org</a></p>',
      ].join('\n'),
    );
  });

  it('shows raw HTML and unsafe links as text', () => {
    expect(markdownToHtml('<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![y](data:text/html,z)')).toBe(
      '<p>&#60;img src=x onerror=alert(1)&#62; [x](javascript:alert(1)) ![y](data:text/html,z)</p>',
    );
  });

  it('survives hostile nesting', () => {
    const html = markdownToHtml('>'.repeat(100_000));
    expect(html.match(/<blockquote>/g)?.length).toBe(8);
  });

  it('tells HTML bodies from Markdown ones, and titles from file names', () => {
    expect(isHtmlBody('\n<div>\n<p>x</p>')).toBe(true);
    expect(isHtmlBody('# Title\n\ntext')).toBe(false);
    expect(isHtmlBody('<https://example.com> is a link')).toBe(false);
    expect(titleFromFileName('notes/2024 trip.md')).toBe('2024 trip');
    expect(titleFromFileName('Post.hexo.md')).toBe('Post');
  });
});

describe('importing Markdown files', () => {
  it('makes articles from plain Markdown and Markdown with front matter', async () => {
    const library = await emptyLibrary();
    const results = await importFiles(
      [
        asImportFile('plain.md', '\uFEFFIntro line before the heading.\n\n# 读书笔记\n\n这是一段**中文**笔记。\n'),
        asImportFile('untitled-note.md', 'Just text, no heading.\r\nSecond line.\r\n'),
        asImportFile(
          'with-front.md',
          '---\ntitle: "Front matter title"\nauthor: Ada\ndate: 2024-05-01 08:00:00\nurl: https://example.com/fm\n---\n# Heading kept\n\nBody text here.\n',
        ),
        asImportFile('no-title.markdown', '---\nauthor: Bob\ntitle:\n---\n# From the heading\n\nBody.\n'),
      ],
      library,
      deps,
    );
    expect(results.map((r) => (r.ok && r.kind === 'article' ? r.title : r))).toEqual([
      '读书笔记',
      'untitled-note',
      'Front matter title',
      'From the heading',
    ]);
    const articles = await Promise.all(
      results.map((r) => (r.ok && r.kind === 'article' ? library.getArticle(r.id) : undefined)),
    );
    expect(articles[0]).toMatchObject({ origin: 'file', lang: 'zh-CN' });
    expect(articles[0]?.html).toBe('<p>Intro line before the heading.</p>\n<p>这是一段<strong>中文</strong>笔记。</p>');
    expect(articles[1]?.text).toBe('Just text, no heading. Second line.');
    expect(articles[2]).toMatchObject({
      author: 'Ada',
      url: 'https://example.com/fm',
      published: '2024-05-01T08:00:00Z',
    });
    expect(articles[2]?.html).toContain('<h2>Heading kept</h2>');
    expect(articles[3]).toMatchObject({ author: 'Bob', text: 'Body.' });
    // The same files again: the same articles, nothing new.
    const again = await importFiles(
      [asImportFile('plain.md', '\uFEFFIntro line before the heading.\n\n# 读书笔记\n\n这是一段**中文**笔记。\n')],
      library,
      deps,
    );
    expect(again[0]).toMatchObject({ ok: true, status: 'unchanged' });
    expect(await library.countArticles()).toBe(4);
    library.close();
  });
});

describe("Glossa's own Markdown export", () => {
  it('is refused by name rather than replacing the article it came from', async () => {
    const { library, seedId } = await fullLibrary();
    const article = await library.getArticle(seedId);
    if (!article) throw new Error('seed');
    const note = exportArticle('markdown', article, await library.listHighlights(seedId), {
      sanitizeHtml: (html) => html,
    }).parts.join('');
    const all = (await exportLibrary('markdown', library)).parts.join('');
    const results = await importFiles([asImportFile('note.md', note), asImportFile('library.md', all)], library, deps);
    expect(results).toMatchObject([
      { ok: false, code: 'glossa-markdown-export', message: expect.stringMatching(/^note\.md: /) },
      { ok: false, code: 'glossa-markdown-export', message: expect.stringMatching(/^library\.md: /) },
    ]);
    expect(await library.getArticle(seedId)).toEqual(article);
    library.close();
  });
});
