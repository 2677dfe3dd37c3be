/**
 * What a search answers, as every context sees it: the background computes hits, the popup and
 * the side panel show them, and the message protocol carries them between the two.
 */

/** The field a search hit was found in: hits come title first, then annotations, then body. */
export type SearchField = 'title' | 'annotations' | 'body';

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
