/**
 * A small Markdown-to-HTML conversion for importing plain Markdown notes as articles: headings,
 * paragraphs (with hard line breaks), lists, block quotes, fenced code, rules, and inline
 * emphasis, code, links, images and autolinks. Inline markup reuses the note parser
 * (`lib/shared/highlighting/markdown.ts`), so links are only ever http(s) or mailto. Raw HTML in the
 * Markdown is shown as text, never passed through; the result is sanitized with DOMPurify by the
 * importer like every other article body.
 */
import { trimBlanks } from '../../shared/blank-trim';
import { type Inline, parseInline } from '../../shared/highlighting/markdown';

const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const ITEM = /^ {0,3}([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
/** An image's `](…)` part after its alt text: the target, and an optional title (one line). */
const IMAGE_TARGET = /^\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"\n]*")?\s*\)/;
/** An autolink's address and closing bracket, after its `<`. */
const AUTOLINK = /^((?:https?:\/\/|mailto:)[^>\s]+)>/i;
/** How far a closing part is looked for: an image target or autolink is a short piece of one line. */
const PIECE = 4096;
const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function renderInline(node: Inline): string {
  switch (node.type) {
    case 'text':
      return escapeHtml(node.text);
    case 'code':
      return `<code>${escapeHtml(node.text)}</code>`;
    case 'strong':
    case 'em':
      return `<${node.type}>${renderInlines(node.children)}</${node.type}>`;
    case 'link':
      return `<a href="${escapeHtml(node.href)}">${renderInlines(node.children)}</a>`;
  }
}

function renderInlines(nodes: Inline[]): string {
  return nodes.map(renderInline).join('');
}

/**
 * The first heading of a line: `#`…`######`, a space, its text, then optionally a closing run of
 * `#` after a space — read by hand, because the obvious regular expression rescans a long run of
 * spaces at every position it expands over.
 */
export function headingOf(line: string): { level: number; text: string } | null {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let level = 0;
  while (line[i + level] === '#') level++;
  if (level === 0 || level > 6) return null;
  const start = i + level;
  if (line[start] !== ' ' && line[start] !== '\t') return null;
  let text = trimBlanks(line.slice(start));
  // A closing run of hashes needs a space before it (`# C#` keeps its `#`).
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end < text.length && (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t')) {
    text = trimBlanks(text.slice(0, end));
  }
  return { level, text };
}

/**
 * One line (or a paragraph's lines) of inline Markdown as HTML: images `![alt](src "title")` and
 * autolinks `<https://…>` here, the rest by the note parser. Openers are found in one forward
 * pass; each closer is looked for only within a bounded piece after it.
 */
export function inlineHtml(source: string): string {
  let out = '';
  let last = 0;
  let i = 0;
  let nextClose = -2;
  while (i < source.length) {
    const image = source.startsWith('![', i);
    const auto = !image && source[i] === '<';
    if (!image && !auto) {
      i++;
      continue;
    }
    let whole = '';
    let html = '';
    if (image) {
      // The alt text runs to the next `]`; found once per forward move, not once per opener.
      if (nextClose !== -1 && nextClose < i + 2) nextClose = source.indexOf(']', i + 2);
      const m = nextClose === -1 ? null : IMAGE_TARGET.exec(source.slice(nextClose, nextClose + PIECE));
      if (m) {
        const src = m[1] ?? '';
        whole = source.slice(i, nextClose + m[0].length);
        const alt = source.slice(i + 2, nextClose);
        html = SAFE_URL.test(src) ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">` : escapeHtml(whole);
      }
    } else {
      const m = AUTOLINK.exec(source.slice(i + 1, i + 1 + PIECE));
      if (m) {
        whole = `<${m[0]}`;
        const href = m[1] ?? '';
        html = `<a href="${escapeHtml(href)}">${escapeHtml(href)}</a>`;
      }
    }
    if (!whole) {
      i++;
      continue;
    }
    out += renderInlines(parseInline(source.slice(last, i))) + html;
    i += whole.length;
    last = i;
  }
  return out + renderInlines(parseInline(source.slice(last)));
}

/** Whether a line ends in a hard break: two spaces or a backslash. */
function hardBreak(line: string): boolean {
  return line.endsWith('\\') || line.endsWith('  ');
}

/** A paragraph's lines: a trailing backslash or two spaces is a hard break, else a soft one. */
function paragraph(lines: string[]): string {
  const html = lines
    .map((line, i) => {
      const hard = i < lines.length - 1 && hardBreak(line);
      return inlineHtml(line.trim().replace(/\\$/, '')) + (hard ? '<br>' : '');
    })
    .join('\n');
  return `<p>${html}</p>`;
}

/** Quotes nested deeper than this read as text: a line of 100,000 `>` must not recurse that deep. */
const MAX_QUOTE_DEPTH = 8;

/** Converts a Markdown document to HTML (see the module comment for what is understood). */
export function markdownToHtml(source: string, depth = 0): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  const at = (n: number) => lines[n] ?? '';
  while (i < lines.length) {
    const line = at(i);
    const fence = FENCE.exec(line);
    if (line.trim() === '') {
      i += 1;
    } else if (fence) {
      const marker = fence[1] ?? '```';
      const code: string[] = [];
      for (i += 1; i < lines.length && !at(i).trimStart().startsWith(marker); i += 1) code.push(at(i));
      i += 1;
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
    } else if (headingOf(line)) {
      const { level, text } = headingOf(line) ?? { level: 1, text: '' };
      out.push(`<h${level}>${inlineHtml(text)}</h${level}>`);
      i += 1;
    } else if (RULE.test(line)) {
      out.push('<hr>');
      i += 1;
    } else if (depth < MAX_QUOTE_DEPTH && QUOTE.test(line)) {
      const quoted: string[] = [];
      for (; i < lines.length && QUOTE.test(at(i)); i += 1) quoted.push(QUOTE.exec(at(i))?.[1] ?? '');
      out.push(`<blockquote>${markdownToHtml(quoted.join('\n'), depth + 1)}</blockquote>`);
    } else if (ITEM.test(line)) {
      const ordered = /\d/.test(ITEM.exec(line)?.[1] ?? '');
      const items: string[][] = [];
      for (; i < lines.length; i += 1) {
        const item = ITEM.exec(at(i));
        if (item && /\d/.test(item[1] ?? '') === ordered) items.push([item[2] ?? '']);
        else if (items.length > 0 && /^\s{2,}\S/.test(at(i))) items[items.length - 1]?.push(at(i).trim());
        else break;
      }
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${items.map((item) => `<li>${inlineHtml(item.join(' '))}</li>`).join('')}</${tag}>`);
    } else {
      const para: string[] = [];
      for (; i < lines.length; i += 1) {
        const next = at(i);
        if (next.trim() === '' || FENCE.test(next) || headingOf(next) || ITEM.test(next)) break;
        if (para.length > 0 && depth < MAX_QUOTE_DEPTH && QUOTE.test(next)) break;
        if (para.length > 0 && RULE.test(next)) break;
        para.push(next);
      }
      out.push(paragraph(para));
    }
  }
  return out.join('\n');
}
