/**
 * Term ↔ number, the index's vocabulary. Indexing a large library meets tens of millions of
 * term occurrences (`npm run bench -- search`); with a Map each would be a fresh substring (a CJK bigram, a word, a word pair)
 * hashed and thrown away, which costs more than everything else together. Here a term is
 * hashed straight from the characters of the folded text it sits in, and only a new term
 * becomes a string.
 *
 * Terms are told apart by two independent 32-bit hashes and their length, never by comparing
 * characters: comparing meant reading a string scattered somewhere in the heap for every
 * lookup, and that cache miss was most of the cost. Two different terms would have to agree
 * on 64 hash bits and the length to be confused: with 200,000 terms, odds of about one in a
 * billion, and the harm would be one spurious hit.
 */

const SPACE = 0x20;
/** Ints per bucket: hash 1, hash 2, length, id + 1 (0: empty). A bucket shares one cache line. */
const STRIDE = 4;

/** The vocabulary: dense ids 0..size-1 in order of first sight. */
export class TermDictionary {
  /** id → term. */
  readonly terms: string[] = [];
  /** First hash of the span {@link hash} saw last. */
  h1 = 0;
  /** Second hash of the span {@link hash} saw last. */
  h2 = 0;
  private table: Int32Array;

  constructor(capacity = 512) {
    let buckets = 1024;
    while (buckets < capacity * 2) buckets *= 2;
    this.table = new Int32Array(STRIDE * buckets);
  }

  /** A dictionary holding `terms` (flat strings of their own) with ids in that order. */
  static of(terms: readonly string[]): TermDictionary {
    const dictionary = new TermDictionary(terms.length);
    for (const term of terms) {
      const length = dictionary.hash(term, 0, term.length, -1, -1);
      dictionary.insert(dictionary.h1, dictionary.h2, length, term);
    }
    return dictionary;
  }

  /** Number of terms. */
  get size(): number {
    return this.terms.length;
  }

  /**
   * Hashes the term `text[a0, a1)`, or with `b0 >= 0` the word pair
   * `text[a0, a1) + ' ' + text[b0, b1)`, into {@link h1} and {@link h2}; answers its length.
   * FNV-1a and a multiply-rotate hash, in one pass.
   */
  hash(text: string, a0: number, a1: number, b0: number, b1: number): number {
    let h1 = 0x811c9dc5 | 0;
    let h2 = 0x9747b28c | 0;
    for (let i = a0; i < a1; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul((h2 << 5) | (h2 >>> 27), 0x5bd1e995) ^ c;
    }
    if (b0 < 0) {
      this.h1 = h1;
      this.h2 = Math.imul(h2 ^ (h2 >>> 15), 0x2c1b3c6d);
      return a1 - a0;
    }
    h1 = Math.imul(h1 ^ SPACE, 0x01000193);
    h2 = Math.imul((h2 << 5) | (h2 >>> 27), 0x5bd1e995) ^ SPACE;
    for (let i = b0; i < b1; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul((h2 << 5) | (h2 >>> 27), 0x5bd1e995) ^ c;
    }
    this.h1 = h1;
    this.h2 = Math.imul(h2 ^ (h2 >>> 15), 0x2c1b3c6d);
    return a1 - a0 + 1 + b1 - b0;
  }

  /** The id of the term with these hashes and length, or -1. */
  find(h1: number, h2: number, length: number): number {
    const table = this.table;
    const wrap = table.length - 1;
    for (let at = bucketOf(h1, h2, table.length); table[at + 3] !== 0; at = (at + STRIDE) & wrap) {
      if (table[at] === h1 && table[at + 1] === h2 && table[at + 2] === length) return (table[at + 3] ?? 0) - 1;
    }
    return -1;
  }

  /** Adds a term not yet present (`term` must not be a slice of a long text); answers its id. */
  insert(h1: number, h2: number, length: number, term: string): number {
    const id = this.terms.length;
    this.terms.push(term);
    if (this.terms.length * 2 * STRIDE > this.table.length) this.rehash();
    this.place(this.table, h1, h2, length, id);
    return id;
  }

  /** The id of `term`, or -1 (queries: never adds). */
  id(term: string): number {
    const length = this.hash(term, 0, term.length, -1, -1);
    return this.find(this.h1, this.h2, length);
  }

  private place(table: Int32Array, h1: number, h2: number, length: number, id: number): void {
    let at = bucketOf(h1, h2, table.length);
    while (table[at + 3] !== 0) at = (at + STRIDE) & (table.length - 1);
    table[at] = h1;
    table[at + 1] = h2;
    table[at + 2] = length;
    table[at + 3] = id + 1;
  }

  private rehash(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    for (let from = 0; from < old.length; from += STRIDE) {
      const entry = old[from + 3] ?? 0;
      if (entry !== 0) this.place(table, old[from] ?? 0, old[from + 1] ?? 0, old[from + 2] ?? 0, entry - 1);
    }
    this.table = table;
  }
}

/** First int of the home bucket of a hash pair in a table of `length` ints. */
function bucketOf(h1: number, h2: number, length: number): number {
  return (STRIDE * (h1 ^ (h2 >>> 7))) & (length - 1);
}

/**
 * A term as a string of its own: `text[a0, a1)` (or the pair with `text[b0, b1)`), copied so
 * it does not keep `text` alive (V8 slices share their parent) and is not a concatenation
 * (whose characters are read through its parts).
 */
export function copyTerm(text: string, a0: number, a1: number, b0: number, b1: number): string {
  const raw = b0 < 0 ? text.slice(a0, a1) : `${text.slice(a0, a1)} ${text.slice(b0, b1)}`;
  return JSON.parse(JSON.stringify(raw)) as string;
}
