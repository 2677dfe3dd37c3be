/**
 * Search: Chinese-aware terms (`terms.ts`) and an incrementally updated inverted index
 * (`search-index.ts`).
 */

export { FIELD_WEIGHTS, type SearchDoc, type SearchHit, SearchIndex, snippet } from './search-index';
export { fold, queryTerms, termsOf } from './terms';
