/**
 * Putting untrusted text (quotes, titles, notes) into Markdown so it shows as written. A quote is
 * plain text: every character Markdown or Obsidian would read as markup is backslash-escaped
 * (CommonMark allows escaping every ASCII punctuation mark, so over-escaping is harmless). A note
 * is light Markdown: note-markdown.ts writes it back through our own grammar.
 */

/** ASCII punctuation that starts markup inline: emphasis, code, links, HTML, tags, math, highlights, comments (`%%`). */
const INLINE_MARKUP = /[\\`*_[\]<>#|~=$^{}!%]/g;
/** Line starts that would make a list, heading, quote or thematic break. */
const LINE_START = /^(\s*)([-+>]|\d{1,9}[.)])(?=\s|$)/;

/** `text` as one line of Markdown that renders as exactly that text. */
export function escapeInline(text: string): string {
  return escapeLineStart(escapeMarkup(text.replace(/\s+/g, ' ').trim()));
}

/** `text` with every inline markup character escaped, spacing kept (a piece of a line). */
export function escapeMarkup(text: string): string {
  return text.replace(INLINE_MARKUP, '\\$&');
}

/** A line whose start would make a list or a quote, escaped so it does not. */
export function escapeLineStart(line: string): string {
  return line.replace(LINE_START, (_m, space: string, mark: string) => {
    // `1.` → `1\.`; `-` → `\-`: escaped, neither starts a block.
    return mark.length > 1 ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`;
  });
}

/** `text` with every line prefixed by `prefix` (`> ` for a quote); empty lines get the bare marker. */
export function prefixLines(text: string, prefix: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.trim() === '' ? prefix.trimEnd() : `${prefix}${line}`))
    .join('\n');
}

/** An Obsidian tag name from a user tag: no spaces or `#` (which end or break a tag there). */
export function obsidianTag(tag: string): string {
  return tag.trim().replace(/[\s#,]+/g, '-');
}

/** A block id Obsidian accepts (`^id`: letters, digits and dashes). */
export function blockId(id: string): string {
  return `h-${id.replace(/[^A-Za-z0-9-]+/g, '-')}`;
}
