/**
 * An inverted index over articles: title, highlight quotes and notes, and body. Updated one
 * article at a time (an edit re-indexes that article only); queries match every term (AND),
 * ranked as `matching.ts` says.
 *
 * Storage is two-level, as in log-structured indexes: a frozen, byte-packed segment
 * (`segment.ts`) and postings appended for articles added since (`appended.ts`). A removed
 * article only marks its slot dead; a merge folds the appended postings in and drops dead
 * slots once enough of either has piled up, so an edit never pays for a rebuild. Terms are
 * numbered by a hash table (`dictionary.ts`); each article's terms are gathered by
 * `collector.ts`.
 */
import { AppendedPostings } from './appended';
import { type BodyBuckets, DocCollector } from './collector';
import { TermDictionary } from './dictionary';
import { collectData, collectDoc, type SearchDoc, type SearchDocData } from './doc-terms';
import { charIndex, sortedOrder, termsStartingWith } from './expansions';
import { best, intersect, type List, type SearchField, TIER_FIELDS, union } from './matching';
import { POSTING_SLOT } from './postings';
import { decodeFrozen, EMPTY_SEGMENT, mergeSegment, type Segment } from './segment';
import type { PackedIndex } from './snapshot';
import { isCjkTerm, parseQuery } from './terms';

export { FIELD_WEIGHTS, type SearchField } from './matching';

/** A hit: article id, relevance within its tier, and the field it matched in. */
export interface SearchHit {
  id: string;
  score: number;
  field: SearchField;
}

/** Hits best first (at most the limit asked for) and how many articles matched in all. */
export interface SearchResult {
  hits: SearchHit[];
  total: number;
}

/** Appended postings before a merge; past this (or the frozen count) they are merged. */
const MERGE_AT = 1 << 20;
/** Dead slots tolerated before a merge, as a share of live articles. */
const DEAD_SHARE = 0.25;
/** Slots fit in 26 bits: `slot * 32 + bits` stays a 32-bit integer. */
const MAX_SLOTS = 2 ** 26 - 1;

/** The index. */
export class SearchIndex {
  private dictionary = new TermDictionary();
  private collector = new DocCollector(this.dictionary);
  private segment: Segment = EMPTY_SEGMENT;
  private frozenPostings = 0;
  /** Terms with ids below this are the frozen segment's, in string order (for prefix search). */
  private frozenTerms = 0;
  private appended = new AppendedPostings();
  /** slot → article id, or null once removed. */
  private slotIds: (string | null)[] = [];
  private slotOf = new Map<string, number>();
  private dead = 0;
  /**
   * CJK character → ids of the terms that hold it, built when a lone character is searched,
   * for a vocabulary of `size` terms (a merge renumbers terms and clears it).
   */
  private charTerms: { index: Map<string, number[]>; size: number } | null = null;

  /** Number of indexed articles. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Whether an article is indexed. */
  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Indexes (or re-indexes) one article from its text. */
  add(doc: SearchDoc): void {
    collectDoc(this.collector, doc);
    this.append(doc.id);
  }

  /** {@link add}, answering the body's term lists for the article's persisted entry. */
  addAndDescribe(doc: SearchDoc): BodyBuckets {
    collectDoc(this.collector, doc);
    const buckets = this.collector.bodyBuckets();
    this.append(doc.id);
    return buckets;
  }

  /** Indexes (or re-indexes) one article from its persisted entry. */
  addData(id: string, data: SearchDocData): void {
    collectData(this.collector, data);
    this.append(id);
  }

  /** Gives the collected article a new slot and appends its postings. */
  private append(id: string): void {
    this.forget(id);
    const slot = this.slotIds.length;
    this.slotIds.push(id);
    this.slotOf.set(id, slot);
    this.collector.drainInto(this.appended, slot * POSTING_SLOT);
    this.compactIfDue();
  }

  /** Removes one article. */
  remove(id: string): void {
    this.forget(id);
    this.compactIfDue();
  }

  private forget(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotIds[slot] = null;
    this.slotOf.delete(id);
    this.dead++;
  }

  /**
   * Merges once appended postings outgrow the frozen ones (so a bulk load merges a handful of
   * times, an edit almost never), or a quarter of the slots are dead, or slots run out (a
   * posting is a 32-bit integer).
   */
  private compactIfDue(): void {
    if (
      this.appended.length > Math.max(MERGE_AT, this.frozenPostings) ||
      (this.dead > 1000 && this.dead > this.slotOf.size * DEAD_SHARE) ||
      this.slotIds.length >= MAX_SLOTS
    )
      this.compact();
  }

