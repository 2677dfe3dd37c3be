/**
 * Search in the background: the `search/query` handler and the wiring that keeps the index in
 * step with the library. Every context that writes the library announces it
 * (`onLibraryChange`); changes are gathered for a moment and applied in one batch, so an
 * import of a thousand articles re-indexes in batches, not a thousand times one by one.
 *
 * The index loads lazily, on the first query: a Chrome MV3 service worker restarts often (for
 * a badge, a message), and most restarts never search. Changes that arrive before then only
 * update the persisted entries, which the load reads.
 */

import type { SearchHitView } from '../../model';
import { type Handler, INVALID } from '../../shared/messaging';
import { onLibraryChange } from '../../storage/changes';
import { SearchService } from './search-service';
import type { SearchStore } from './service-types';

/** Longest query accepted, in UTF-16 code units. */
export const MAX_QUERY_LENGTH = 500;
/** Most hits one answer carries. */
export const MAX_LIMIT = 100;
/** Hits when the caller names no limit. */
export const DEFAULT_LIMIT = 20;
/** How long changes are gathered before they are indexed. */
export const CHANGE_DELAY_MS = 250;

/** A `search/query` request. */
export interface SearchRequest {
  query: string;
  /** 1–100; 20 when absent. */
  limit?: number;
}

/** A `search/query` answer: the best hits and how many articles matched in all. */
export interface SearchResponse {
  hits: SearchHitView[];
  total: number;
}

/** A well-formed `search/query` request, or {@link INVALID}. */
export function validateSearchRequest(payload: unknown): SearchRequest | typeof INVALID {
  if (typeof payload !== 'object' || payload === null) return INVALID;
  const { query, limit } = payload as Record<string, unknown>;
  if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH) return INVALID;
  if (limit === undefined) return { query };
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return INVALID;
  return { query, limit };
}

/**
 * Starts keeping the search index up to date with `library` (the real Library, or anything
 * with the methods search uses) and answers the `search/query` handler for the background's
 * `listen` map.
 */
export function installSearch(library: Promise<SearchStore>): Handler<SearchRequest, SearchResponse> {
  const service = library.then((lib) => new SearchService(lib));
  const articles = new Set<string>();
  const highlights = new Set<string>();
  /** Whether a flush is scheduled. */
  let scheduled = false;

  const flush = async () => {
    scheduled = false;
    const changedArticles = [...articles];
    const changedHighlights = [...highlights];
    articles.clear();
    highlights.clear();
    const search = await service;
    const annotated = await search.articlesOfHighlights(changedHighlights);
    await search.update([...changedArticles, ...annotated]);
  };

  onLibraryChange((change) => {
    for (const id of change.ids) (change.store === 'articles' ? articles : highlights).add(id);
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      flush().catch((e: unknown) => console.warn('Glossa: search index update failed', e));
    }, CHANGE_DELAY_MS);
  });

  return {
    validate: validateSearchRequest,
    handle: async ({ query, limit }) => (await service).query(query, limit ?? DEFAULT_LIMIT),
  };
}
