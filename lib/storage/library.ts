/**
 * The library as the rest of Glossa sees it: one object with typed methods over an open,
 * migrated database. Callers never see a connection, a transaction or a store name.
 */
import type { IDBPDatabase } from 'idb';
import type {
  Article,
  ArticleImages,
  ArticleMeta,
  ArticleTombstone,
  Highlight,
  StoredImage,
  Subscription,
  UpsertOutcome,
} from '../model';
import * as addresses from './addresses';
import * as edits from './article-edits';
import * as articles from './articles';
import * as bulk from './bulk';
import { afterImagesOf, announceChange, announceImages, announceSubscriptions } from './changes';
import { openGlossaDb } from './db';
import * as highlights from './highlights';
import * as images from './images';
import * as meta from './meta';
import * as outbox from './outbox';
import * as impact from './replica-impact';
import * as replicas from './replicas';
import type { FeedArticleLink, GlossaSchema, OutboxEntry } from './schema';
import * as feeds from './subscriptions';
import * as trash from './trash';
import type { Page, SearchDocRecord, StorageUsage, TrashEntry } from './types';
import { storageUsage } from './usage';
import { batchedUpsert } from './write-batcher';

/** Options for {@link openLibrary}. */
export interface OpenLibraryOptions {
  /** Database name; tests pass a unique one. Defaults to `glossa`. */
  name?: string;
}

