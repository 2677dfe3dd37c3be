/**
 * The library as a list the reader organises: filters and sorts (`view.ts`), filter menus
 * (`facets.ts`), tags (`tags.ts`), search-snippet emphasis (`emphasis.ts`) and deletion with
 * undo (`undo-delete.ts`). Pure logic; the popup's components render it.
 */
export { emphasise, type SnippetPiece } from './emphasis';
export {
  type Facet,
  type FeedFacet,
  feedFacets,
  type LibraryFacets,
  libraryFacets,
  liveHighlightCounts,
} from './facets';
export { hasTag, MAX_TAG_LENGTH, normalizeTag, tagKey, withoutTag, withTag } from './tags';
export { type DeletedArticle, type DeleteLibrary, deleteWithUndo, undoDelete } from './undo-delete';
export {
  type ArchiveFilter,
  applyView,
  comparator,
  DEFAULT_VIEW,
  type HighlightFilter,
  isDefaultView,
  type LibraryView,
  matchesView,
  type ReadFilter,
  SORT_KEYS,
  type SortKey,
} from './view';
