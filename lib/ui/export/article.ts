/**
 * Exports of one article, as the reader page offers them: Obsidian Markdown with its highlights,
 * the seed's Hexo format, and W3C Web Annotation JSON-LD.
 */
import type { Article, Highlight } from '../../model';
import { fileNameFor } from './file-name';
import { articleHexo } from './hexo';
import { articleMarkdown, ENGLISH_LABELS, type MarkdownLabels } from './markdown';
import type { ExportFile } from './types';
import { articleAnnotations } from './web-annotation';

/** The formats one article can be exported in. */
export const ARTICLE_FORMATS = ['markdown', 'hexo', 'jsonld'] as const;
/** One of {@link ARTICLE_FORMATS}. */
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

const MARKDOWN_TYPE = 'text/markdown;charset=utf-8';

/** What an export of one article needs from its page. */
export interface ArticleExportContext {
  /** Labels for Markdown callouts, in the UI language. */
  labels?: MarkdownLabels;
  /** Sanitizes article HTML once more as it leaves (the page's DOMPurify). */
  sanitizeHtml: (html: string) => string;
}

/** One article (with its highlights, for the formats that carry them) as a file. */
export function exportArticle(
  format: ArticleFormat,
  article: Article,
  highlights: readonly Highlight[],
  context: ArticleExportContext,
): ExportFile {
  const labels = context.labels ?? ENGLISH_LABELS;
  switch (format) {
    case 'markdown':
      return {
        name: fileNameFor(article.title, 'md'),
        type: MARKDOWN_TYPE,
        parts: [articleMarkdown(article, highlights, labels)],
      };
    case 'hexo':
      // A different extension from the Obsidian note, so both can sit in one folder.
      return {
        name: fileNameFor(article.title, 'hexo.md'),
        type: MARKDOWN_TYPE,
        parts: [articleHexo(article, context.sanitizeHtml)],
      };
    case 'jsonld':
      return {
        name: fileNameFor(article.title, 'jsonld'),
        type: 'application/ld+json;charset=utf-8',
        parts: [`${JSON.stringify(articleAnnotations(article, highlights), null, 2)}\n`],
      };
  }
}
