/**
 * Gathers one article's terms — with the fields they occur in and how often — on the way into
 * the index, from text or from a persisted entry. An article's occurrences are first counted
 * in a small table of its own (it stays in the processor's cache), so the large vocabulary
 * table is consulted once per distinct term of the article, not once per occurrence: half the
 * lookups, and those were the cost. Nothing here allocates per occurrence.
 */

import { foldText } from '../../shared/fold-text';
import type { AppendedPostings } from './appended';
import { copyTerm, type TermDictionary } from './dictionary';
import { countBits, FIELD_MASK, IN_BODY } from './postings';
import { scanTerms, type TermVisitor } from './terms';

/** The body's distinct terms by occurrence bucket, each `\n`-joined (see SearchDocData.body). */
export type BodyBuckets = [string, string, string, string];

/** An occurrence count that falls in each bucket (1, 2–3, 4–7, 8+). */
const BUCKET_COUNT = [1, 2, 4, 8] as const;
/** Term state: field bits (3), then body and short-field occurrences, each capped at 8 (4 bits). */
const BODY_SHIFT = 3;
const SHORT_SHIFT = 7;
const COUNT_MASK = 15;
const CAP = 8;
/** Ints per local bucket: hash 1, hash 2, length, term number + 1 (0: empty). */
const STRIDE = 4;
/** Ints per term position: text number, a0, a1, b0, b1. */
const SPAN = 5;

/** See the module comment. One collector per dictionary, reused for every article. */
export class DocCollector implements TermVisitor {
  /** The folded texts of this article (title, notes, body, or persisted term lists). */
  private texts: string[] = [];
  private textIndex = 0;
  private field = IN_BODY;
  private weight = 1;
  /** The article's own hash table of its distinct terms. */
  private table = new Int32Array(STRIDE * 4096);
  /** Distinct terms of the article, in order of first sight. */
  private count = 0;
  private keys = new Int32Array(3 * 1024);
  private spans = new Int32Array(SPAN * 1024);
  private states = new Int32Array(1024);
  private ids = new Int32Array(1024);
  private resolved = false;

  constructor(private readonly dictionary: TermDictionary) {}

  /** Counts the terms of `text` as occurring in `field` (IN_TITLE, IN_NOTES or IN_BODY). */
  text(text: string, field: number): void {
    const folded = foldText(text);
    this.use(folded, field, 1);
    scanTerms(folded, this);
  }

  /** Adds a persisted list of body terms (`\n`-joined) that occur `bucket`-often. */
  bodyTerms(list: string, bucket: number): void {
    this.use(list, IN_BODY, BUCKET_COUNT[bucket] ?? 1);
    let start = 0;
    while (start < list.length) {
      let end = list.indexOf('\n', start);
      if (end < 0) end = list.length;
      if (end > start) this.span(list, start, end);
      start = end + 1;
    }
  }

  /** {@link TermVisitor}: one occurrence of a term. */
  span(text: string, start: number, end: number): void {
    this.pair(text, start, end, -1, -1);
  }

  /** {@link TermVisitor}: one occurrence of a word pair. */
  pair(text: string, a0: number, a1: number, b0: number, b1: number): void {
    const dictionary = this.dictionary;
    const length = dictionary.hash(text, a0, a1, b0, b1);
    const h1 = dictionary.h1;
    const h2 = dictionary.h2;
    const table = this.table;
    const wrap = table.length - 1;
    let at = (STRIDE * (h1 ^ (h2 >>> 11))) & wrap;
    let n = -1;
    for (; table[at + 3] !== 0; at = (at + STRIDE) & wrap) {
      if (table[at] === h1 && table[at + 1] === h2 && table[at + 2] === length) {
        n = (table[at + 3] ?? 0) - 1;
        break;
      }
    }
    if (n < 0) n = this.add(at, h1, h2, length, a0, a1, b0, b1);
    const state = this.states[n] ?? 0;
    const shift = this.field === IN_BODY ? BODY_SHIFT : SHORT_SHIFT;
    const counted = Math.min(CAP, ((state >> shift) & COUNT_MASK) + this.weight);
    this.states[n] = (state & ~(COUNT_MASK << shift)) | (counted << shift) | this.field;
  }

  /** The body terms gathered so far, by bucket: what an entry persists. */
  bodyBuckets(): BodyBuckets {
    this.resolve();
    const buckets: [string[], string[], string[], string[]] = [[], [], [], []];
    for (let n = 0; n < this.count; n++) {
      const body = ((this.states[n] ?? 0) >> BODY_SHIFT) & COUNT_MASK;
      if (body > 0) buckets[countBits(body) >> 3]?.push(this.dictionary.terms[this.ids[n] ?? 0] ?? '');
    }
    return [buckets[0].join('\n'), buckets[1].join('\n'), buckets[2].join('\n'), buckets[3].join('\n')];
  }

