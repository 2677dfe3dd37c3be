import { describe, expect, it } from 'vitest';
import { parseNote } from '../../../../lib/shared/highlighting/markdown';

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
