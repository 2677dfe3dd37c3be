/**
 * A note as Markdown another tool can render without surprise. A note is light Markdown the
 * reader wrote, but a note can also come from a sync peer or an imported file, and tools such as
 * Obsidian render raw HTML (`<img onerror=…>`) and any link scheme. So the note is parsed with
 * our own note grammar (lib/shared/highlighting/markdown.ts: only http(s) and mailto links
 * survive) and written back: its emphasis, code, links and lists as Markdown, everything else as
 * escaped text — raw HTML shows as the characters it is made of.
 */
import { type Block, type Inline, parseNote } from '../../shared/highlighting/markdown';
import { escapeLineStart, escapeMarkup } from './markdown-text';

function inline(nodes: readonly Inline[]): string {
  return nodes.map(piece).join('');
}

function piece(node: Inline): string {
  switch (node.type) {
    case 'text':
      return escapeMarkup(node.text);
    case 'code':
      // A code span shows its content as is; a backtick cannot be in it (the grammar ends there).
      return `\`${node.text.replace(/\n/g, ' ')}\``;
    case 'strong':
      return `**${inline(node.children)}**`;
    case 'em':
      return `*${inline(node.children)}*`;
    case 'link':
      // The grammar keeps only http(s) and mailto targets, with no space or `)` in them.
      return `[${inline(node.children)}](${node.href.replace(/[()<>]/g, encodeURIComponent)})`;
  }
}

function block(node: Block): string {
  // A paragraph's line that happens to start like a list item or quote must stay a paragraph line.
  if (node.type === 'p') return inline(node.children).split('\n').map(escapeLineStart).join('\n');
  return node.items.map((item, i) => `${node.type === 'ul' ? '-' : `${i + 1}.`} ${inline(item)}`).join('\n');
}

/** The note as safe Markdown: paragraphs and lists separated by blank lines. */
export function noteToMarkdown(note: string): string {
  return parseNote(note).map(block).join('\n\n');
}
