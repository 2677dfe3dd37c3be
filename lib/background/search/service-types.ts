/**
 * The search service's outward types: the library methods it needs, the hits it answers (what
 * the popup shows, and what crosses the message protocol), and what a start-up did.
 */
import type { Library } from '../../storage/library';
import type { SearchField } from './matching';

/** The library methods search uses (the real Library has them; tests pass a small fake). */
export type SearchStore = Pick<
  Library,
  | 'getArticle'
  | 'listHighlights'
  | 'getHighlight'
  | 'allArticleMetas'
  | 'allHighlights'
  | 'putSearchDocs'
  | 'deleteSearchDocs'
  | 'getAllSearchDocs'
>;

/** One hit as the popup shows it. */
export interface SearchHitView {
  articleId: string;
  title: string;
  /** Relevance within its field's tier (hits come title first, then notes, then body). */
  score: number;
  /** Where the query was found: the snippet is from this field. */
  field: SearchField;
  /** The matching passage of that field, or null when the words are too far apart to show one. */
  snippet: string | null;
}

/** What a start-up reconcile did. */
export interface ReconcileReport {
  /** Entries read from storage and indexed. */
  loaded: number;
  /** Articles (re-)indexed because they were new, changed, or their entry was unreadable. */
  indexed: number;
  /** Entries dropped because their article is gone. */
  removed: number;
}

/** Options of a SearchService. */
export interface SearchServiceOptions {
  /**
   * Changed articles tolerated in the journal before a new snapshot is written: the larger of
   * this and a tenth of the library. A start that finds more to index than this indexes in
   * bulk and writes a snapshot at the end.
   */
  journalMin?: number;
}
