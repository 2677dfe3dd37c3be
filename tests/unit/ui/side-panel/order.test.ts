/** The side panel's list: reading order, paragraph notes in place, orphans apart, colour filter. */
import { describe, expect, it } from 'vitest';
import { type Highlight, type HighlightColor, newHighlight, type Selector } from '../../../../lib/model';
import { shownEntries, toggleColor } from '../../../../lib/ui/side-panel/filter';
import { inReadingOrder, orphanIds, panelEntries } from '../../../../lib/ui/side-panel/order';

const TEXT = '第一段讲停火线过境点的历史。 第二段说明和谈的立场。 第三段是结论。';

/** A highlight on `exact` as it stands in TEXT, made at `createdAt`. */
function on(exact: string, createdAt: number, color: HighlightColor = 'yellow', paragraph?: number): Highlight {
  const start = TEXT.indexOf(exact);
  const selectors: Selector[] = [
    { type: 'TextQuoteSelector', exact, prefix: TEXT.slice(Math.max(0, start - 8), start), suffix: '' },
    { type: 'TextPositionSelector', start, end: start + exact.length },
  ];
  if (paragraph !== undefined) selectors.push({ type: 'ParagraphSelector', index: paragraph, textHash: 'x' });
  return newHighlight('a_1', selectors, color, { now: createdAt, id: `h${createdAt}` });
}

/** A note on paragraph `index`, with no quote (an empty paragraph's). */
function paragraphOnly(index: number, createdAt: number): Highlight {
  return newHighlight('a_1', [{ type: 'ParagraphSelector', index, textHash: 'x' }], 'yellow', {
    kind: 'paragraph-note',
    note: '段落笔记',
    now: createdAt,
    id: `p${createdAt}`,
  });
}

const ids = (list: readonly Highlight[]) => list.map((h) => h.id);

describe('inReadingOrder', () => {
  it('orders by position in the text, not by when each was made', () => {
    const late = on('结论', 1);
    const early = on('停火线', 2);
    const middle = on('和谈', 3);
    expect(ids(inReadingOrder([late, early, middle]))).toEqual(['h2', 'h3', 'h1']);
  });

  it("puts a paragraph's note before the highlights inside that paragraph", () => {
    const quote = on('第二段', 5, 'green', 1);
    const note = { ...on('第二段', 6, 'yellow', 1), kind: 'paragraph-note' as const, id: 'note' };
    expect(ids(inReadingOrder([quote, note]))).toEqual(['note', 'h5']);
  });

  it('places a note known only by its paragraph before the first entry of that paragraph or a later one', () => {
    const first = on('停火线', 1, 'yellow', 0);
    const third = on('结论', 2, 'yellow', 2);
    const noteOnSecond = paragraphOnly(1, 3);
    const noteAtEnd = paragraphOnly(7, 4);
    expect(ids(inReadingOrder([noteAtEnd, third, noteOnSecond, first]))).toEqual(['h1', 'p3', 'h2', 'p4']);
  });

  it('leaves out deleted entries and lists ones without any place last, oldest first', () => {
    const gone = { ...on('和谈', 1), deleted: true };
    const nowhere = newHighlight('a_1', [], 'blue', { now: 9, id: 'n9' });
    const older = newHighlight('a_1', [], 'blue', { now: 8, id: 'n8' });
    expect(ids(inReadingOrder([nowhere, gone, on('结论', 2), older]))).toEqual(['h2', 'n8', 'n9']);
  });
});

describe('orphanIds and panelEntries', () => {
  it('calls an entry an orphan when its quote is not in the stored text, and lists orphans last', () => {
    const kept = on('和谈', 1);
    const lost: Highlight = newHighlight(
      'a_1',
      [
        { type: 'TextQuoteSelector', exact: '已经删掉的句子', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: 7 },
      ],
      'pink',
      { now: 2, id: 'lost' },
    );
    const emptyParagraph = paragraphOnly(4, 3);
    const orphans = orphanIds([kept, lost, emptyParagraph], TEXT);
    expect([...orphans]).toEqual(['lost']);
    const entries = panelEntries([lost, emptyParagraph, kept], orphans);
    expect(ids(entries.placed)).toEqual(['h1', 'p3']);
    expect(ids(entries.orphans)).toEqual(['lost']);
  });

  it('lists the page note apart and first: never in reading order, never an orphan, never filtered out', () => {
    const page = newHighlight('a_1', [], 'pink', { kind: 'page-note', note: '整篇', now: 9, id: 'page' });
    const all = [on('和谈', 1), page];
    const entries = panelEntries(all, orphanIds(all, TEXT));
    expect(entries).toEqual({ pageNotes: [page], placed: [all[0]], orphans: [] });
    expect(shownEntries([page], new Set<HighlightColor>(['pink']))).toEqual([page]);
  });

  it('finds quotes across the stored text’s paragraph breaks (whitespace is normalized)', () => {
    const stored = TEXT.replaceAll('。 ', '。\n\n');
    expect(orphanIds([on('第三段是结论', 1)], stored).size).toBe(0);
  });
});

describe('colour filter', () => {
  it('hides highlights of hidden colours but never a paragraph note', () => {
    const yellow = on('停火线', 1, 'yellow');
    const green = on('和谈', 2, 'green');
    const note = { ...paragraphOnly(0, 3), color: 'green' as const };
    const hidden = toggleColor(new Set(), 'green');
    expect(ids(shownEntries([yellow, green, note], hidden))).toEqual(['h1', 'p3']);
    expect(ids(shownEntries([yellow, green, note], toggleColor(hidden, 'green')))).toEqual(['h1', 'h2', 'p3']);
  });
});