  /** Folds appended postings into the frozen segment and forgets removed articles' postings. */
  compact(): void {
    if (this.appended.length === 0 && this.dead === 0) return;
    const alive = this.slotIds.map((id) => id !== null);
    const merged = mergeSegment(
      this.segment,
      this.appended,
      sortedOrder(this.dictionary.terms, this.frozenTerms),
      alive,
    );
    this.segment = merged.segment;
    this.dictionary = TermDictionary.of(merged.kept.map((t) => this.dictionary.terms[t] ?? ''));
    this.frozenTerms = this.dictionary.size;
    this.collector = new DocCollector(this.dictionary);
    this.frozenPostings = merged.segment.counts.reduce((sum, c) => sum + c, 0);
    this.appended = new AppendedPostings();
    this.slotIds = this.slotIds.filter((id) => id !== null);
    this.slotOf = new Map(this.slotIds.map((id, slot) => [id ?? '', slot]));
    this.dead = 0;
    this.charTerms = null;
  }

  /** The index packed for storage (after a merge: nothing appended, no dead slot). */
  pack(): PackedIndex {
    this.compact();
    const { bytes, offsets, counts, last } = this.segment;
    return {
      ids: this.slotIds.map((id) => id ?? ''),
      terms: this.dictionary.terms.join('\n'),
      bytes,
      offsets,
      counts,
      last,
    };
  }

  /** An index from {@link pack}'s output. */
  static unpack(packed: PackedIndex): SearchIndex {
    const index = new SearchIndex();
    const { ids, terms, bytes, offsets, counts, last } = packed;
    index.segment = { bytes, offsets, counts, last };
    // Parsed from JSON: each term a flat string of its own, not a slice holding the joined one.
    const list = terms === '' ? [] : (JSON.parse(JSON.stringify(terms.split('\n'))) as string[]);
    index.dictionary = TermDictionary.of(list);
    index.collector = new DocCollector(index.dictionary);
    index.frozenTerms = index.dictionary.size;
    index.frozenPostings = counts.reduce((sum, c) => sum + c, 0);
    index.slotIds = [...ids];
    index.slotOf = new Map(ids.map((id, slot) => [id, slot]));
    return index;
  }

  /** Ids of the indexed articles. */
  ids(): string[] {
    return [...this.slotOf.keys()];
  }

  /** Size of the index: distinct terms, postings, and bytes of the packed lists. */
  stats(): { terms: number; postings: number; packedBytes: number; appendedPostings: number } {
    return {
      terms: this.dictionary.size,
      postings: this.frozenPostings + this.appended.length,
      packedBytes: this.segment.bytes.byteLength,
      appendedPostings: this.appended.length,
    };
  }

  /** Articles matching every term of `query`, best first (at most `limit`). */
  search(query: string, limit = 50): SearchHit[] {
    return this.query(query, limit).hits;
  }

  /** {@link search}, with the number of all matching articles. */
  query(query: string, limit = 50): SearchResult {
    const { terms, prefix } = parseQuery(query);
    if (terms.length === 0) return { hits: [], total: 0 };
    const lists: List[] = [];
    for (const term of terms) {
      const list = term === prefix ? this.unionOf(this.startingWith(term)) : this.listFor(term);
      if (list.n === 0) return { hits: [], total: 0 };
      lists.push(list);
    }
    const matches = intersect(lists, (slot) => this.slotIds[slot] != null);
    const hits = best(matches, limit).map((i) => ({
      id: this.slotIds[matches.slots[i] ?? 0] ?? '',
      score: matches.scores[i] ?? 0,
      field: TIER_FIELDS[matches.tiers[i] ?? 2] ?? 'body',
    }));
    return { hits, total: matches.slots.length };
  }

  /** Postings of a term; a lone CJK character matches every term that holds it. */
  private listFor(term: string): List {
    if (term.length === 1 && isCjkTerm(term)) return this.unionOf(this.termsWithChar(term));
    return this.listOf(this.dictionary.id(term));
  }

  private listOf(t: number): List {
    if (t < 0) return { slots: new Int32Array(0), bits: new Uint8Array(0), n: 0, idf: 0 };
    const frozen = t < this.segment.counts.length ? (this.segment.counts[t] ?? 0) : 0;
    const slots = new Int32Array(frozen + this.appended.count(t));
    const bits = new Uint8Array(slots.length);
    const n = this.appended.decode(t, slots, bits, frozen > 0 ? decodeFrozen(this.segment, t, slots, bits, 0) : 0);
    return { slots, bits, n, idf: this.idf(n) };
  }

  /** Several terms' postings as one list. */
  private unionOf(termIds: readonly number[]): List {
    if (termIds.length === 1) return this.listOf(termIds[0] ?? -1);
    return union(
      termIds.map((t) => this.listOf(t)),
      (n) => this.idf(n),
    );
  }

  private startingWith(prefix: string): number[] {
    return termsStartingWith(this.dictionary.terms, this.frozenTerms, prefix, this.dictionary.id(prefix));
  }

  private termsWithChar(ch: string): number[] {
    const { terms } = this.dictionary;
    if (this.charTerms?.size !== terms.length) this.charTerms = { index: charIndex(terms), size: terms.length };
    return this.charTerms.index.get(ch) ?? [];
  }

  private idf(docsWithTerm: number): number {
    return Math.log(1 + this.slotOf.size / docsWithTerm);
  }
}
