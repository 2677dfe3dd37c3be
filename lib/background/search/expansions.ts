/**
 * Terms a query term stands for beyond itself: a word being typed stands for the longer words
 * it begins (`minecr` → minecraft), a lone CJK character for every bigram that holds it. Both
 * look at the vocabulary, which a merge keeps in string order (`sortedOrder`), so a prefix is
 * a binary search among the merged terms plus a scan of the few added since.
 */
import { isCjkTerm } from './terms';

/** Shortest word that also matches as a prefix: as a first letter it would match thousands. */
export const MIN_PREFIX = 3;
/** Most terms a prefix expands to. */
export const MAX_EXPANSIONS = 200;

/**
 * Ids of the terms that start with `prefix` (`terms[0..sorted)` are in string order): a word's
 * longer words, a pair's pairs whose second word goes on. `exact` (the prefix's own id, or -1)
 * is always among them.
 */
export function termsStartingWith(terms: readonly string[], sorted: number, prefix: string, exact: number): number[] {
  const pair = prefix.includes(' ');
  if (!pair && prefix.length < MIN_PREFIX) return exact < 0 ? [] : [exact];
  const ids: number[] = [];
  const take = (t: number) => {
    if (pair || !(terms[t] ?? '').includes(' ')) ids.push(t);
  };
  let lo = 0;
  let hi = sorted;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((terms[mid] ?? '') < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (let t = lo; t < sorted && ids.length < MAX_EXPANSIONS; t++) {
    if (!(terms[t] ?? '').startsWith(prefix)) break;
    take(t);
  }
  for (let t = sorted; t < terms.length && ids.length < MAX_EXPANSIONS; t++) {
    if ((terms[t] ?? '').startsWith(prefix)) take(t);
  }
  if (exact >= 0 && !ids.includes(exact)) ids.push(exact);
  return ids;
}

/** CJK character → ids of the CJK terms (bigrams, lone characters) that hold it. */
export function charIndex(terms: readonly string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  terms.forEach((term, t) => {
    if (term.length > 2 || !isCjkTerm(term)) return;
    for (const c of new Set(term)) {
      const ids = index.get(c);
      if (ids) ids.push(t);
      else index.set(c, [t]);
    }
  });
  return index;
}

/** All term ids in string order, when `terms[0..sorted)` already are: the newer ones are sorted in. */
export function sortedOrder(terms: readonly string[], sorted: number): number[] {
  const newer = Array.from({ length: terms.length - sorted }, (_, i) => sorted + i);
  newer.sort((a, b) => ((terms[a] ?? '') < (terms[b] ?? '') ? -1 : 1));
  const order: number[] = [];
  let f = 0;
  let n = 0;
  while (f < sorted || n < newer.length) {
    const next = newer[n];
    if (f < sorted && (next === undefined || (terms[f] ?? '') < (terms[next] ?? ''))) order.push(f++);
    else if (next !== undefined) {
      order.push(next);
      n++;
    }
  }
  return order;
}
