/**
 * Glossa's persistent library: articles (meta and body), highlights and bookkeeping in
 * IndexedDB. The only code in the project that imports `idb` (Biome enforces it); everything
 * else goes through {@link openLibrary}. Runs in the background and in extension pages, never in
 * web pages (content scripts open the page's IndexedDB, not ours). The records' types are the
 * domain's, in lib/model.
 */

export type { UserArticleFields } from './article-edits';
export type { ListArticlesOptions, UpsertOptions } from './articles';
export { type LibraryChange, onImagesChange, onLibraryChange, onSubscriptionsChange } from './changes';
export type { ListHighlightsOptions } from './highlights';
export type { ImageMapWrite } from './images';
export { connectLibrary, type Library, type LibraryConnection, type OpenLibraryOptions, openLibrary } from './library';
export { LATEST_VERSION } from './migrations';
export type { ReplicaImpact } from './replica-impact';
export {
  type ApplyOutcome,
  articleReplica,
  highlightReplica,
  type Replica,
  tombstoneReplica,
} from './replicas';
export type { FeedArticleLink, OutboxEntry } from './schema';
export {
  type ArticleSize,
  type Page,
  type PageAddress,
  type RemovedBy,
  type SearchDocRecord,
  type StorageUsage,
  TRASH_DAYS,
  type TrashEntry,
  type TrashedArticle,
  type TrashedHighlight,
} from './types';
