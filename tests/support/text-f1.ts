/**
 * Text similarity for extraction quality, shared by the unit tests and the benchmark (which
 * runs it inside Chromium): token-level F1, with CJK characters as single tokens since Chinese
 * has no spaces to split words on.
 */

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}\p{M}]+/gu;

/** Tokens for F1: lower-cased words for alphabetic text, single characters for CJK. */
export function tokenize(text: string): string[] {
  return (text.match(TOKEN) ?? []).map((token) => (CJK_CHAR.test(token) ? token : token.toLowerCase()));
}

/**
 * Token-level F1 of `actual` against `expected`, counting tokens as multisets. Two empty texts
 * agree perfectly; one empty text scores 0.
 */
export function textF1(actual: string, expected: string): number {
  const expectedTokens = tokenize(expected);
  const actualTokens = tokenize(actual);
  if (actualTokens.length === 0 && expectedTokens.length === 0) return 1;
  const want = new Map<string, number>();
  for (const token of expectedTokens) want.set(token, (want.get(token) ?? 0) + 1);
  let overlap = 0;
  for (const token of actualTokens) {
    const left = want.get(token) ?? 0;
    if (left > 0) {
      overlap++;
      want.set(token, left - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / actualTokens.length;
  const recall = overlap / expectedTokens.length;
  return (2 * precision * recall) / (precision + recall);
}
