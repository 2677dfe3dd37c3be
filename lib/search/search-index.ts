/**
 * An inverted index over articles: title, highlight quotes and notes, and body, weighted in
 * that order, updated one article at a time (an edit re-indexes that article only). Queries
 * match every term (AND) and rank by field weight × term rarity.
 */
import { fold, queryTerms, termsOf } from './terms';

/** What is indexed of one article. */
export interface SearchDoc {
  id: string;
  title: string;
  /** Highlight quotes and notes, joined. */
  annotations: string;
  body: string;
}

/** How much a term counts in each field. */
export const FIELD_WEIGHTS = { title: 8, annotations: 4, body: 1 } as const;

/** A hit: article id and score (higher first). */
export interface SearchHit {
  id: string;
  score: number;
}

/** The index. */
export class SearchIndex {
  /** term → (article id → weighted count). */
  private readonly postings = new Map<string, Map<string, number>>();
  /** article id → its terms, to remove it again. */
  private readonly docs = new Map<string, string[]>();

  /** Number of indexed articles. */
  get size(): number {
    return this.docs.size;
  }

  /** Indexes (or re-indexes) one article. */
  add(doc: SearchDoc): void {
    this.remove(doc.id);
    const weights = new Map<string, number>();
    for (const field of ['title', 'annotations', 'body'] as const) {
      for (const term of termsOf(doc[field])) weights.set(term, (weights.get(term) ?? 0) + FIELD_WEIGHTS[field]);
    }
    for (const [term, weight] of weights) {
      let list = this.postings.get(term);
      if (!list) {
        list = new Map();
        this.postings.set(term, list);
      }
      list.set(doc.id, weight);
    }
    this.docs.set(doc.id, [...weights.keys()]);
  }

  /** Removes one article. */
  remove(id: string): void {
    const terms = this.docs.get(id);
    if (!terms) return;
    for (const term of terms) {
      const list = this.postings.get(term);
      list?.delete(id);
      if (list?.size === 0) this.postings.delete(term);
    }
    this.docs.delete(id);
  }

  /** Articles matching every term of `query`, best first. */
  search(query: string, limit = 50): SearchHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const lists = terms.map((term) => this.postingsFor(term));
    if (lists.some((l) => l.size === 0)) return [];
    lists.sort((a, b) => a.size - b.size);
    const [rarest, ...rest] = lists;
    const hits: SearchHit[] = [];
    for (const [id, weight] of rarest ?? []) {
      let score = weight * this.idf(rarest?.size ?? 1);
      let all = true;
      for (const list of rest) {
        const w = list.get(id);
        if (w === undefined) {
          all = false;
          break;
        }
        score += w * this.idf(list.size);
      }
      if (all) hits.push({ id, score });
    }
    return hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, limit);
  }

  /** Postings of a term; a lone CJK character matches every bigram that holds it. */
  private postingsFor(term: string): Map<string, number> {
    const exact = this.postings.get(term);
    if (exact || [...term].length !== 1 || /[a-z0-9]/.test(term)) return exact ?? new Map();
    const merged = new Map<string, number>();
    for (const [key, list] of this.postings) {
      if (!key.includes(term) || key.includes(' ')) continue;
      for (const [id, w] of list) merged.set(id, Math.max(merged.get(id) ?? 0, w));
    }
    return merged;
  }

  private idf(docsWithTerm: number): number {
    return Math.log(1 + this.docs.size / docsWithTerm);
  }
}

/**
 * Where `query` occurs in `text` (compared folded), as a snippet of about `width` characters of
 * the original text. Folding is done character by character with a map back, since NFKC may
 * change the length (…… becomes ......).
 */
export function snippet(text: string, query: string, width = 80): string | null {
  const needle = fold(query).trim();
  if (!needle) return null;
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const piece = fold(ch);
    for (let k = 0; k < piece.length; k++) origin.push(i);
    folded += piece;
    i += ch.length;
  }
  const at = folded.indexOf(needle);
  if (at < 0) return null;
  const hit = origin[at] ?? 0;
  const start = Math.max(0, hit - Math.floor((width - query.length) / 2));
  const piece = text.slice(start, start + width).replace(/\s+/g, ' ');
  return `${start > 0 ? '…' : ''}${piece}${start + width < text.length ? '…' : ''}`;
}
