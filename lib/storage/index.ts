/**
 * Glossa's persistent library: articles (meta and body), highlights and bookkeeping in
 * IndexedDB. The only code in the project that imports `idb`; everything else goes through
 * {@link openLibrary}.
 */

export * from '../model/types';
export type { UserArticleFields } from './article-edits';
export type { ListArticlesOptions, UpsertOptions, UpsertOutcome } from './articles';
export { type LibraryChange, onLibraryChange } from './changes';
export type { ListHighlightsOptions } from './highlights';
export { type Library, type OpenLibraryOptions, openLibrary } from './library';
export { LATEST_VERSION } from './migrations';
export { type ApplyOutcome, articleReplica, highlightReplica, type Replica, tombstoneReplica } from './replicas';
export type { OutboxEntry } from './schema';
