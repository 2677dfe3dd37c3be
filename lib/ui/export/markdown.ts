/**
 * Markdown for Obsidian and tools like it (Logseq, Typora, plain CommonMark viewers).
 *
 * One article is one note:
 * - YAML front matter: `title`, `url`, `author`, `date` (published, ISO 8601), `tags`, `source`,
 *   `categories`, `saved` (ISO 8601) and `glossa` (the article id); empty fields are left out.
 * - `# Title`, then every live highlight and paragraph note in document order (see
 *   `highlight-order.ts`), each an Obsidian callout whose metadata is its colour:
 *
 *       > [!quote|yellow] Highlight · Yellow
 *       > the quoted words, escaped so they show as written
 *       >
 *       > **Note**
 *       >
 *       > the note, as the light Markdown the user wrote
 *
 *       ^h-<highlight id>
 *
 *   A paragraph note is `> [!note|<colour>] Paragraph note` with the paragraph's opening words as
 *   a nested quote. The page note (a note on the whole article) comes first, right under the
 *   title, as `> [!note] Page note` with the note alone. The block id after each callout lets other notes link to it
 *   (`[[Title#^h-…]]`). Obsidian draws `quote` and `note` callouts out of the box; a CSS snippet
 *   can colour them by `[data-callout-metadata="yellow"]`. Other viewers show a blockquote.
 *
 * The whole library is one file (see {@link libraryMarkdown}): a short front matter, then one
 * `## Title` section per article with its fields as a list and the same callouts. One file
 * rather than thousands, because a browser download is one file; Obsidian opens it as a note.
 */
import { type ArticleMeta, type Highlight, type HighlightColor, quoteOf } from '../../model';
import { frontMatter } from './front-matter';
import { inDocumentOrder } from './highlight-order';
import { blockId, escapeInline, obsidianTag, prefixLines } from './markdown-text';
import { noteToMarkdown } from './note-markdown';

/** Words the export writes, so a Chinese UI exports Chinese labels. English by default. */
export interface MarkdownLabels {
  highlight: string;
  paragraphNote: string;
  pageNote: string;
  note: string;
  colors: Record<HighlightColor, string>;
}

/** English labels. */
export const ENGLISH_LABELS: MarkdownLabels = {
  highlight: 'Highlight',
  paragraphNote: 'Paragraph note',
  pageNote: 'Page note',
  note: 'Note',
  colors: { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' },
};

/** One article as an Obsidian note (see the module comment). */
export function articleMarkdown(
  meta: ArticleMeta,
  highlights: readonly Highlight[],
  labels: MarkdownLabels = ENGLISH_LABELS,
): string {
  const head = frontMatter({
    title: meta.title,
    url: meta.url,
    author: meta.author,
    date: meta.published,
    tags: meta.tags.map(obsidianTag).filter((tag) => tag !== ''),
    source: meta.source,
    categories: meta.categories,
    saved: new Date(meta.savedAt).toISOString(),
    glossa: meta.id,
  });
  const blocks = annotationBlocks(highlights, labels);
  return `${head}\n# ${escapeInline(meta.title)}\n${blocks.map((b) => `\n${b}\n`).join('')}`;
}

/** The front matter of the whole-library file. */
export function libraryHeader(exportedAt: string, articles: number): string {
  return `${frontMatter({ title: 'Glossa', exported: exportedAt, articles })}\n# Glossa\n`;
}

/** One article's section of the whole-library file: `## Title`, its fields, its callouts. */
export function librarySection(
  meta: ArticleMeta,
  highlights: readonly Highlight[],
  labels: MarkdownLabels = ENGLISH_LABELS,
): string {
  const fields: string[] = [];
  const field = (key: string, value: string | null) => {
    if (value) fields.push(`- **${key}**: ${value}`);
  };
  field('url', meta.url ? `<${meta.url.replace(/[<>\s]/g, encodeURIComponent)}>` : null);
  field('author', meta.author && escapeInline(meta.author));
  field('date', meta.published);
  field('source', meta.source && escapeInline(meta.source));
  field('categories', meta.categories.map(escapeInline).join(' / '));
  field(
    'tags',
    meta.tags
      .map(obsidianTag)
      .filter((t) => t !== '')
      .map((t) => `#${t}`)
      .join(' '),
  );
  field('glossa', meta.id);
  const blocks = annotationBlocks(highlights, labels);
  return `\n## ${escapeInline(meta.title)}\n\n${fields.join('\n')}\n${blocks.map((b) => `\n${b}\n`).join('')}`;
}

/** The callouts of an article's live annotations, in document order. */
function annotationBlocks(highlights: readonly Highlight[], labels: MarkdownLabels): string[] {
  return inDocumentOrder(highlights).map((h) => callout(h, labels));
}

/** One highlight, paragraph note or page note as a callout plus its block id. */
export function callout(highlight: Highlight, labels: MarkdownLabels = ENGLISH_LABELS): string {
  const color = labels.colors[highlight.color];
  const quote = escapeInline(quoteOf(highlight));
  const lines: string[] = [];
  if (highlight.kind === 'page-note') {
    lines.push(`> [!note] ${escapeInline(labels.pageNote)}`);
    if (highlight.note.trim()) lines.push('>', prefixLines(noteToMarkdown(highlight.note.trim()), '> '));
  } else if (highlight.kind === 'paragraph-note') {
    lines.push(`> [!note|${highlight.color}] ${escapeInline(labels.paragraphNote)} · ${escapeInline(color)}`);
    if (quote) lines.push(`> > ${quote}…`, '>');
    if (highlight.note.trim()) lines.push(prefixLines(noteToMarkdown(highlight.note.trim()), '> '));
  } else {
    lines.push(`> [!quote|${highlight.color}] ${escapeInline(labels.highlight)} · ${escapeInline(color)}`);
    lines.push(`> ${quote}`);
    if (highlight.note.trim()) {
      lines.push(
        '>',
        `> **${escapeInline(labels.note)}**`,
        '>',
        prefixLines(noteToMarkdown(highlight.note.trim()), '> '),
      );
    }
  }
  return `${lines.join('\n')}\n\n^${blockId(highlight.id)}`;
}
