/** Snippet emphasis: which pieces of a search snippet the popup wraps in <mark>. */
import { describe, expect, it } from 'vitest';
import { emphasise } from '../../../../lib/ui/library-view';

const marked = (snippet: string, query: string) =>
  emphasise(snippet, query)
    .filter((p) => p.match)
    .map((p) => p.text);

describe('emphasise', () => {
  it('marks a Chinese word in the middle of a sentence and keeps the text whole', () => {
    const snippet = '…美国总统拜登周二表示，将继续向乌克兰提供援助，并与基辅保持沟通…';
    const pieces = emphasise(snippet, '乌克兰');
    expect(pieces.map((p) => p.text).join('')).toBe(snippet);
    expect(pieces.filter((p) => p.match).map((p) => p.text)).toEqual(['乌克兰']);
  });

  it('ignores case and full/half width, marking the original characters', () => {
    expect(marked('Talks in ＵＫＲＡＩＮＥ and ukraine.', 'Ukraine')).toEqual(['ＵＫＲＡＩＮＥ', 'ukraine']);
  });

  it('marks every word of a multi-word query, longest first without splitting matches', () => {
    expect(marked('the line of contact held; contact resumed', 'contact line')).toEqual(['line', 'contact', 'contact']);
  });

  it('falls back to character pairs of a Chinese word that is not there whole', () => {
    expect(marked('停火协议与前线', '停火线')).toEqual(['停火']);
  });

  it('marks nothing for a blank query or no match', () => {
    expect(emphasise('abc', '  ')).toEqual([{ text: 'abc', match: false }]);
    expect(marked('abc', 'xyz')).toEqual([]);
  });
});
