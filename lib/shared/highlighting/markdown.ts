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
const TOKEN = /\*\*(.+?)\*\*|\*(?!\s)(.+?)\*|_(?!\s)(.+?)_|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/s;

/** Parses inline markup. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let rest = source;
  while (rest) {
    const m = TOKEN.exec(rest);
    if (!m) {
      out.push({ type: 'text', text: rest });
      break;
    }
    if (m.index > 0) out.push({ type: 'text', text: rest.slice(0, m.index) });
    const [whole, strong, em, em2, code, label, href] = m;
    if (strong !== undefined) out.push({ type: 'strong', children: parseInline(strong) });
    else if (em !== undefined || em2 !== undefined) out.push({ type: 'em', children: parseInline(em ?? em2 ?? '') });
    else if (code !== undefined) out.push({ type: 'code', text: code });
    else if (label !== undefined && href !== undefined && SAFE_HREF.test(href)) {
      out.push({ type: 'link', href, children: parseInline(label) });
    } else out.push({ type: 'text', text: whole });
    rest = rest.slice(m.index + whole.length);
  }
  return out;
}
