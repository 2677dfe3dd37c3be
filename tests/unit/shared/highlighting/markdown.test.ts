import { describe, expect, it } from 'vitest';
import { type Inline, parseInline, parseNote } from '../../../../lib/shared/highlighting/markdown';

describe('parseNote', () => {
  it('reads paragraphs, lists, emphasis, code and links', () => {
    expect(parseNote('First **bold** and *em*.\n\n- one\n- [two](https://example.com)\n1. `x`')).toEqual([
      {
        type: 'p',
        children: [
          { type: 'text', text: 'First ' },
          { type: 'strong', children: [{ type: 'text', text: 'bold' }] },
          { type: 'text', text: ' and ' },
          { type: 'em', children: [{ type: 'text', text: 'em' }] },
          { type: 'text', text: '.' },
        ],
      },
      {
        type: 'ul',
        items: [
          [{ type: 'text', text: 'one' }],
          [{ type: 'link', href: 'https://example.com', children: [{ type: 'text', text: 'two' }] }],
        ],
      },
      { type: 'ol', items: [[{ type: 'code', text: 'x' }]] },
    ]);
  });

  it('keeps unsafe links and markup as plain text', () => {
    const source = '[x](javascript:alert(1)) [y](data:text/html,hi) <b>hi</b>';
    const [block] = parseNote(source);
    const children = block?.type === 'p' ? block.children : [];
    expect(children.every((c) => c.type === 'text')).toBe(true);
    expect(children.map((c) => (c.type === 'text' ? c.text : '')).join('')).toBe(source);
  });

  it('handles Chinese text and an empty note', () => {
    expect(parseNote('关于**停火线**')).toEqual([
      {
        type: 'p',
        children: [
          { type: 'text', text: '关于' },
          { type: 'strong', children: [{ type: 'text', text: '停火线' }] },
        ],
      },
    ]);
    expect(parseNote('')).toEqual([]);
  });
});

/**
 * The regular-expression parser the linear one replaced (issue 14, finding 4: `[` × 100,000 took
 * 5 s), kept as the reference: the new parser must read every text exactly as it did.
 */
function referenceInline(source: string): Inline[] {
  const SAFE = /^(https?:\/\/|mailto:)/i;
  const TOKEN = /\*\*(.+?)\*\*|\*(?!\s)(.+?)\*|_(?!\s)(.+?)_|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/s;
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
    if (strong !== undefined) out.push({ type: 'strong', children: referenceInline(strong) });
    else if (em !== undefined || em2 !== undefined)
      out.push({ type: 'em', children: referenceInline(em ?? em2 ?? '') });
    else if (code !== undefined) out.push({ type: 'code', text: code });
    else if (label !== undefined && href !== undefined && SAFE.test(href)) {
      out.push({ type: 'link', href, children: referenceInline(label) });
    } else out.push({ type: 'text', text: whole });
    rest = rest.slice(m.index + whole.length);
  }
  return out;
}

describe('parseInline', () => {
  it('reads 20,000 random texts of markup characters exactly as the regular-expression parser did', () => {
    const alphabet = ['*', '*', '_', '`', '[', ']', '(', ')', ' ', '\n', 'a', '停', 'https://x', 'mailto:y', '\t'];
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 20_000; n++) {
      const length = Math.floor(random() * 24);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(parseInline(text), JSON.stringify(text)).toEqual(referenceInline(text));
    }
  });
});
