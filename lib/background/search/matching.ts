/**
 * Query evaluation over decoded posting lists: the AND of a query's terms (a merge of sorted
 * lists, rarest first), a score per hit, the field it matched in, and the order hits are
 * shown in — title hits first, then highlight and note hits, then body hits, each tier by
 * field weight × occurrences × term rarity.
 */
import type { SearchField } from '../../model';
import { FIELD_MASK, IN_BODY, IN_NOTES, IN_TITLE, POSTING_SLOT } from './postings';

/** Which field of an article a hit was found in. */
export type { SearchField };

/** How much a term counts in each field. */
export const FIELD_WEIGHTS = { title: 8, annotations: 4, body: 1 } as const;

/** One term's postings, decoded for a query: ascending slots and their bits. */
export interface List {
  slots: Int32Array;
  bits: Uint8Array;
  n: number;
  /** Rarity weight of the term. */
  idf: number;
}

/** Hits of a query: slot, score and tier (0 title, 1 notes, 2 body) of each. */
export interface Matches {
  slots: number[];
  scores: number[];
  tiers: number[];
}

/** Weight of a posting's bits: its fields' weights × (1 + half its occurrence bucket). */
const WEIGHT = Float64Array.from({ length: POSTING_SLOT }, (_, b) => {
  const fields =
    (b & IN_TITLE ? FIELD_WEIGHTS.title : 0) +
    (b & IN_NOTES ? FIELD_WEIGHTS.annotations : 0) +
    (b & IN_BODY ? FIELD_WEIGHTS.body : 0);
  return fields * (1 + 0.5 * (b >> 3));
});

/** The field of each tier. */
export const TIER_FIELDS: readonly SearchField[] = ['title', 'annotations', 'body'];

/** Best field among a posting's bits: 0 title, 1 notes, 2 body. */
function tierOf(bits: number): number {
  return bits & IN_TITLE ? 0 : bits & IN_NOTES ? 1 : 2;
}

/**
 * Slots in every list (`alive` filters removed articles). A hit's tier is the best field
 * holding all the terms; when no one field holds them all, the best field of the rarest.
 */
export function intersect(lists: List[], alive: (slot: number) => boolean): Matches {
  const sorted = [...lists].sort((a, b) => a.n - b.n);
  const [rarest, ...rest] = sorted as [List, ...List[]];
  const at = new Int32Array(rest.length);
  const matches: Matches = { slots: [], scores: [], tiers: [] };
  for (let i = 0; i < rarest.n; i++) {
    const slot = rarest.slots[i] ?? -1;
    if (!alive(slot)) continue;
    const first = rarest.bits[i] ?? 0;
    let score = (WEIGHT[first] ?? 0) * rarest.idf;
    let common = first & FIELD_MASK;
    let all = true;
    for (let r = 0; r < rest.length && all; r++) {
      const list = rest[r] as List;
      let p = at[r] ?? 0;
      while (p < list.n && (list.slots[p] ?? 0) < slot) p++;
      at[r] = p;
      if (list.slots[p] !== slot) all = false;
      else {
        const b = list.bits[p] ?? 0;
        score += (WEIGHT[b] ?? 0) * list.idf;
        common &= b;
      }
    }
    if (!all) continue;
    matches.slots.push(slot);
    matches.scores.push(score);
    matches.tiers.push(tierOf(common === 0 ? first : common));
  }
  return matches;
}

/**
 * Indexes into `matches` of the best `limit`: by tier, then score, then slot (older first).
 * One numeric sort of packed keys (tier, score quantized against the best, index) instead of
 * comparing objects.
 */
export function best(matches: Matches, limit: number): number[] {
  const { scores, tiers } = matches;
  let top = Number.MIN_VALUE;
  for (const score of scores) if (score > top) top = score;
  const keys = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const behind = Math.round((1 - (scores[i] ?? 0) / top) * 0xfffff);
    keys[i] = ((tiers[i] ?? 2) * 0x100000 + behind) * 0x1000000 + i;
  }
  keys.sort();
  return Array.from(keys.subarray(0, limit), (key) => key % 0x1000000);
}

/** Several terms' postings as one list: fields combined, the larger occurrence bucket kept. */
export function union(lists: readonly List[], idf: (n: number) => number): List {
  const merged = new Map<number, number>();
  for (const list of lists) {
    for (let i = 0; i < list.n; i++) {
      const slot = list.slots[i] ?? 0;
      const b = list.bits[i] ?? 0;
      const had = merged.get(slot) ?? 0;
      merged.set(slot, ((had | b) & FIELD_MASK) | Math.max(had & ~FIELD_MASK, b & ~FIELD_MASK));
    }
  }
  const slots = Int32Array.from(merged.keys()).sort();
  const bits = Uint8Array.from(slots, (slot) => merged.get(slot) ?? 0);
  return { slots, bits, n: slots.length, idf: idf(slots.length) };
}
