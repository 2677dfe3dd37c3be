/**
 * Where the annotation UI reads and writes highlights. The reader page (an extension page)
 * talks to the library directly; a live page's content script cannot reach the extension's
 * IndexedDB, so its store goes through the background. The UI sees one interface either way.
 */
import type { Highlight } from '../../model';

/** Highlights of one article, as the annotation UI needs them. */
export interface AnnotationStore {
  /** The article's live highlights and paragraph notes. */
  list(): Promise<Highlight[]>;
  /**
   * Stores a new or changed highlight. On a live page whose article is not saved yet, this
   * saves the article first; the stored record (with its article id) is returned.
   */
  put(highlight: Highlight): Promise<Highlight>;
  /** Calls `listener` when another view changed this article's highlights. */
  subscribe(listener: () => void): () => void;
}