/** Typed access to articles, highlights and bookkeeping. See each module for the semantics. */
export interface Library {
  /** Saves an article; the user's savedAt, tags and archived state survive re-imports. */
  upsertArticle(article: Article, options?: articles.UpsertOptions): Promise<UpsertOutcome>;
  /** Meta and body, for the reader. */
  getArticle(id: string): Promise<Article | undefined>;
  /** Meta only, without reading the body. */
  getArticleMeta(id: string): Promise<ArticleMeta | undefined>;
  /** The article saved from this URL, if any. */
  findArticleByUrl(url: string): Promise<ArticleMeta | undefined>;
  /** The article a page at `address` shows: its URL is `address`, or it was saved from there. */
  articleAt(address: string): Promise<ArticleMeta | undefined>;
  /** Records that the page at `address` was saved as article `articleId`. */
  rememberAddress(address: string, articleId: string): Promise<void>;
  /** One page of metas, newest savedAt first; pass `next` back for the following page. */
  listArticles(options: articles.ListArticlesOptions): Promise<Page<ArticleMeta>>;
  /** Number of articles. */
  countArticles(): Promise<number>;
  /** Moves meta and body to the Trash, tombstones the highlights; true if the article existed. */
  deleteArticle(id: string, now?: number): Promise<boolean>;
  /** The Trash, most recently deleted first. */
  listTrash(): Promise<TrashEntry[]>;
  /** Brings a Trash entry back (an article with its highlights, or a highlight as it was). */
  restoreFromTrash(key: string, now?: number): Promise<boolean>;
  /** Deletes a Trash entry for good. */
  removeFromTrash(key: string): Promise<void>;
  /** Deletes Trash entries past their time; answers how many. */
  purgeTrash(now?: number): Promise<number>;
  /** Sets the user's tags / archived state; the updated meta, or undefined if absent. */
  updateArticleFields(
    id: string,
    patch: Partial<edits.UserArticleFields>,
    now?: number,
  ): Promise<ArticleMeta | undefined>;
  /** Stores a highlight as given (its article may arrive later). */
  putHighlight(highlight: Highlight): Promise<void>;
  /** One highlight, tombstones included. */
  getHighlight(id: string): Promise<Highlight | undefined>;
  /** An article's highlights, oldest first, live only unless asked. */
  listHighlights(articleId: string, options?: highlights.ListHighlightsOptions): Promise<Highlight[]>;
  /** Tombstones a highlight; false if there is none. */
  deleteHighlight(id: string, now?: number): Promise<boolean>;
  /** Live highlights on one article. */
  countHighlights(articleId: string): Promise<number>;
  /** Live highlight counts for several articles at once; every id is present. */
  highlightCounts(articleIds: readonly string[]): Promise<Map<string, number>>;
  /** A bookkeeping value; `T` is an unchecked expectation, `unknown` by default. */
  getMeta<T = unknown>(key: string): Promise<T | undefined>;
  /** Stores a bookkeeping value. */
  setMeta(key: string, value: unknown): Promise<void>;
  /** Every article's meta (no bodies), in id order. */
  allArticleMetas(): Promise<ArticleMeta[]>;
  /** Every highlight, in id order; tombstones only when asked. */
  allHighlights(options?: highlights.ListHighlightsOptions): Promise<Highlight[]>;
  /** Every deleted article's tombstone. */
  allTombstones(): Promise<ArticleTombstone[]>;
  /** Stores search-index entries (lib/background/search's format). */
  putSearchDocs(records: readonly SearchDocRecord[]): Promise<void>;
  /** Removes search-index entries. */
  deleteSearchDocs(ids: readonly string[]): Promise<void>;
  /** Every search-index entry. */
  getAllSearchDocs(): Promise<SearchDocRecord[]>;
  /** Merges records from a sync peer or a backup into the library (never losing a newer local edit). */
  applyReplicas(incoming: readonly replicas.Replica[]): Promise<replicas.ApplyOutcome>;
  /** How many live articles `incoming` would delete or replace, without applying it. */
  previewReplicas(incoming: readonly replicas.Replica[]): Promise<impact.ReplicaImpact>;
  /** Re-asserts every live article and highlight with stamps later than `after` (keep the local copy). */
  claimLocalCopies(after: string): Promise<{ articles: string[]; highlights: string[] }>;
  /** The local replicas of outbox keys, for a push. */
  readReplicas(keys: readonly string[]): Promise<Map<string, replicas.Replica>>;
  /** Up to `limit` records waiting to be pushed. */
  pendingOutbox(limit: number): Promise<OutboxEntry[]>;
  /** How many records wait to be pushed. */
  countOutbox(): Promise<number>;
  /** Marks pushed entries done (unless changed again since). */
  ackOutbox(delivered: readonly OutboxEntry[]): Promise<void>;
  /** Queues every record for push (first sync with a server); answers how many. */
  enqueueAll(): Promise<number>;
  /** Stores an article's image map and its pictures, all or nothing (lib/storage/images.ts). */
  saveImageMap(write: images.ImageMapWrite, now?: number): Promise<ArticleImages>;
  /** Adds pictures a sync server holds for an article, never over one stored here. */
  mergeSavedImages(write: Parameters<typeof images.mergeSavedImages>[1], now?: number): Promise<ArticleImages>;
  /** Removes an article's saved images (pictures other articles show stay). */
  removeImageMap(articleId: string): Promise<boolean>;
  /** Frees archived articles' pictures (their thumbnails stay); answers articles and pictures affected. */
  removeArchivedImages(): Promise<{ articles: number; images: number }>;
  /** Drops the images of articles gone for good and pictures no article holds. */
  sweepImages(): Promise<{ maps: number; images: number }>;
  /** What became of an article's images, if they were looked at. */
  getImageMap(articleId: string): Promise<ArticleImages | undefined>;
  /** Stored pictures by hash. */
  getImages(hashes: readonly string[]): Promise<Map<string, StoredImage>>;
  /** The thumbnails of those articles that have one. */
  getThumbnails(articleIds: readonly string[]): Promise<Map<string, Blob>>;
  /** Articles with an image retry due at `now`. */
  dueImageRetries(now: number, limit: number): Promise<string[]>;
  /** Articles whose images were never looked at. */
  articlesWithoutImageMap(limit: number): Promise<string[]>;
  /** Stored pictures and their bytes. */
  imageUsage(): Promise<{ images: number; bytes: number }>;
  /** What the library takes by kind, and its `top` largest articles (lib/storage/usage.ts). */
  storageUsage(top?: number): Promise<StorageUsage>;
  /** Stores (or replaces) a feed subscription; `asRefresh`: over the stored settings (subscriptions.ts). */
  putSubscription(subscription: Subscription, options?: { asRefresh?: boolean }): Promise<void>;
  /** One subscription. */
  getSubscription(id: string): Promise<Subscription | undefined>;
  /** Every subscription, by title. */
  listSubscriptions(): Promise<Subscription[]>;
  /** Removes a subscription and its article links (not the articles); true if it existed. */
  deleteSubscription(id: string): Promise<boolean>;
  /** Remembers that feed `feedId` brought in these articles. */
  linkFeedArticles(feedId: string, articleIds: readonly string[]): Promise<void>;
  /** The articles feed `feedId` brought in. */
  feedArticleIds(feedId: string): Promise<string[]>;
  /** The feed an article came from. */
  feedOfArticle(articleId: string): Promise<string | undefined>;
  /** Every article ↔ feed link with its read state. */
  allFeedLinks(): Promise<FeedArticleLink[]>;
  /** Marks feed articles read (those unread); the ids marked. */
  markFeedArticlesRead(articleIds: readonly string[], at?: number): Promise<string[]>;
  /** The feed link of an article; and marking that it now holds its page's full text. */
  feedLinkOf(articleId: string): Promise<FeedArticleLink | undefined>;
  markFullText(articleId: string, at?: number): Promise<boolean>;
  /** Closes the connection; the library is unusable afterwards. */
  close(): void;
}

