/**
 * Search: Chinese-aware terms (`terms.ts`), a compact inverted index updated one article at a
 * time (`search-index.ts`), what of it is stored (`snapshot.ts`, `doc-terms.ts`), and the
 * background's service that keeps it in step with the library (`search-service.ts`, wired by
 * `background.ts`).
 */

export { fingerprintOf, notesOf, searchDocOf } from './article-doc';
export type { BodyBuckets } from './collector';
export { asDocData, docDataOf, SEARCH_DOC_FORMAT, type SearchDoc, type SearchDocData } from './doc-terms';
export { FIELD_WEIGHTS, type SearchField, type SearchHit, SearchIndex, type SearchResult } from './search-index';
export { SearchService } from './search-service';
export type { ReconcileReport, SearchServiceOptions, SearchStore } from './service-types';
export { type IndexSnapshot, SNAPSHOT_ID } from './snapshot';
export { snippet } from './snippet';
export { parseQuery, queryTerms, termsOf } from './terms';
