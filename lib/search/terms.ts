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
 */

/** Han, kana, Hangul (and the CJK compatibility block). */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
const WORD = /[\p{L}\p{N}]/u;

/** Case- and width-folded text (one folded string per input character, joined). */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Pieces of folded text: runs of CJK characters and Latin (or other) words, in order. */
export function runs(folded: string): { cjk: boolean; text: string }[] {
  const out: { cjk: boolean; text: string }[] = [];
  let current: { cjk: boolean; text: string } | null = null;
  for (const ch of folded) {
    const cjk = CJK.test(ch);
    if (!cjk && !WORD.test(ch)) {
      current = null;
      continue;
    }
    if (current && current.cjk === cjk) current.text += ch;
    else {
      current = { cjk, text: ch };
      out.push(current);
    }
  }
  return out;
}

/**
 * The terms of a text: CJK bigrams (a lone CJK character is its own term), Latin words, and
 * adjacent-word pairs (`"memory leak"`). Terms may repeat: callers count them.
 */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  let previousWord: string | null = null;
  for (const run of runs(fold(text))) {
    if (run.cjk) {
      previousWord = null;
      const chars = [...run.text];
      if (chars.length === 1) terms.push(run.text);
      for (let i = 0; i + 1 < chars.length; i++) terms.push(`${chars[i]}${chars[i + 1]}`);
    } else {
      terms.push(run.text);
      if (previousWord !== null) terms.push(`${previousWord} ${run.text}`);
      previousWord = run.text;
    }
  }
  return terms;
}

/**
 * The terms a query must all match. A query of one word is the word; of several, their
 * adjacent pairs (which imply the words). A single CJK character is matched as a prefix of
 * bigrams by the index.
 */
export function queryTerms(query: string): string[] {
  const all = termsOf(query);
  const pairs = all.filter((t) => t.includes(' '));
  const words = all.filter((t) => !t.includes(' ') && !CJK.test(t));
  const cjk = all.filter((t) => CJK.test(t));
  return [...new Set([...cjk, ...(pairs.length > 0 ? pairs : words)])];
}
