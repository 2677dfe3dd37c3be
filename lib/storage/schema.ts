/**
 * The shape of Glossa's IndexedDB database at the latest version, as a type idb can check
 * every store and index name against. Older versions exist only inside `migrations.ts`.
 */
import type { DBSchema } from 'idb';
import type {
  ArticleBody,
  ArticleImages,
  ArticleMeta,
  ArticleTombstone,
  Highlight,
  StoredImage,
  Subscription,
  SubscriptionTombstone,
} from '../model';
import type { PageAddress, SearchDocRecord, TrashEntry } from './types';

/** Database name used by the extension; tests pass their own to stay isolated. */
export const DEFAULT_DB_NAME = 'glossa';

/** One entry of the `meta` store: small bookkeeping values (import state, sync checkpoints). */
export interface MetaRecord {
  key: string;
  /** Any structured-cloneable value; readers validate it, since it may predate their code. */
  value: unknown;
}

/**
 * Stores and indexes at the latest version. `articles` holds only {@link ArticleMeta} so that
 * listing never deserializes bodies; `bodies` is read only when an article is opened.
 */
export interface GlossaSchema extends DBSchema {
  articles: {
    key: string;
    value: ArticleMeta;
    indexes: {
      /** Library order (newest first) and paging. */
      bySavedAt: number;
      /** "Is this page already saved?" Articles without a URL are simply absent from it. */
      byUrl: string;
      /** Sync: what changed since a checkpoint. */
      byUpdatedAt: number;
    };
  };
  bodies: { key: string; value: ArticleBody };
  highlights: {
    key: string;
    value: Highlight;
    indexes: {
      /** All highlights of one article (the reader, counts in the list). */
      byArticle: string;
      /** Sync: what changed since a checkpoint, tombstones included. */
      byUpdatedAt: number;
    };
  };
  meta: { key: string; value: MetaRecord };
  /** Deleted articles: the delete's stamp, so neither sync nor a seed update revives them. */
  tombstones: { key: string; value: ArticleTombstone };
  /** Local changes not yet pushed to the sync server, one entry per record. */
  outbox: { key: string; value: OutboxEntry };
  /** The search index's per-article entries (lib/background/search owns their format). */
  searchDocs: { key: string; value: SearchDocRecord };
  /** Deleted articles and overwritten highlights, restorable for a while (`TRASH_DAYS`). */
  trash: { key: string; value: TrashEntry; indexes: { byDeletedAt: number } };
  /** Page addresses articles were saved from, when not their own URL. */
  addresses: { key: string; value: PageAddress; indexes: { byArticle: string } };
  /** Image bytes, once per picture: keyed by the SHA-256 of the bytes (lib/storage/images.ts). */
  images: { key: string; value: StoredImage };
  /** Per article: each image `src` → its stored hash or why it is not saved; the thumbnail. */
  imageMaps: {
    key: string;
    value: ArticleImages;
    indexes: {
      /** Which maps hold a hash (multiEntry): an image no map holds is removed. */
      byHash: string;
      /** Maps with a retry planned, earliest first. Maps with none are absent from it. */
      byNextTry: number;
    };
  };
  /** Feed subscriptions with their fetch state (lib/storage/subscriptions.ts). */
  subscriptions: { key: string; value: Subscription };
  /** Which feed brought in an article: one link per article, found by feed through `byFeed`. */
  feedArticles: { key: string; value: FeedArticleLink; indexes: { byFeed: string } };
  /** Unsubscribed feeds: the unsubscribe's stamp, so sync does not bring them back. */
  subscriptionTombstones: { key: string; value: SubscriptionTombstone };
}

/** An article that a feed brought in. */
export interface FeedArticleLink {
  articleId: string;
  /** The subscription's id. */
  feedId: string;
  /**
   * When the reader first opened it (ms); absent while unread. Only feed articles have a read
   * state (the popup's "unread" filter is about what feeds brought in). It is this device's own:
   * it stays out of the article record, so sync documents and backups are unchanged.
   */
  readAt?: number;
  /**
   * When the reader's "Fetch full text" (or the feed's own setting) stored the page's full text
   * as the body (ms). A later refresh that brings only the entry's summary leaves that body be.
   */
  fullTextAt?: number;
}

/**
 * A record changed locally since the last push. `key` is `a:<articleId>`, `h:<highlightId>` or
 * `s:<subscriptionId>`;
 * `stamp` is the change's stamp, so a push acknowledges exactly what it sent and a newer change
 * made during the push stays queued.
 */
export interface OutboxEntry {
  key: string;
  stamp: string;
}
