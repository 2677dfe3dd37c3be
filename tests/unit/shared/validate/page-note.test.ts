/**
 * Page notes (issue 15, item 3) enter through the one validator like every other record: a note
 * on the whole article has no selector, and only a page note may have none; sync documents and
 * backup records carry it the same way, and placement never puts it in the text nor calls it an
 * orphan.
 */
import { describe, expect, it } from 'vitest';
import { fromDoc, toDoc } from '../../../../lib/background/sync/docs';
import { changed, newHighlight, pageNotesOf } from '../../../../lib/model';
import { place } from '../../../../lib/shared/highlighting/placement';
import { checkHighlight, validateHighlight } from '../../../../lib/shared/validate';
import { highlightReplica } from '../../../../lib/storage';

const QUOTE = { type: 'TextQuoteSelector', exact: '停火线', prefix: '', suffix: '' } as const;
const PARAGRAPH = { type: 'ParagraphSelector', index: 0, textHash: 'abc' } as const;
const pageNote = () => newHighlight('a1', [], 'yellow', { kind: 'page-note', note: '整篇文章的**笔记**' });

describe('a page note at the validator', () => {
  it('is accepted with no selector and rebuilt field by field', () => {
    const note = pageNote();
    expect(validateHighlight({ ...note, extra: 1 })).toEqual(note);
  });

  it.each([
    ['a page note with a quote', { kind: 'page-note', selectors: [QUOTE] }],
    ['a page note with a paragraph key', { kind: 'page-note', selectors: [PARAGRAPH] }],
    ['a highlight with no selector', { kind: 'highlight', selectors: [] }],
    ['a paragraph note with no selector', { kind: 'paragraph-note', selectors: [] }],
    ['an unknown kind', { kind: 'chapter-note', selectors: [] }],
  ])('refuses %s', (_, patch) => {
    expect(validateHighlight({ ...pageNote(), ...patch })).toBeNull();
  });

  it('comes through a sync document and a backup record alike', () => {
    const note = pageNote();
    const replica = highlightReplica(note);
    expect(fromDoc(toDoc({ type: 'highlight', value: replica }))).toEqual({ type: 'highlight', value: replica });
    const backup = checkHighlight(note);
    expect(backup.ok && backup.value).toEqual(note);
    const forged = toDoc({
      type: 'highlight',
      value: { ...replica, selectors: { ...replica.selectors, value: [QUOTE] } },
    });
    expect(fromDoc(forged)).toBeNull();
  });
});

describe('a page note in the article', () => {
  it('is neither placed in the text nor an orphan', () => {
    document.body.innerHTML = '<article><p>开通顿巴斯地区停火线过境点</p></article>';
    const root = document.querySelector('article') as Element;
    const highlight = newHighlight('a1', [QUOTE], 'pink');
    const placement = place(root, [pageNote(), highlight]);
    expect(placement.placed.map((p) => p.highlight.id)).toEqual([highlight.id]);
    expect(placement.orphans).toEqual([]);
  });

  it('lists the live page notes oldest first, so two made offline on two devices both show', () => {
    const older = newHighlight('a1', [], 'yellow', { kind: 'page-note', note: 'first', now: 1000 });
    const newer = newHighlight('a1', [], 'yellow', { kind: 'page-note', note: 'second', now: 2000 });
    const gone = changed(newHighlight('a1', [], 'yellow', { kind: 'page-note', now: 500 }), { deleted: true });
    const highlight = newHighlight('a1', [QUOTE], 'pink');
    expect(pageNotesOf([newer, highlight, gone, older])).toEqual([older, newer]);
  });
});
