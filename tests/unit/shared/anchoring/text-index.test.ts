import { describe, expect, it } from 'vitest';
import {
  buildTextIndex,
  describeRange,
  normalizeText,
  offsetsToRange,
  rangeToOffsets,
} from '../../../../lib/shared/anchoring';

function root(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  document.body.replaceChildren(div);
  return div;
}

describe('text index', () => {
  it('collapses whitespace and nbsp, and reads block edges as one space', () => {
    const index = buildTextIndex(
      root('<p>  Hello&nbsp;&nbsp;<b>big</b>\n  world </p><p>Next</p><ul><li>a</li><li>b</li></ul>'),
    );
    expect(index.text).toBe('Hello big world Next a b');
  });

  it('reads the same text from two markups of one article', () => {
    const live = buildTextIndex(root('<div>\n  <p>第一段。<a href="#">链接</a>文字</p>\n\n  <p>第二段</p>\n</div>'));
    const stored = buildTextIndex(root('<p>第一段。<a>链接</a>文字</p><p>第二段</p>'));
    expect(live.text).toBe(stored.text);
    expect(stored.text).toBe('第一段。链接文字 第二段');
  });

  it('skips scripts, styles, hidden text and Glossa UI', () => {
    const index = buildTextIndex(
      root(
        '<p>a<script>x()</script>b<style>p{}</style></p><p hidden>secret</p><p><button data-glossa-ui>Note</button>c</p>',
      ),
    );
    expect(index.text).toBe('ab c');
  });

  it('normalizes a typed quote like DOM text', () => {
    expect(normalizeText('  a\u00a0\u00a0b\n\tc\u00ad ')).toBe('a b c');
    expect(normalizeText('乌克兰\u3000\u3000停火')).toBe('乌克兰 停火');
  });

  it('maps offsets to a range and back across element boundaries', () => {
    const el = root('<p>The <b>quick</b> brown <a href="#">fox</a></p><p>jumps over</p>');
    const index = buildTextIndex(el);
    const start = index.text.indexOf('quick');
    const end = index.text.indexOf('jumps') + 'jumps'.length;
    const range = offsetsToRange(index, start, end);
    expect(range.toString().replace(/\s+/g, ' ')).toBe('quick brown foxjumps');
    expect(rangeToOffsets(index, range)).toEqual({ start, end });
  });

  it('turns an element-boundary selection into trimmed offsets', () => {
    const el = root('<p>one</p><p>two <i>three</i></p>');
    const range = document.createRange();
    range.setStart(el, 1);
    range.setEnd(el.querySelector('i') as Element, 1);
    const index = buildTextIndex(el);
    const offsets = rangeToOffsets(index, range);
    expect(offsets && index.text.slice(offsets.start, offsets.end)).toBe('two three');
  });

  it('gives quote, position and paragraph selectors for a selection', () => {
    const el = root('<p>alpha beta</p><p>gamma <em>delta</em> epsilon</p>');
    const index = buildTextIndex(el);
    const range = document.createRange();
    range.setStart(el.querySelector('em')?.firstChild as Text, 0);
    range.setEnd(el.querySelector('em')?.firstChild as Text, 5);
    expect(describeRange(index, range)).toEqual([
      { type: 'TextQuoteSelector', exact: 'delta', prefix: 'alpha beta gamma ', suffix: ' epsilon' },
      { type: 'TextPositionSelector', start: 17, end: 22 },
      expect.objectContaining({ type: 'ParagraphSelector', index: 1 }),
    ]);
  });

  it('returns null for a selection with no text', () => {
    const el = root('<p>a</p><p> </p>');
    const range = document.createRange();
    range.selectNodeContents(el.lastElementChild as Element);
    expect(describeRange(buildTextIndex(el), range)).toBeNull();
  });
});
