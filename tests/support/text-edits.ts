/**
 * Synthetic edits for anchoring tests and the anchoring bench: change a text the way articles
 * change between visits (words inserted, deleted, replaced, whitespace and punctuation touched,
 * paragraphs reordered) and keep a map from every old character to where it went, so the right
 * answer for each highlight is known exactly.
 */

/** A seeded PRNG (mulberry32): the same seed gives the same edits on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An edited text and, for each character of the original, its new index (or -1: deleted). */
export interface EditedText {
  text: string;
  map: Int32Array;
}

/** Kinds of character-level edit. */
export type EditKind = 'insert' | 'delete' | 'replace' | 'whitespace' | 'punctuation';

const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const HAN =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经';
const PUNCTUATION: Record<string, string> = {
  ',': '，',
  '.': '。',
  '，': ',',
  '。': '.',
  ';': ',',
  ':': ';',
  '"': '“',
  '“': '"',
};

function word(random: () => number, cjk: boolean): string {
  const letters = cjk ? HAN : LATIN;
  const n = cjk ? 1 + Math.floor(random() * 4) : 2 + Math.floor(random() * 8);
  let out = '';
  for (let i = 0; i < n; i++) out += letters[Math.floor(random() * letters.length)];
  return cjk ? out : ` ${out} `.slice(random() < 0.5 ? 1 : 0);
}

/**
 * Applies random character-level edits touching about `share` of the text (0.01 = 1 %).
 * Edits never overlap, so each old character is either kept once or deleted.
 */
export function editText(text: string, random: () => number, share: number, kinds: readonly EditKind[]): EditedText {
  const budget = Math.max(1, Math.round(text.length * share));
  const cjk = /[\u3400-\u9fff]/.test(text.slice(0, 2000));
  // Positions of edits, spaced at random; each edit spans 1–20 characters.
  const edits: { at: number; length: number; kind: EditKind }[] = [];
  let used = 0;
  while (used < budget) {
    const length = 1 + Math.floor(random() * 20);
    edits.push({
      at: Math.floor(random() * text.length),
      length,
      kind: kinds[Math.floor(random() * kinds.length)] ?? 'replace',
    });
    used += length;
  }
  edits.sort((a, b) => a.at - b.at);
  const map = new Int32Array(text.length).fill(-1);
  let out = '';
  let i = 0;
  for (const edit of edits) {
    if (edit.at < i) continue;
    for (; i < edit.at; i++) {
      map[i] = out.length;
      out += text[i];
    }
    const end = Math.min(text.length, edit.at + edit.length);
    switch (edit.kind) {
      case 'insert':
        out += word(random, cjk);
        break;
      case 'delete':
        i = end;
        break;
      case 'replace':
        i = end;
        out += word(random, cjk);
        break;
      case 'whitespace': {
        // Doubled or removed spaces, a newline: what reflowing or re-rendering does.
        const ch = text[i];
        if (ch === ' ') i++;
        else out += random() < 0.5 ? ' ' : '\n';
        break;
      }
      case 'punctuation': {
        for (; i < end; i++) {
          const ch = text[i] ?? '';
          map[i] = out.length;
          out += PUNCTUATION[ch] ?? ch;
        }
        break;
      }
    }
  }
  for (; i < text.length; i++) {
    map[i] = out.length;
    out += text[i];
  }
  return { text: out, map };
}

/** Swaps blocks of a text split at `separator` (paragraph reordering), with the old→new map. */
export function reorderBlocks(
  blocks: readonly string[],
  random: () => number,
  swaps: number,
  separator = ' ',
): EditedText & { original: string } {
  const order = blocks.map((_, i) => i);
  for (let s = 0; s < swaps; s++) {
    const a = Math.floor(random() * order.length);
    const b = Math.floor(random() * order.length);
    [order[a], order[b]] = [order[b] ?? 0, order[a] ?? 0];
  }
  const starts: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    starts.push(offset);
    offset += block.length + separator.length;
  }
  const original = blocks.join(separator);
  const map = new Int32Array(original.length).fill(-1);
  let text = '';
  order.forEach((b, position) => {
    if (position > 0) text += separator;
    const block = blocks[b] ?? '';
    const from = starts[b] ?? 0;
    for (let i = 0; i < block.length; i++) map[from + i] = text.length + i;
    text += block;
  });
  return { original, text, map };
}

/**
 * Where `[start, end)` of the old text went: the span of its surviving characters. `split`
 * says the survivors no longer stand together (a highlight across two paragraphs that were
 * moved apart): such a highlight has no single right place, and callers leave it out.
 */
export function mapRange(
  map: Int32Array,
  start: number,
  end: number,
): { start: number; end: number; kept: number; split: boolean } | null {
  let first = -1;
  let last = -1;
  let kept = 0;
  let split = false;
  for (let i = start; i < end; i++) {
    const to = map[i] ?? -1;
    if (to < 0) continue;
    kept++;
    if (first < 0) first = to;
    else if (to < last || to - last > 64) split = true;
    last = to;
  }
  return first < 0 ? null : { start: first, end: last + 1, kept, split };
}

/** Verdicts over many anchorings (see {@link judge}). */
export interface Tally {
  correct: number;
  partial: number;
  wrong: number;
  orphan: number;
  /** Highlights with at least half their characters left. */
  recoverable: number;
  /** Of those, anchored correctly. */
  recovered: number;
}

/**
 * Judges one anchoring against the truth. `correct`: it covers the right place (overlap at
 * least half of the union). `partial`: it lies mostly inside the right place but covers too
 * little of it (a quote edited beyond tolerance, matched by what is left of it). `wrong`: most
 * of it is text the highlight never covered. `orphan`: not anchored.
 */
export function judge(
  expected: { start: number; end: number } | null,
  found: { start: number; end: number } | null,
): 'correct' | 'partial' | 'wrong' | 'orphan' {
  if (!found) return 'orphan';
  if (!expected) return 'wrong';
  const overlap = Math.min(found.end, expected.end) - Math.max(found.start, expected.start);
  const union = Math.max(found.end, expected.end) - Math.min(found.start, expected.start);
  if (overlap > 0 && overlap / union >= 0.5) return 'correct';
  return overlap * 2 >= found.end - found.start ? 'partial' : 'wrong';
}
