/**
 * Postings appended since the last merge, in the order they came: two parallel typed arrays
 * (term id, posting) written front to back, so adding a posting allocates nothing and touches
 * memory sequentially. Reading them by term needs them grouped: a counting sort makes that
 * grouping (sequential reads, scattered writes) once per batch of additions, when a query or a
 * merge asks — not a linked list per term, whose reads would chase one cache miss after another.
 */
import { POSTING_SLOT } from './postings';

/** See the module comment. */
export class AppendedPostings {
  private terms = new Int32Array(4096);
  private values = new Int32Array(4096);
  /** One past the largest term id added. */
  private termCount = 0;
  /** Grouped by term: term `t`'s postings are `grouped[starts[t] .. starts[t + 1])`; null when stale. */
  private grouped: Int32Array | null = null;
  private starts = new Int32Array(1);
  /** Number of postings. */
  length = 0;

  /** Appends `posting` (`slot * POSTING_SLOT + bits`) to term `t`'s list. */
  add(t: number, posting: number): void {
    if (this.length === this.values.length) {
      this.terms = grow(this.terms, this.length * 2);
      this.values = grow(this.values, this.length * 2);
    }
    this.terms[this.length] = t;
    this.values[this.length++] = posting;
    if (t >= this.termCount) this.termCount = t + 1;
    this.grouped = null;
  }

  /** Postings of term `t`. */
  count(t: number): number {
    if (this.length === 0) return 0;
    this.group();
    return t < this.termCount ? (this.starts[t + 1] ?? 0) - (this.starts[t] ?? 0) : 0;
  }

  /** Writes term `t`'s postings into `slots`/`bits` from position `at`; answers the new position. */
  decode(t: number, slots: Int32Array, bits: Uint8Array, at: number): number {
    if (this.count(t) === 0) return at;
    const grouped = this.group();
    let n = at;
    const end = this.starts[t + 1] ?? 0;
    for (let i = this.starts[t] ?? 0; i < end; i++) {
      const posting = grouped[i] ?? 0;
      slots[n] = posting >> 5;
      bits[n++] = posting & (POSTING_SLOT - 1);
    }
    return n;
  }

  /** The postings grouped by term (counting sort; order within a term is kept). */
  private group(): Int32Array {
    if (this.grouped) return this.grouped;
    const terms = this.termCount;
    const starts = new Int32Array(terms + 1);
    for (let i = 0; i < this.length; i++) {
      const t = (this.terms[i] ?? 0) + 1;
      starts[t] = (starts[t] ?? 0) + 1;
    }
    for (let t = 0; t < terms; t++) starts[t + 1] = (starts[t + 1] ?? 0) + (starts[t] ?? 0);
    const fill = starts.slice(0, terms);
    const grouped = new Int32Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const t = this.terms[i] ?? 0;
      grouped[fill[t] ?? 0] = this.values[i] ?? 0;
      fill[t] = (fill[t] ?? 0) + 1;
    }
    this.starts = starts;
    this.grouped = grouped;
    return grouped;
  }
}

function grow(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size);
  grown.set(array);
  return grown;
}
