/**
 * An article in the seed's own format — Hexo markdown: YAML front matter, then the HTML body —
 * so a file exported here imports back through `lib/shared/article/import.ts` as the same article:
 * same id (the URL, else title + date + source, all written here), same title, date,
 * categories and text.
 *
 * Fields written, in the seed's order: `title`, `categories` (section / source / channel),
 * `headimg`, `author`, `comments: false`, `date` (ISO 8601 with its zone, which the importer
 * and Hexo both read), `thumbnail`; then `url` when known and `tags` (Hexo's own tag list).
 * The body is the stored HTML sanitized once more as it leaves (`sanitizeHtml`): the stored copy
 * may come from a sync peer or an old build, and the file goes to other tools that render HTML.
 */
import type { Article } from '../../model';
import { frontMatter } from './front-matter';

/** The article as a seed-format file's text; `sanitizeHtml` cleans the body (DOMPurify, with a DOM). */
export function articleHexo(article: Article, sanitizeHtml: (html: string) => string): string {
  const head = frontMatter({
    title: article.title,
    categories: article.categories,
    headimg: article.heroImage,
    // The importer takes the source from the second category, else from the author: a post
    // without categories keeps its identity only if its source travels as the author.
    author: article.author ?? (article.categories[1] === undefined ? article.source : null),
    comments: false,
    date: article.published,
    thumbnail: article.heroImage,
    url: article.url,
    tags: article.tags,
  });
  return `${head}\n${sanitizeHtml(article.html)}\n`;
}
