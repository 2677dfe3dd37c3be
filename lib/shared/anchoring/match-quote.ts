/**
 * Finds where a quote sits in a text, from cheap to expensive, and refuses when unsure.
 *
 * 1. **Position**: the text at the expected offset is the exact quote and at least half its
 *    context agrees. This is the common case (an unchanged article) and costs one compare.
 * 2. **Exact quote** elsewhere: every occurrence is weighed by how much context agrees and how
 *    far it is from where the quote was expected.
 * 3. **Fuzzy quote** (Myers' bit-parallel search, `approx-string-match`): first in a window
 *    around the expected offset, then over the whole text with the context as part of the
 *    pattern (so a quote that also occurs elsewhere is told apart by its surroundings).
 *
 * Each candidate earns *evidence*, measured in characters that agree (quote minus twice its
 * errors, plus matching prefix and suffix characters), and loses a little for distance
 * (logarithmic: moving a paragraph costs far less than a mismatched word). The best candidate
 * wins only if it has enough evidence and beats every other candidate by a clear margin;
 * otherwise the quote is an orphan. A highlight shown on the wrong words is worse than one
 * shown in the orphans list, so every tie goes to "orphan".
 */
import search from 'approx-string-match';

/** What is being looked for: a W3C TextQuoteSelector's fields, normalized text. */
export interface QuoteTarget {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where a quote was found and how. */
export interface TextMatch {
  start: number;
  end: number;
  method: 'position' | 'exact' | 'fuzzy';
}

/** Characters of agreement a match needs (less only when quote + context are shorter). */
const MIN_EVIDENCE = 20;
/** How far the winner must lead every other place, in characters of evidence. */
const MARGIN = 8;
/** Half-widths of the fuzzy searches around the expected offset. */
const NEAR = 64;
const WINDOW = 512;
/** Most exact occurrences weighed (a 5-character quote may occur thousands of times). */
const MAX_OCCURRENCES = 4000;

/** A place the quote might be, with what agrees there. */
interface Candidate {
  method: 'exact' | 'fuzzy';
  start: number;
  end: number;
  /** Quote length minus twice its errors. */
  quote: number;
  /** Characters of prefix / suffix that agree there. */
  before: number;
  after: number;
  /** Distance from the expected offset (0 when none is known). */
  distance: number;
}

/** A candidate weighed: evidence in characters, score after distance, and whether plausible. */
interface Weighed extends Candidate {
  evidence: number;
  score: number;
  plausible: boolean;
}

/**
 * Which of the quote's surroundings still stand near the expected place: exactly next to it
 * (`before`, `after`), or allowing for a few characters next to the quote taken by an edit.
 */
interface Surroundings {
  before: boolean;
  after: boolean;
  looseBefore: boolean;
  looseAfter: boolean;
}

/** Evidence lost for being `d` characters from where the quote was expected. */
function penalty(d: number): number {
  return 8 * Math.log2(1 + d / 32);
}

/**
 * Locates `target` in `text`. `expected` is where the quote should start (its stored position,
 * shifted by what earlier quotes told us), if known. Null means "orphan".
 */
export function matchQuote(text: string, target: QuoteTarget, expected?: number): TextMatch | null {
  const { exact, prefix, suffix } = target;
  if (!exact) return null;
  const need = Math.min(MIN_EVIDENCE, exact.length + prefix.length + suffix.length);

  if (expected !== undefined && expected >= 0 && text.startsWith(exact, expected)) {
    const c = exactAt(text, target, expected, 0);
    if (exact.length + c.before + c.after >= need && (c.before + c.after) * 2 >= prefix.length + suffix.length) {
      return { start: expected, end: expected + exact.length, method: 'position' };
    }
  }

  const found = exactCandidates(text, target, expected);
  const maxErrors = exact.length < 8 ? 1 : Math.floor(exact.length / 4);
  if (expected !== undefined && !found.some((c) => c.distance <= NEAR && c.before + c.after > 0)) {
    // Two windows: Myers' search reports only the fewest-error matches of its text, so a wide
    // window holding an exact copy would hide the edited original right next to `expected`.
    for (const radius of [NEAR, WINDOW]) {
      const from = Math.max(0, expected - radius);
      const to = Math.min(text.length, expected + exact.length + radius);
      found.push(...fuzzyCandidates(text, target, from, to, maxErrors, expected));
    }
  }
  const around =
    expected === undefined
      ? { before: false, after: false, looseBefore: false, looseAfter: false }
      : surroundings(text, target, expected);
  // Both neighbours still in place, around a quote that is not: it was edited (or deleted)
  // where it stood. A copy farther away is a different passage, never a candidate.
  const inPlace = around.looseBefore && around.looseAfter;
  const reach = NEAR + exact.length;
  const best = pick(
    found.filter((c) => !inPlace || c.distance <= reach).map((c) => weigh(c, target, around, reach)),
    need,
  );
  if (best === 'ambiguous') return null;
  if (best) return { start: best.start, end: best.end, method: best.method };
  if (inPlace) return null;
  // Anything found near the expected place, even too weak to win, still competes with a
  // faraway match: a far copy must beat the damaged original by the margin, or it is an orphan.
  const nearby = found
    .filter((c) => c.distance <= reach)
    .map((c) => ({ ...weigh(c, target, around, reach), plausible: false }));
  const far = pick(
    [...fuzzyEverywhere(text, target, maxErrors, expected).map((c) => weigh(c, target, around, reach)), ...nearby],
    need,
  );
  return far && far !== 'ambiguous' ? { start: far.start, end: far.end, method: 'fuzzy' } : null;
}

/**
 * Evidence for a candidate. Context that still stands near the expected place belongs to the
 * quote's old home: a faraway candidate gets no credit for matching it too (that is a copy of
 * the passage, not the passage moved).
 */
function weigh(c: Candidate, target: QuoteTarget, around: Surroundings, reach: number): Weighed {
  const far = c.distance > reach;
  const before = far && around.before ? 0 : c.before;
  const after = far && around.after ? 0 : c.after;
  const score = c.quote + before + after - penalty(c.distance);
  // Part of the old home still stands: a faraway candidate must make its case net of distance.
  const evidence = far && (around.before || around.after) ? score : c.quote + before + after;
  const context = target.prefix.length + target.suffix.length;
  const share = c.method === 'exact' ? 4 : 2;
  return { ...c, evidence, score, plausible: (before + after) * share >= context };
}

/** Characters of context that must still stand beside the expected place to count. */
const SURROUNDINGS = 16;
/** Characters next to the quote an edit may have taken with it. */
const NIBBLE = 8;

/**
 * Whether the prefix's end and the suffix's start still stand near `expected`: their innermost
 * 16 characters, and (loosely) the 16 before the 8 nearest the quote, since an edit that takes
 * the quote often takes a few characters around it too.
 */
function surroundings(text: string, { exact, prefix, suffix }: QuoteTarget, expected: number): Surroundings {
  const near = (piece: string, from: number, to: number) => {
    if (piece.length < SURROUNDINGS / 2) return false;
    const at = text.indexOf(piece, Math.max(0, from));
    return at !== -1 && at <= to;
  };
  const reach = NEAR + SURROUNDINGS;
  const head = prefix.slice(-SURROUNDINGS);
  const outerHead = prefix.slice(-SURROUNDINGS - NIBBLE, -NIBBLE);
  const tail = suffix.slice(0, SURROUNDINGS);
  const outerTail = suffix.slice(NIBBLE, SURROUNDINGS + NIBBLE);
  const before = near(head, expected - reach - head.length, expected + NEAR);
  const after = near(tail, expected - NEAR, expected + exact.length + reach);
  return {
    before,
    after,
    looseBefore: before || near(outerHead, expected - reach - SURROUNDINGS - NIBBLE, expected + NEAR),
    looseAfter: after || near(outerTail, expected - NEAR, expected + exact.length + reach + NIBBLE),
  };
}

/** The exact quote at `start`, with the context characters that agree exactly around it. */
function exactAt(text: string, { exact, prefix, suffix }: QuoteTarget, start: number, distance: number): Candidate {
  const end = start + exact.length;
  let before = 0;
  while (
    before < prefix.length &&
    start - 1 - before >= 0 &&
    text.charCodeAt(start - 1 - before) === prefix.charCodeAt(prefix.length - 1 - before)
  ) {
    before++;
  }
  let after = 0;
  while (
    after < suffix.length &&
    end + after < text.length &&
    text.charCodeAt(end + after) === suffix.charCodeAt(after)
  ) {
    after++;
  }
  return { method: 'exact', start, end, quote: exact.length, before, after, distance };
}

function exactCandidates(text: string, target: QuoteTarget, expected: number | undefined): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(target.exact); at !== -1 && found.length < MAX_OCCURRENCES; ) {
    found.push(exactAt(text, target, at, expected === undefined ? 0 : Math.abs(at - expected)));
    at = text.indexOf(target.exact, at + 1);
  }
  return found;
}

