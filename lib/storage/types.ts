/**
 * Shapes only the library's storage deals in: opaque search-index entries and paged answers.
 * The domain's own types (articles, highlights, selectors) live in lib/model.
 */

/** One search-index entry of an article, as lib/background/search
 * persists it; storage keeps it opaque. */
export interface SearchDocRecord {
  id: string;
  /** The search module's own format version, so it can discard entries it no longer reads. */
  format: number;
  data: unknown;
}

/** A page of results plus the cursor to ask for the next one. */
export interface Page<T> {
  items: T[];
  /** Opaque position to continue from, or `null` at the end. */
  next: string | null;
}
