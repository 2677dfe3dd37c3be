/**
 * Shapes shared by the anchor bench's page bundle (anchor.ts, anchor-draw.ts) and what it
 * answers bench/suites/anchor.mjs.
 */

import type { TextQuoteSelector } from '../../lib/model';
import type { Anchorable, AnchorResult, TextIndex } from '../../lib/shared/anchoring';
import type { Tally as BaseTally } from '../../tests/support/text-edits';
import type { Span } from './hypothesis-match';

/** The engines compared; each turns the stored selectors into DOM ranges. */
export type Engine = 'glossa' | 'indexOf' | 'hypothesis' | 'dtq' | 'dtq-hint';

/** Verdicts over all highlights of one phase (see `judge` in tests/support/text-edits.ts). */
export interface Tally extends BaseTally {
  /** Left out: their surviving characters no longer stand together. */
  split: number;
  /** Wrong anchorings that landed on an identical copy of the quote. */
  copies: number;
}

/** One highlight put where it does not belong (or, for Glossa, any miss worth reading). */
export interface Example {
  verdict: string;
  quote: string;
  prefix: string;
  suffix: string;
  /** Where it was when highlighted (original text). */
  storedAt: number;
  /** Where its surviving characters are now, and what they read; null if all were deleted. */
  wantAt: number | null;
  want: string | null;
  gotAt: number | null;
  got: string | null;
  /** Glossa only: which step of matchQuote answered. */
  method?: string;
  /** Text around the expected and the found place (20 characters each side). */
  wantContext: string | null;
  gotContext: string | null;
}

/** What one timed pass of an engine gives. */
export interface PassResult {
  ms: number;
  tally: Tally;
  examples: Example[];
  /** Glossa only: how many results each matchQuote step gave. */
  methods?: Record<string, number>;
  /** Engines on our index: where the time went. */
  steps?: Steps;
}

export interface State {
  article: HTMLElement;
  phase: 'intact' | 'edited';
  /** Our index of the article as it is now (for judging; engines build their own). */
  index: TextIndex;
  originalText: string;
  spans: Span[];
  items: Anchorable[];
  quotes: TextQuoteSelector[];
  /** Position hints: in our normalized text, and in raw `textContent` of the intact article. */
  hints: number[];
  rawHints: number[];
  /** Where each highlight's surviving characters are in the edited index (null when deleted). */
  truth: ({ start: number; end: number; kept: number; split: boolean } | null)[] | null;
  /** Ranges Glossa gave on the intact article (what the draw measurement paints). */
  drawn: Range[];
  lastGlossa: AnchorResult[];
  lastSteps: Steps;
}

/** Where an index-based engine's time goes: building the index, matching, DOM ranges (ms). */
export interface Steps {
  index: number;
  match: number;
  ranges: number;
}
