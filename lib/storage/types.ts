/**
 * Shapes only the library's storage deals in: the Trash, the pages an article was saved from,
 * opaque search-index entries and paged answers. The domain's own types (articles, highlights,
 * selectors) live in lib/model.
 */
import type { ArticleBody, ArticleMeta, Highlight } from '../model';

/** How long the Trash keeps what was deleted before it is purged. */
export const TRASH_DAYS = 30;

/** Who removed something: the reader on this device, or sync (a server, another device, a backup). */
export type RemovedBy = 'local' | 'sync';

/**
 * What the Trash keeps of a deleted article: everything, so restoring brings it back exactly
 * (its highlights are tombstoned, not removed; `highlightIds` are those this delete tombstoned).
 */
export interface TrashedArticle {
  /** `a:<article id>` for the reader's own delete; sync's entries are each their own (see trash.ts). */
  key: string;
  kind: 'article';
  deletedAt: number;
  by: RemovedBy;
  meta: ArticleMeta;
  body: ArticleBody;
  highlightIds: string[];
  /** Sync replaced the article's text (it was not deleted): restoring puts this text back. */
  replaced?: true;
}

/**
 * A highlight as it was before sync deleted it or replaced its note: a newer document from a
 * server or a peer can blank a note, and the reader can bring the old one back.
 */
export interface TrashedHighlight {
  /** `h:<highlight id>@…`: one entry per change sync made, so a second never hides the first. */
  key: string;
  kind: 'highlight';
  deletedAt: number;
  by: RemovedBy;
  highlight: Highlight;
}

/** One entry of the Trash. */
export type TrashEntry = TrashedArticle | TrashedHighlight;

/**
 * A page address an article was saved from, when it differs from the article's own URL (a page
 * whose canonical URL is elsewhere on its site). Only the page at that exact address may read
 * or write the article's highlights (lib/background/page-access.ts). Kept on this device only.
 */
export interface PageAddress {
  address: string;
  articleId: string;
}

/** One search-index entry of an article, as lib/background/search persists it; storage keeps it opaque. */
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

/** One article's share of the storage: its text and record, and the pictures it holds. */
export interface ArticleSize {
  id: string;
  title: string;
  /** Meta record plus body (HTML and text), UTF-8 bytes. */
  bytes: number;
  /** Stored pictures this article holds (a picture shared with another article counts for both). */
  imageBytes: number;
}

/** What the library takes, by kind (lib/storage/usage.ts). */
export interface StorageUsage {
  articles: { count: number; bytes: number };
  /** Stored pictures, each once however many articles show it. */
  images: { count: number; bytes: number };
  searchIndex: { bytes: number };
  /** Deleted articles and replaced highlights kept for restoring (`TRASH_DAYS`). */
  trash: { count: number; bytes: number };
  /** The largest articles, largest first. */
  largest: ArticleSize[];
  /** Articles with a picture the browser refused to store for lack of space. */
  quotaRefused: number;
}
