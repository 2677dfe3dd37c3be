import { describe, expect, it } from 'vitest';
import { levenshtein, matchQuote } from '../../../../lib/shared/anchoring/match-quote';

/** The quote `exact` as it first occurs after `from` in `text`, with 32 characters of context. */
function quoteIn(text: string, exact: string, from = 0) {
  const start = text.indexOf(exact, from);
  if (start < 0) throw new Error(`no ${exact}`);
  return {
    start,
    target: {
      exact,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(start + exact.length, start + exact.length + 32),
    },
  };
}

const CN =
  '乌克兰总统泽连斯基周日表示，乌克兰军队在东部战线上击退了多次进攻。分析人士认为，停火线附近的局势仍然紧张，乌克兰与俄罗斯的谈判陷入僵局。';

describe('matchQuote', () => {
  it('finds a Chinese phrase inside unspaced text, by position when nothing changed', () => {
    const { start, target } = quoteIn(CN, '停火线');
    expect(matchQuote(CN, target, start)).toEqual({ start, end: start + 3, method: 'position' });
  });

  it('tells a repeated short quote apart by its context after the text shifted', () => {
    const second = quoteIn(CN, '乌克兰', 10);
    const edited = `新华社报道：${CN}`;
    const found = matchQuote(edited, second.target, second.start);
    expect(found && edited.slice(found.start - 4, found.end)).toBe('周日表示，乌克兰'.slice(-7));
    expect(found?.start).toBe(second.start + 6);
  });

  it('gives up on a quote repeated with identical context when no position says which', () => {
    const text = 'Intro. Subscribe to our newsletter for more. Middle part. Subscribe to our newsletter for more. End.';
    const target = { exact: 'newsletter', prefix: 'Subscribe to our ', suffix: ' for more.' };
    expect(matchQuote(text, target)).toBeNull();
    // With a position, the nearer copy is the one.
    const second = text.lastIndexOf('newsletter');
    expect(matchQuote(text, target, second + 3)?.start).toBe(second);
  });

  it('never moves a short quote to another occurrence when its own context is gone', () => {
    const text = 'The cat sat on the mat. A dog ran in the park. The cat sat on the rug.';
    const { start, target } = quoteIn(text, 'the mat');
    const edited = text.replace('The cat sat on the mat.', 'Completely different words here now.');
    expect(matchQuote(edited, target, start)).toBeNull();
    // "the " + a 3-letter word occurs elsewhere, but nothing around it agrees.
    expect(matchQuote(edited, { ...target, exact: 'the' }, start)).toBeNull();
  });

  it('re-finds a quote with a word changed inside it (fuzzy), near where it was', () => {
    const text = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.';
    const { start, target } = quoteIn(text, 'consectetur adipiscing elit');
    const edited = text.replace('adipiscing', 'adipisicing');
    const found = matchQuote(edited, target, start);
    expect(found?.method).toBe('fuzzy');
    expect(found && edited.slice(found.start, found.end)).toMatch(/^consectetur adipisicing eli/);
  });

  it('prefers the edited original over an untouched copy far away', () => {
    const para = 'Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim.';
    const filler = ' Other words that separate the two copies of the paragraph in this page. '.repeat(8);
    const text = para + filler + para;
    const { start, target } = quoteIn(text, 'cupidatat non proident');
    const edited = text.replace('cupidatat non proident', 'cupidatat nn proident');
    expect(matchQuote(edited, target, start)?.start).toBe(start);
  });

  // Regression (bench, edit seed 11): a deletion took the quote with one character of its prefix
  // and five of its suffix; the untouched copy of the passage 95,000 characters away won.
  it('does not move a deleted quote to a copy elsewhere when edits nibbled its context', () => {
    const passage = '常见的软件如微信、微博均可使用，淘宝偶尔还是会崩溃闪退，使用自带的搜索功能就能快捷打开应用。';
    const filler = '其他段落的文字与此无关，只是为了拉开两份副本之间的距离。'.repeat(120);
    const text = `开头的一段介绍文字，说明了本文要讨论的问题。${passage}${filler}${passage}结尾。`;
    const { start, target } = quoteIn(text, '微博均可使用，淘宝');
    const edited = text.slice(0, start - 1) + text.slice(start + target.exact.length + 5);
    expect(matchQuote(edited, target, start)).toBeNull();
  });

  // Modelled on the bench's edit seed 7 (prefix end and quote tail rewritten; an intact copy far
  // away was taken over the damaged original). The short text here does not reproduce that
  // failure on the old code; it guards the behaviour: near original or orphan, never the copy.
  it('does not prefer a faraway copy over the damaged original nearby', () => {
    const passage =
      'Daring Fireball know. 冬天要开空调，设成“制热26℃”；夏天要开空调，设成“制冷26℃”。 同样是26℃，制冷和制热有什么区别';
    const filler = ' unrelated words in between the two copies of this passage'.repeat(40);
    const text = `Start. ${passage}${filler} ond. ${passage.slice('Daring Fireball'.length + 1)} End.`;
    const { start, target } = quoteIn(
      text,
      'know. 冬天要开空调，设成“制热26℃”；夏天要开空调，设成“制冷26℃”。 同样是26',
    );
    const edited = text
      .replace('Daring Fireball know.', 'Daring Fireballrycnh know.')
      .replace('“制冷26℃”。 同样是26℃，制冷', '“制冷26℃” cseqbykfi 有什么区别');
    const found = matchQuote(edited, target, start);
    expect(found === null || Math.abs(found.start - start) < 40).toBe(true);
  });

  it('refuses an empty quote', () => {
    expect(matchQuote('abc', { exact: '', prefix: '', suffix: '' }, 0)).toBeNull();
  });

  it('computes edit distance', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('停火线', '停火')).toBe(1);
  });
});
