/**
 * The seed's own Hexo format round-trips through our importer: an exported article imports back
 * as the same article — same id, title, date, categories, author, image and text.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeArticleDom, sanitizeArticleHtml } from '../../../../lib/shared/article/sanitize';
import { exportArticle } from '../../../../lib/ui/export';
import { fileNameFor } from '../../../../lib/ui/export/file-name';
import { importFiles } from '../../../../lib/ui/import';
import { asImportFile } from '../../../support/import-file';
import { makeArticle } from '../../../support/library';
import { corpusFiles, emptyLibrary, importPosts } from '../../../support/library-fixture';

/** The page's sanitizer, as the reader passes it. */
const clean = (html: string) => sanitizeArticleHtml(html, window).html;

const deps = {
  prepare: (html: string) => sanitizeArticleHtml(html, window),
  articleRoot: (html: string) => sanitizeArticleDom(html, window).root,
  now: () => 1_800_000_000_000,
};

describe('Hexo export', () => {
  it('imports back as the same article, for every corpus post', async () => {
    const source = await emptyLibrary();
    const ids = await importPosts(source, corpusFiles());
    await source.updateArticleFields(ids[0] ?? '', { tags: ['乌克兰'] });
    const target = await emptyLibrary();
    for (const id of ids) {
      const article = await source.getArticle(id);
      if (!article) throw new Error(id);
      const file = exportArticle('hexo', article, [], { sanitizeHtml: clean });
      expect(file.name.endsWith('.hexo.md')).toBe(true);
      const [result] = await importFiles([asImportFile(file.name, file.parts.join(''))], target, deps);
      expect(result).toMatchObject({ ok: true, kind: 'article', id, title: article.title, status: 'created' });
      const back = await target.getArticle(id);
      expect(back).toMatchObject({
        title: article.title,
        published: article.published,
        categories: article.categories,
        author: article.author,
        source: article.source,
        heroImage: article.heroImage,
        text: article.text,
        charCount: article.charCount,
      });
    }
    source.close();
    target.close();
  });

  it('names files safely', () => {
    expect(fileNameFor('a/b:c*d?"e"<f>|g', 'md')).toBe('a b c d e f g.md');
    expect(fileNameFor('CON', 'md')).toBe('glossa-CON.md');
    expect(fileNameFor('...', 'md')).toBe('glossa-article.md');
    expect(Array.from(fileNameFor('长'.repeat(300), 'md')).length).toBe(83);
  });

  it('sanitizes the body again as it leaves: a stored copy from elsewhere exports no script (issue 14, finding 7)', () => {
    const article = makeArticle({
      id: 'a',
      html: '<p>正文<img src="https://example.com/x.png" onerror="alert(1)"></p><script>alert(2)</script>',
    });
    const text = exportArticle('hexo', article, [], { sanitizeHtml: clean }).parts.join('');
    expect(text).not.toMatch(/onerror|<script/);
    expect(text).toContain('正文');
  });
});
