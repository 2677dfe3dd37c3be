/**
 * The Hypothesis client's way of finding a quote, restated for the anchor bench so it runs on
 * the same text and with the same selectors as Glossa (a peer, not our code: lib/shared/anchoring is).
 */
import search from 'approx-string-match';
import type { TextQuoteSelector } from '../../lib/model';

/** A found `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The Hypothesis client's quote matching (src/annotator/anchoring/match-quote.ts), restated:
 * every exact occurrence (an `indexOf` loop) or, when there is none, the fewest-error matches
 * within `min(256, length / 2)` errors; each scored (50·quote + 20·prefix + 20·suffix +
 * 2·position) / 92, where prefix and suffix similarity are those of the best approximate match
 * of the context inside the text beside the candidate; the best score wins, with no threshold.
 */
export function hypothesisMatch(text: string, quote: TextQuoteSelector, hint: number): Span | null {
  const { exact } = quote;
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  if (!exact) return null;
  let best: Span | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const m of occurrences(text, exact, Math.min(256, exact.length / 2))) {
    const quoteScore = 1 - m.errors / exact.length;
    const prefixScore = prefix ? similarity(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix) : 1;
    const suffixScore = suffix ? similarity(text.slice(m.end, m.end + suffix.length), suffix) : 1;
    const positionScore = 1 - Math.abs(m.start - hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (score > bestScore) {
      bestScore = score;
      best = { start: m.start, end: m.end };
    }
  }
  return best;
}

function occurrences(
  text: string,
  pattern: string,
  maxErrors: number,
): { start: number; end: number; errors: number }[] {
  const found: { start: number; end: number; errors: number }[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    found.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return found.length > 0 ? found : search(text, pattern, maxErrors);
}

function similarity(text: string, pattern: string): number {
  if (!text || !pattern) return 0;
  const best = occurrences(text, pattern, pattern.length)[0];
  return best ? 1 - best.errors / pattern.length : 0;
}
