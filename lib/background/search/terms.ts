/**
 * Search terms from text, right for Chinese as for English. A Chinese word sits inside an
 * unspaced sentence, so word tokenizers (MiniSearch's, FlexSearch's) never see 乌克兰 or 停火线 as
 * tokens; a segmenter guesses word boundaries and splits some words (停火线 → 停火 + 线).
 * Character bigrams need no guess: every word of two or more characters is the run of its
 * bigrams, wherever it sits. Latin text gives words, plus each pair of adjacent words, so a
 * two-word phrase is matched as a phrase, not as two words anywhere in the article.
 *
 * Text is folded first: NFKC (全角 ＡＢＣ１２３ → ABC123, half-width katakana → full) and lower
 * case, so width and case never matter.
 *
 * Tokenizing is the cost of building the index (every character of every article), so
 * characters are classified by a table lookup, not a Unicode regex per character.
 */
import { foldText } from '../../shared/fold-text';

/** Han, kana, Hangul (and the CJK compatibility block). */
const CJK_CLASS = '\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff';
const CJK = new RegExp(`[${CJK_CLASS}]`);

const SEPARATOR = 0;
const WORD = 1;
const HAN = 2;

/** Class of each UTF-16 code unit; surrogates count as word characters (astral letters). */
let classes: Uint8Array | null = null;

function classTable(): Uint8Array {
  if (classes) return classes;
  const table = new Uint8Array(0x10000);
  const word = /[\p{L}\p{N}\p{M}]/u;
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (CJK.test(ch)) table[c] = HAN;
    else if ((c >= 0xd800 && c < 0xe000) || word.test(ch)) table[c] = WORD;
  }
  classes = table;
  return table;
}

/** Whether a UTF-16 unit belongs to a term (a letter, number or mark, CJK included), not a separator. */
export function isTermCode(code: number): boolean {
  return classTable()[code] !== SEPARATOR;
}

/** Whether a term is CJK (a bigram or a lone character). */
export function isCjkTerm(term: string): boolean {
  return CJK.test(term);
}

/** Receives the terms of a text as positions in its folded form (see {@link scanTerms}). */
export interface TermVisitor {
  /** The term `text[start, end)`: a word, a CJK bigram or a lone CJK character. */
  span(text: string, start: number, end: number): void;
  /** The word pair `text[a0, a1) + ' ' + text[b0, b1)`. */
  pair(text: string, a0: number, a1: number, b0: number, b1: number): void;
}

/**
 * Visits each term of already folded text, in order: CJK bigrams (a lone CJK character is its
 * own term), Latin words, and adjacent-word pairs (`"memory leak"`). Terms repeat as they
 * occur. Positions instead of strings: the index looks terms up without making them.
 */
export function scanTerms(folded: string, visitor: TermVisitor): void {
  const table = classTable();
  const n = folded.length;
  let previousStart = -1;
  let previousEnd = -1;
  let i = 0;
  while (i < n) {
    const kind = table[folded.charCodeAt(i)];
    if (kind === SEPARATOR) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && table[folded.charCodeAt(j)] === kind) j++;
    if (kind === HAN) {
      previousStart = -1;
      if (j - i === 1) visitor.span(folded, i, j);
      for (let k = i; k + 1 < j; k++) visitor.span(folded, k, k + 2);
    } else {
      visitor.span(folded, i, j);
      if (previousStart >= 0) visitor.pair(folded, previousStart, previousEnd, i, j);
      previousStart = i;
      previousEnd = j;
    }
    i = j;
  }
}

/** Calls `emit` with each term of a text as a string (see {@link scanTerms}). */
export function eachTerm(text: string, emit: (term: string) => void): void {
  scanTerms(foldText(text), {
    span: (s, start, end) => emit(s.slice(start, end)),
    pair: (s, a0, a1, b0, b1) => emit(`${s.slice(a0, a1)} ${s.slice(b0, b1)}`),
  });
}

/** The terms of a text, in order, repeats included (see {@link eachTerm}). */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  eachTerm(text, (term) => terms.push(term));
  return terms;
}

/** What a query asks for (see {@link parseQuery}). */
export interface ParsedQuery {
  /** Terms every hit must hold. */
  terms: string[];
  /**
   * The query's last Latin term (a word or a pair) when the query ends on it, still being
   * typed: it also matches as a prefix (`minecr` finds minecraft, `the president` finds the
   * presidents). It is one of `terms`.
   */
  prefix: string | null;
}

/**
 * The terms a query must all match: its CJK bigrams, its adjacent-word pairs (which imply their
 * words), and each word in no pair (a word alone, or one between CJK runs). A single CJK
 * character is matched as part of every bigram that holds it, by the index.
 */
export function parseQuery(query: string): ParsedQuery {
  const all = termsOf(query);
  const pairs = all.filter((t) => t.includes(' '));
  const paired = new Set(pairs.flatMap((pair) => pair.split(' ')));
  const words = all.filter((t) => !t.includes(' ') && !isCjkTerm(t) && !paired.has(t));
  const cjk = all.filter((t) => isCjkTerm(t));
  const last = all[all.length - 1] ?? null;
  const folded = foldText(query);
  const open = last !== null && !isCjkTerm(last) && classTable()[folded.charCodeAt(folded.length - 1)] === WORD;
  return { terms: [...new Set([...cjk, ...pairs, ...words])], prefix: open ? last : null };
}

/** The terms of {@link parseQuery}, without the prefix. */
export function queryTerms(query: string): string[] {
  return parseQuery(query).terms;
}
