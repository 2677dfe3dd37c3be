/**
 * Light Markdown for notes: paragraphs, `-`/`1.` lists, **strong**, *emphasis*, `code` and
 * [links](https://…). Parsed into a small tree that the UI renders as elements with text nodes,
 * never as an HTML string, so a note can hold `<script>` or `onerror=` as harmless text. Only
 * http(s) and mailto links become links; anything else (javascript:, data:) stays text.
 */

/** An inline piece of a note. */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

/** A block of a note. */
export type Block = { type: 'p'; children: Inline[] } | { type: 'ul' | 'ol'; items: Inline[][] };

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

/** Parses a note into blocks. */
export function parseNote(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'p', children: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flush();
      const type = bullet ? 'ul' : 'ol';
      const last = blocks[blocks.length - 1];
      const item = parseInline((bullet ?? numbered)?.[1] ?? '');
      if (last && last.type === type) last.items.push(item);
      else blocks.push({ type, items: [item] });
    } else if (line.trim() === '') {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

/**
 * The next position of `needle` in `text` at or after a position that only moves forward, as a
 * scan asks for it: each lookup costs nothing until the position passes the last answer, so a
 * whole scan costs one pass over the text per needle.
 */
function finder(text: string, needle: string): (from: number) => number {
  let found = -2;
  return (from) => {
    if (found === -1 || found >= from) return found;
    found = text.indexOf(needle, from);
    return found;
  };
}

/** The next JavaScript whitespace (`\s`) at or after a forward-moving position, like {@link finder}. */
function spaceFinder(text: string): (from: number) => number {
  let found = -2;
  return (from) => {
    if (found === -1 || found >= from) return found;
    found = -1;
    for (let i = from; i < text.length; i++) {
      if (/\s/.test(text[i] as string)) {
        found = i;
        break;
      }
    }
    return found;
  };
}

const isSpaceAt = (text: string, i: number) => i < text.length && /\s/.test(text[i] as string);

/**
 * Parses inline markup: `**strong**`, `*em*` and `_em_` (not opened before a space), `` `code` ``
 * and `[label](href)` with an http(s) or mailto target (any other target stays text). At each
 * position the first construct that closes wins, in that order, with the shortest content — the
 * rules of the regular expression this parser replaced, which rescanned the rest of the text at
 * every opener (`[` × 100,000 took seconds). Here every closer is found by a forward-only search,
 * so a pass is linear; nested content is parsed again once per level (at most four levels: a
 * link's label may hold strong text, which may hold emphasis and code).
 */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  const doubleStar = finder(source, '**');
  const star = finder(source, '*');
  const underscore = finder(source, '_');
  const tick = finder(source, '`');
  const close = finder(source, ']');
  const paren = finder(source, ')');
  const space = spaceFinder(source);
  let textStart = 0;
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    let node: Inline | null = null;
    let next = i;
    if (c === '*') {
      const j = source[i + 1] === '*' ? doubleStar(i + 3) : -1;
      if (j !== -1) {
        node = { type: 'strong', children: parseInline(source.slice(i + 2, j)) };
        next = j + 2;
      } else if (i + 1 < source.length && !isSpaceAt(source, i + 1)) {
        const k = star(i + 2);
        if (k !== -1) {
          node = { type: 'em', children: parseInline(source.slice(i + 1, k)) };
          next = k + 1;
        }
      }
    } else if (c === '_') {
      const k = i + 1 < source.length && !isSpaceAt(source, i + 1) ? underscore(i + 2) : -1;
      if (k !== -1) {
        node = { type: 'em', children: parseInline(source.slice(i + 1, k)) };
        next = k + 1;
      }
    } else if (c === '`') {
      const k = tick(i + 1);
      if (k > i + 1) {
        node = { type: 'code', text: source.slice(i + 1, k) };
        next = k + 1;
      }
    } else if (c === '[') {
      const j = close(i + 1);
      if (j > i + 1 && source[j + 1] === '(') {
        const k = paren(j + 2);
        const blank = space(j + 2);
        if (k > j + 2 && (blank === -1 || blank > k)) {
          const href = source.slice(j + 2, k);
          node = SAFE_HREF.test(href)
            ? { type: 'link', href, children: parseInline(source.slice(i + 1, j)) }
            : { type: 'text', text: source.slice(i, k + 1) };
          next = k + 1;
        }
      }
    }
    if (node) {
      if (i > textStart) out.push({ type: 'text', text: source.slice(textStart, i) });
      out.push(node);
      i = next;
      textStart = next;
    } else {
      i++;
    }
  }
  if (textStart < source.length) out.push({ type: 'text', text: source.slice(textStart) });
  return out;
}
