/**
 * The search service's outward types: the library methods it needs and what a start-up did.
 * The hits it answers are domain types (`lib/model/search.ts`): they cross the message protocol.
 */
import type { Library } from '../../storage/library';

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