/** Announces a change to `id` once `write` has committed, and passes its result through. */
async function announced<T>(store: 'articles' | 'highlights', id: string, write: Promise<T>): Promise<T> {
  const result = await write;
  announceChange({ store, ids: [id] });
  return result;
}

/** Binds the repository functions to one connection. */
function createLibrary(db: IDBPDatabase<GlossaSchema>): Library {
  const upsert = batchedUpsert((batch) => articles.upsertArticles(db, batch));
  const upsertKeepingDeleted = batchedUpsert((batch) => articles.upsertArticles(db, batch, { keepDeleted: true }));
  return {
    upsertArticle: async (article, options) => {
      const outcome = await (options?.keepDeleted ? upsertKeepingDeleted : upsert)(article);
      if (outcome === 'created' || outcome === 'updated') announceChange({ store: 'articles', ids: [article.id] });
      return outcome;
    },
    getArticle: (id) => articles.getArticle(db, id),
    getArticleMeta: (id) => articles.getArticleMeta(db, id),
    findArticleByUrl: (url) => articles.findArticleByUrl(db, url),
    articleAt: (address) => addresses.articleAt(db, address),
    rememberAddress: (address, articleId) => addresses.rememberAddress(db, address, articleId),
    listArticles: (options) => articles.listArticles(db, options),
    countArticles: () => articles.countArticles(db),
    deleteArticle: (id, now) => announced('articles', id, edits.deleteArticle(db, id, now)),
    listTrash: () => trash.listTrash(db),
    restoreFromTrash: async (key, now) => {
      const restored = await trash.restoreFromTrash(db, key, now);
      // The entry's article and every highlight it held may have changed: views reload.
      if (restored) announceChange({ store: key.startsWith('a:') ? 'articles' : 'highlights', ids: [key.slice(2)] });
      if (restored && key.startsWith('a:')) announceChange({ store: 'highlights', ids: [key.slice(2)] });
      return restored;
    },
    removeFromTrash: (key) => trash.removeFromTrash(db, key),
    purgeTrash: (now) => trash.purgeTrash(db, now),
    updateArticleFields: (id, patch, now) => announced('articles', id, edits.updateArticleFields(db, id, patch, now)),
    putHighlight: (highlight) => announced('highlights', highlight.id, highlights.putHighlight(db, highlight)),
    getHighlight: (id) => highlights.getHighlight(db, id),
    listHighlights: (articleId, options) => highlights.listHighlights(db, articleId, options),
    deleteHighlight: (id, now) => announced('highlights', id, highlights.deleteHighlight(db, id, now)),
    countHighlights: (articleId) => highlights.countHighlights(db, articleId),
    highlightCounts: (articleIds) => highlights.highlightCounts(db, articleIds),
    getMeta: <T = unknown>(key: string) => meta.getMeta<T>(db, key),
    setMeta: (key, value) => meta.setMeta(db, key, value),
    allArticleMetas: () => db.getAll('articles'),
    allHighlights: async (options) => {
      const all = await db.getAll('highlights');
      return options?.includeDeleted ? all : all.filter((h) => !h.deleted);
    },
    allTombstones: () => db.getAll('tombstones'),
    putSearchDocs: (records) => bulk.putAll(db, 'searchDocs', records),
    deleteSearchDocs: (ids) => bulk.deleteAll(db, 'searchDocs', ids),
    getAllSearchDocs: () => db.getAll('searchDocs'),
    applyReplicas: async (incoming) => {
      const outcome = await replicas.applyReplicas(db, incoming);
      const ids = (prefix: string) => outcome.changed.filter((k) => k.startsWith(prefix)).map((k) => k.slice(2));
      announceChange({ store: 'articles', ids: ids('a:') });
      announceChange({ store: 'highlights', ids: ids('h:') });
      announceSubscriptions(ids('s:'));
      return outcome;
    },
    previewReplicas: (incoming) => impact.previewReplicas(db, incoming),
    claimLocalCopies: async (after) => {
      const claimed = await replicas.claimLocalCopies(db, after);
      announceChange({ store: 'articles', ids: claimed.articles });
      announceChange({ store: 'highlights', ids: claimed.highlights });
      return claimed;
    },
    readReplicas: (keys) => replicas.readReplicas(db, keys),
    pendingOutbox: (limit) => outbox.pendingOutbox(db, limit),
    countOutbox: () => outbox.countOutbox(db),
    ackOutbox: (delivered) => outbox.ackOutbox(db, delivered),
    enqueueAll: () => outbox.enqueueAll(db),
    saveImageMap: (write, now) => afterImagesOf(write.articleId, images.saveImageMap(db, write, now)),
    mergeSavedImages: (write, now) => afterImagesOf(write.articleId, images.mergeSavedImages(db, write, now)),
    removeImageMap: async (articleId) => {
      const removed = await images.removeImageMap(db, articleId);
      if (removed) announceImages([articleId]);
      return removed;
    },
    removeArchivedImages: async () => {
      const { articleIds, images: removed } = await images.removeArchivedImages(db);
      announceImages(articleIds);
      return { articles: articleIds.length, images: removed };
    },
    sweepImages: () => images.sweepImages(db),
    getImageMap: (articleId) => images.getImageMap(db, articleId),
    getImages: (hashes) => images.getImages(db, hashes),
    getThumbnails: (articleIds) => images.getThumbnails(db, articleIds),
    dueImageRetries: (now, limit) => images.dueImageRetries(db, now, limit),
    articlesWithoutImageMap: (limit) => images.articlesWithoutImageMap(db, limit),
    imageUsage: () => images.imageUsage(db),
    storageUsage: (top) => storageUsage(db, top),
    putSubscription: (subscription, options) => feeds.putSubscription(db, subscription, options),
    getSubscription: (id) => feeds.getSubscription(db, id),
    listSubscriptions: () => feeds.listSubscriptions(db),
    deleteSubscription: (id) => feeds.deleteSubscription(db, id),
    linkFeedArticles: (feedId, articleIds) => feeds.linkFeedArticles(db, feedId, articleIds),
    feedArticleIds: (feedId) => feeds.feedArticleIds(db, feedId),
    feedOfArticle: (articleId) => feeds.feedOfArticle(db, articleId),
    allFeedLinks: () => feeds.allFeedLinks(db),
    markFeedArticlesRead: (ids, at = Date.now()) => feeds.markFeedArticlesRead(db, ids, at),
    feedLinkOf: (articleId) => feeds.feedLinkOf(db, articleId),
    markFullText: (articleId, at = Date.now()) => feeds.markFullText(db, articleId, at),
    close: () => db.close(),
  };
}

/** A page's way to its library: opened on first use, then the same connection for every caller. */
export type LibraryConnection = () => Promise<Library>;

/**
 * The connection an extension page hands its components (the entrypoint makes it, the
 * components never open the database themselves). Lazy, so a page that never reads the library
 * never opens it; shared, so a page holds one connection however many parts use it.
 */
export function connectLibrary(options: OpenLibraryOptions = {}): LibraryConnection {
  let opened: Promise<Library> | null = null;
  return () => {
    opened ??= openLibrary(options);
    return opened;
  };
}

/**
 * Opens the library at the latest schema version, migrating an older database first. Rejects
 * (leaving the old data untouched) if a migration fails.
 */
export async function openLibrary(options: OpenLibraryOptions = {}): Promise<Library> {
  return createLibrary(await openGlossaDb(options));
}
