/**
 * A small Markdown-to-HTML conversion for importing plain Markdown notes as articles: headings,
 * paragraphs (with hard line breaks), lists, block quotes, fenced code, rules, and inline
 * emphasis, code, links, images and autolinks. Inline markup reuses the note parser
 * (`lib/shared/highlighting/markdown.ts`), so links are only ever http(s) or mailto. Raw HTML in the
 * Markdown is shown as text, never passed through; the result is sanitized with DOMPurify by the
 * importer like every other article body.
 */
import { type Inline, parseInline } from '../../shared/highlighting/markdown';

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const ITEM = /^ {0,3}([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const IMAGE_OR_AUTOLINK = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|<((?:https?:\/\/|mailto:)[^>\s]+)>/g;
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

/** One line (or a paragraph's lines) of inline Markdown as HTML. */
export function inlineHtml(source: string): string {
  let out = '';
  let last = 0;
  for (const m of source.matchAll(IMAGE_OR_AUTOLINK)) {
    out += renderInlines(parseInline(source.slice(last, m.index)));
    const [whole, alt, src, auto] = m;
    if (auto !== undefined) out += `<a href="${escapeHtml(auto)}">${escapeHtml(auto)}</a>`;
    else if (src !== undefined && SAFE_URL.test(src))
      out += `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt ?? '')}">`;
    else out += escapeHtml(whole);
    last = m.index + whole.length;
  }
  return out + renderInlines(parseInline(source.slice(last)));
}

/** A paragraph's lines: a trailing backslash or two spaces is a hard break, else a soft one. */
function paragraph(lines: string[]): string {
  const html = lines
    .map((line, i) => {
      const hard = i < lines.length - 1 && /(?: {2,}|\\)$/.test(line);
      return inlineHtml(line.replace(/(?: {2,}|\\)$/, '').trim()) + (hard ? '<br>' : '');
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
    } else if (HEADING.test(line)) {
      const [, hashes = '#', title = ''] = HEADING.exec(line) ?? [];
      out.push(`<h${hashes.length}>${inlineHtml(title)}</h${hashes.length}>`);
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
        if (next.trim() === '' || FENCE.test(next) || HEADING.test(next) || ITEM.test(next)) break;
        if (para.length > 0 && depth < MAX_QUOTE_DEPTH && QUOTE.test(next)) break;
        if (para.length > 0 && RULE.test(next)) break;
        para.push(next);
      }
      out.push(paragraph(para));
    }
  }
  return out.join('\n');
}
