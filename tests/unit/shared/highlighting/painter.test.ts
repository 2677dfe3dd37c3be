import { describe, expect, it } from 'vitest';
import { buildTextIndex, offsetsToRange } from '../../../../lib/shared/anchoring';
import { createPainter } from '../../../../lib/shared/highlighting/painter';

describe('painter (wrapping fallback)', () => {
  it('draws overlapping highlights across elements and removes them without a trace', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>alpha <b>beta</b> gamma</p><p>delta epsilon</p>';
    document.body.replaceChildren(root);
    const before = root.innerHTML;
    const painter = createPainter(root, { styleTarget: document, mode: 'wrap' });
    expect(painter.mode).toBe('wrap');
    const index = buildTextIndex(root);
    const a = index.text.indexOf('beta');
    painter.draw('one', offsetsToRange(index, a, index.text.indexOf('delta') + 5), 'yellow');
    const again = buildTextIndex(root);
    painter.draw('two', offsetsToRange(again, again.text.indexOf('gamma'), again.text.indexOf('gamma') + 5), 'blue');
    expect([...root.querySelectorAll('mark[data-glossa-id="one"]')].map((m) => m.textContent).join('|')).toBe(
      'beta| gamma|delta',
    );
    const gamma = root.querySelector('mark[data-glossa-id="two"]')?.firstChild as Text;
    expect(painter.idsAt(gamma, 1)).toEqual(['one', 'two']);
    expect(painter.rangeOf('one')?.toString()).toBe('beta gammadelta');
    painter.remove('one');
    painter.remove('two');
    expect(root.innerHTML).toBe(before);
    painter.clear();
    expect(document.head.querySelector('style[data-glossa-ui]')).toBeNull();
  });
});