/**
 * Candidates for the quote with up to `maxErrors` errors inside `[from, to)`, each weighed by
 * edit-distance agreement of its context.
 */
function fuzzyCandidates(
  text: string,
  target: QuoteTarget,
  from: number,
  to: number,
  maxErrors: number,
  expected: number | undefined,
): Candidate[] {
  const { exact, prefix, suffix } = target;
  return search(text.slice(from, to), exact, maxErrors).map((m) => {
    const start = from + m.start;
    const end = from + m.end;
    const before = prefix.length - levenshtein(prefix, text.slice(Math.max(0, start - prefix.length), start));
    const after = suffix.length - levenshtein(suffix, text.slice(end, end + suffix.length));
    return {
      method: 'fuzzy' as const,
      start,
      end,
      quote: exact.length - 2 * m.errors,
      before: Math.max(0, before),
      after: Math.max(0, after),
      distance: expected === undefined ? 0 : Math.abs(start - expected),
    };
  });
}

/**
 * The whole text, searched for quote and context together: a quote that also occurs elsewhere
 * is found where its surroundings are. Each region is then narrowed to the quote itself.
 */
function fuzzyEverywhere(
  text: string,
  target: QuoteTarget,
  maxErrors: number,
  expected: number | undefined,
): Candidate[] {
  const pattern = target.prefix + target.exact + target.suffix;
  const candidates: Candidate[] = [];
  for (const region of search(text, pattern, Math.floor(pattern.length / 4))) {
    const from = Math.max(0, region.start - 8);
    const to = Math.min(text.length, region.end + 8);
    candidates.push(...fuzzyCandidates(text, target, from, to, maxErrors, expected));
  }
  return candidates;
}

/**
 * The candidate that wins clearly, null when none is good enough, 'ambiguous' when two
 * different places are about as good (the caller must then give up, not guess).
 */
function pick(candidates: readonly Weighed[], need: number): Weighed | 'ambiguous' | null {
  let best: Weighed | null = null;
  for (const c of candidates) {
    if (c.plausible && c.evidence >= need && (!best || c.score > best.score)) best = c;
  }
  if (!best) return null;
  for (const c of candidates) {
    const overlaps = c.start < best.end && best.start < c.end;
    if (!overlaps && c.score > best.score - MARGIN) return 'ambiguous';
  }
  return best;
}

/** Edit distance of two short strings (context is at most a few dozen characters). */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length || !b.length) return a.length || b.length;
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = code === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}
