/**
 * Persistent shapes of Glossa's library. Every context (background, popup, reader, content
 * script via messages) speaks these types, so they live apart from the code that stores them.
 *
 * Records carry `schema` (the record-shape version) so a future migration can tell old
 * records from new ones even when they arrive from a sync peer or a backup file.
 */

/** What saving an article did, so an importer can report "3 new, 1 updated" (`deleted-before`: a
 * seed the user deleted, left deleted). */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'deleted-before';

/** Where an article came from: bundled seed, a live web page, a file the user imported, or a subscribed feed. */
export type ArticleOrigin = 'seed' | 'web' | 'file' | 'feed';

/** Current version of the {@link ArticleMeta} / {@link ArticleBody} record shape (2: `stamps`). */
export const ARTICLE_SCHEMA = 2;
/** Current version of the {@link Highlight} record shape (2: `stamps`). */
export const HIGHLIGHT_SCHEMA = 2;

/**
 * Hybrid-logical-clock stamps (lib/model/hlc.ts) of the last write to each field an article's
 * user or source may change. Sync merges field by field with them: a tag added on one device
 * and a re-save on another both survive. `source` covers every source field and the body.
 */
export interface ArticleStamps {
  source: string;
  tags: string;
  archived: string;
  /** The last delete or (re)creation: a later re-save brings a deleted article back. */
  deleted: string;
}

/** Stamps of the last write to each mutable highlight field (see {@link ArticleStamps}). */
export interface HighlightStamps {
  color: string;
  note: string;
  selectors: string;
  deleted: string;
}

/**
 * What the library needs to list, sort and filter an article. Kept apart from the body so a
 * list of 10,000 titles never deserializes 10,000 bodies.
 */
export interface ArticleMeta {
  schema: number;
  /** Stable id: hash of the canonical URL, else of the article's identity (title/date/source). */
  id: string;
  /** Canonical URL when known (web pages, seeds that carry one); `null` for URL-less posts. */
  url: string | null;
  title: string;
  /** Author or byline as the source gave it. */
  author: string | null;
  /** Site or source name (for seed posts: the second category, e.g. "Aljazeera 半岛网"). */
  source: string | null;
  /** Ordered categories exactly as in the front matter (seed format: section / source / channel). */
  categories: string[];
  /** User tags. */
  tags: string[];
  /** Publication date, ISO 8601 with the zone it had, or UTC (`Z`) when it had none. */
  published: string | null;
  /** When first saved, epoch milliseconds. */
  savedAt: number;
  /** Last change to the record, epoch milliseconds. */
  updatedAt: number;
  /** Hero / lead image URL. */
  heroImage: string | null;
  /** BCP 47 language tag, e.g. `zh-CN`, `en`. */
  lang: string | null;
  /** Text direction. */
  dir: 'ltr' | 'rtl';
  /** Characters of visible text (code points, whitespace excluded). */
  charCount: number;
  /** Estimated minutes to read: CJK characters and non-CJK words counted separately. */
  readingMinutes: number;
  origin: ArticleOrigin;
  /** SHA-256 (hex) of the sanitized HTML: tells an update that changed text from one that did not. */
  contentHash: string;
  /** First ~200 characters of text, for list previews. */
  excerpt: string;
  /** Read / archive state (library organisation). */
  archived: boolean;
  /**
   * Per-field write stamps. Storage sets them on every write, so every stored record has them;
   * a record a caller builds leaves them out.
   */
  stamps?: ArticleStamps;
}

/** The heavy part of an article, stored separately and loaded only to read it. */
export interface ArticleBody {
  schema: number;
  id: string;
  /** Sanitized HTML of the body (sanitize again when rendering: defence in depth). */
  html: string;
  /** Plain visible text of the body, paragraphs separated by blank lines. */
  text: string;
}

/** A whole article: what importers and extractors produce and the reader renders. */
export type Article = ArticleMeta & Pick<ArticleBody, 'html' | 'text'>;

/** Highlight colours offered by the toolbar. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * W3C Web Annotation TextPositionSelector. Offsets count UTF-16 code units of the article's
 * plain text (the unit of JavaScript strings and DOM Ranges), not code points.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * Glossa's paragraph key: which block of the article the annotation belongs to, by index among
 * block elements and a short hash of its text, so a paragraph note survives small edits.
 */
export interface ParagraphSelector {
  type: 'ParagraphSelector';
  index: number;
  textHash: string;
}

/** One of the selectors a highlight may carry; told apart by `type`. */
export type Selector = TextQuoteSelector | TextPositionSelector | ParagraphSelector;

/**
 * What an annotation is about: a passage (`highlight`), a paragraph (`paragraph-note`, only a
 * ParagraphSelector) or the whole article (`page-note`, no selector at all: it names the
 * article, never a place in it, so it is never anchored and never an orphan).
 */
export type HighlightKind = 'highlight' | 'paragraph-note' | 'page-note';

/** One highlight or note, its own record (never an entry in a blob); see {@link HighlightKind}. */
export interface Highlight {
  schema: number;
  /** UUID v4. */
  id: string;
  articleId: string;
  kind: HighlightKind;
  selectors: Selector[];
  color: HighlightColor;
  /** Light Markdown; empty string when there is no note. */
  note: string;
  createdAt: number;
  updatedAt: number;
  /** Tombstone: deletions are kept so sync can propagate them. */
  deleted: boolean;
  /** Per-field write stamps: set by storage on every write (see {@link ArticleMeta.stamps}). */
  stamps?: HighlightStamps;
}

/**
 * What is left of a deleted article: its id and the stamp of the delete, so a sync peer's
 * older copy does not bring it back and a bundled seed the user deleted stays deleted.
 */
export interface ArticleTombstone {
  id: string;
  stamp: string;
  deletedAt: number;
}