  /** Appends a posting of each term to `postings` (`base` is the slot's part), then forgets the article. */
  drainInto(postings: AppendedPostings, base: number): void {
    this.resolve();
    for (let n = 0; n < this.count; n++) {
      const state = this.states[n] ?? 0;
      const bucket = Math.max(
        countBits((state >> BODY_SHIFT) & COUNT_MASK),
        countBits((state >> SHORT_SHIFT) & COUNT_MASK),
      );
      postings.add(this.ids[n] ?? 0, base + ((state & FIELD_MASK) | bucket));
    }
    this.reset();
  }

  private use(text: string, field: number, weight: number): void {
    this.textIndex = this.texts.length;
    this.texts.push(text);
    this.field = field;
    this.weight = weight;
  }

  /** Records a new distinct term in bucket `at`; answers its number. */
  private add(at: number, h1: number, h2: number, length: number, a0: number, a1: number, b0: number, b1: number) {
    const n = this.count++;
    if (n === this.states.length) this.growTerms();
    const { keys, spans } = this;
    keys[3 * n] = h1;
    keys[3 * n + 1] = h2;
    keys[3 * n + 2] = length;
    spans[SPAN * n] = this.textIndex;
    spans[SPAN * n + 1] = a0;
    spans[SPAN * n + 2] = a1;
    spans[SPAN * n + 3] = b0;
    spans[SPAN * n + 4] = b1;
    this.states[n] = 0;
    this.table[at] = h1;
    this.table[at + 1] = h2;
    this.table[at + 2] = length;
    this.table[at + 3] = n + 1;
    if (this.count * 2 * STRIDE > this.table.length) this.rehash(this.table.length * 2);
    return n;
  }

  /** Finds (or adds) each distinct term in the vocabulary, once per article. */
  private resolve(): void {
    if (this.resolved) return;
    const { dictionary, keys, spans } = this;
    for (let n = 0; n < this.count; n++) {
      const h1 = keys[3 * n] ?? 0;
      const h2 = keys[3 * n + 1] ?? 0;
      const length = keys[3 * n + 2] ?? 0;
      let id = dictionary.find(h1, h2, length);
      if (id < 0) {
        const s = SPAN * n;
        const text = this.texts[spans[s] ?? 0] ?? '';
        const term = copyTerm(text, spans[s + 1] ?? 0, spans[s + 2] ?? 0, spans[s + 3] ?? -1, spans[s + 4] ?? -1);
        id = dictionary.insert(h1, h2, length, term);
      }
      this.ids[n] = id;
    }
    this.resolved = true;
  }

  private reset(): void {
    // A big article leaves a big table: start small again rather than clear megabytes each time.
    if (this.table.length > STRIDE * 16384) this.table = new Int32Array(STRIDE * 4096);
    else if (this.count * STRIDE * 8 > this.table.length) this.table.fill(0);
    else this.clearUsed();
    this.count = 0;
    this.texts = [];
    this.resolved = false;
  }

  /** Empties the buckets this article used (cheaper than the whole table for a short one). */
  private clearUsed(): void {
    const { table, keys } = this;
    const wrap = table.length - 1;
    for (let n = 0; n < this.count; n++) {
      let at = (STRIDE * ((keys[3 * n] ?? 0) ^ ((keys[3 * n + 1] ?? 0) >>> 11))) & wrap;
      while (table[at + 3] !== 0) {
        table[at + 3] = 0;
        at = (at + STRIDE) & wrap;
      }
    }
  }

  private rehash(size: number): void {
    const table = new Int32Array(size);
    const wrap = size - 1;
    for (let n = 0; n < this.count; n++) {
      const h1 = this.keys[3 * n] ?? 0;
      const h2 = this.keys[3 * n + 1] ?? 0;
      let at = (STRIDE * (h1 ^ (h2 >>> 11))) & wrap;
      while (table[at + 3] !== 0) at = (at + STRIDE) & wrap;
      table[at] = h1;
      table[at + 1] = h2;
      table[at + 2] = this.keys[3 * n + 2] ?? 0;
      table[at + 3] = n + 1;
    }
    this.table = table;
  }

  private growTerms(): void {
    const size = this.states.length * 2;
    this.keys = grow(this.keys, 3 * size);
    this.spans = grow(this.spans, SPAN * size);
    this.states = grow(this.states, size);
    this.ids = grow(this.ids, size);
  }
}

function grow(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}
