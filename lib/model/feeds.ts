/**
 * Feeds (RSS 2.0, RSS 1.0/RDF, Atom 1.0, JSON Feed 1.1) as Glossa understands them, whatever
 * format and parser they came through: a feed is its title and links plus entries whose links
 * are absolute and dates ISO 8601. A subscription is what the library remembers about a feed
 * between refreshes. Types only (and their defaults), so every context can speak them.
 */

/** The formats we read; kept on the parsed feed for status lines and tests. */
export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

/** One entry of a feed, normalized. */
export interface FeedEntry {
  /** The entry's own id (RSS `guid`, Atom `id`, JSON Feed `id`), trimmed; `null` when absent. */
  guid: string | null;
  /** Absolute http(s) link to the entry's page (resolved against `xml:base` and the feed URL). */
  link: string | null;
  /** Plain-text title ('' when the entry has none). */
  title: string;
  author: string | null;
  /** ISO 8601, with the zone the source wrote (`Z` when it wrote none). */
  published: string | null;
  updated: string | null;
  categories: string[];
  /** HTML of the full content when the feed carries it, else of the summary; not yet sanitized. */
  html: string;
  /** Whether `html` is the full content (false: a summary or nothing; "Fetch full text" applies). */
  hasFullContent: boolean;
  /** The URL relative links inside `html` resolve against. */
  baseUrl: string | null;
}

/** A parsed feed, normalized. */
export interface Feed {
  format: FeedFormat;
  title: string;
  /** The site the feed belongs to (absolute), when it says. */
  siteUrl: string | null;
  /** BCP 47 language the feed declares, if any. */
  lang: string | null;
  entries: FeedEntry[];
}

/**
 * Why a feed could not be fetched or read. Stable strings: the UI shows them through
 * `feedError*` messages, tests match them.
 */
export type FeedErrorCode =
  /** The text is neither RSS, RDF, Atom nor JSON Feed. */
  | 'not-a-feed'
  /** The XML (or JSON) is not well formed. */
  | 'broken-xml'
  /** A DOCTYPE with an internal subset or an ENTITY declaration: external entities, entity bombs. */
  | 'entity-declaration'
  /** More than the size limit (5 MB). */
  | 'too-large'
  /** More than the entry limit (1,000). */
  | 'too-many-items'
  /** A character encoding we cannot decode. */
  | 'unknown-encoding'
  /** The server answered with an error status. */
  | 'http-status'
  /** The server sent no answer in time. */
  | 'timeout'
  /** No answer at all (DNS, refused connection, too many redirects, TLS). */
  | 'network'
  /** A feed on the internet redirected to this computer or the reader's network: not followed. */
  | 'local-redirect'
  /** HTTP 410: the feed is gone for good. */
  | 'gone';

/** A refused feed: the code, and a detail for logs and the status line. */
export interface FeedError {
  code: FeedErrorCode;
  detail: string;
}

/** What the scheduler remembers about a feed's last fetches (see `nextFetchState`). */
export interface FeedFetchState {
  /** Epoch ms of the last attempt, `null` before the first. */
  lastChecked: number | null;
  /** Epoch ms of the last attempt that succeeded (200 or 304). */
  lastSuccess: number | null;
  /** Validators for a conditional GET, as the server last sent them. */
  etag: string | null;
  lastModified: string | null;
  /** Failed attempts in a row (0 after a success). */
  failures: number;
  /** Epoch ms when the feed is due again; `null` when it never is (gone). */
  nextCheck: number | null;
  lastError: FeedError | null;
  /** Entries that became articles at the last successful fetch. */
  newItems: number;
  /**
   * Of those, the ones whose page could not be fetched for full text (feeds with `fullText` on):
   * they keep their summary, and the status line says so. Absent in records from before it was kept.
   */
  fullTextFailed?: number;
  /** The server said 410 Gone: no more fetches until the reader re-subscribes. */
  gone: boolean;
}

/** A subscription: what the library stores per feed. */
export interface Subscription {
  /** Stable id, derived from the feed URL (see `subscriptionIdFor`). */
  id: string;
  /** The feed's address (http or https). */
  url: string;
  title: string;
  siteUrl: string | null;
  /** Minutes between refreshes. */
  intervalMinutes: number;
  /** Fetch and extract each entry's page when the feed carries only summaries. */
  fullText: boolean;
  fetch: FeedFetchState;
  /**
   * Sync stamps of the reader's choices (lib/model/merge.ts): the interval, full text, and
   * `deleted` for the subscribe that created (or revived) it. Absent on records from before
   * subscriptions synced; they read as the oldest stamp, which every real write beats.
   */
  stamps?: SubscriptionStamps;
}

/** Stamps of a subscription's replicated fields. */
export interface SubscriptionStamps {
  intervalMinutes: string;
  fullText: string;
  deleted: string;
}

/** An unsubscribed feed: the stamp of the unsubscribe, so sync does not bring it back. */
export interface SubscriptionTombstone {
  id: string;
  url: string;
  stamp: string;
  deletedAt: number;
}

/** Refresh interval of a new subscription. */
export const DEFAULT_FEED_INTERVAL_MINUTES = 60;

/** The fetch state of a feed never fetched yet: due now. */
export function initialFetchState(now: number): FeedFetchState {
  return {
    lastChecked: null,
    lastSuccess: null,
    etag: null,
    lastModified: null,
    failures: 0,
    nextCheck: now,
    lastError: null,
    newItems: 0,
    fullTextFailed: 0,
    gone: false,
  };
}

/** A feed a web page offers: one it declares in its head, already checked by the background. */
export interface PageFeed {
  /** Absolute http(s) address. */
  url: string;
  /** Plain text, trimmed and bounded; '' when the page gave the link no title. */
  title: string;
}

/** What a tab offers to subscribe to. */
export interface PageFeeds {
  /** The feeds its page declares, each address once, in document order (at most `LIMITS.pageFeeds`). */
  feeds: PageFeed[];
  /** The tab's own address when the tab seems to show a feed itself (the subscribe call decides). */
  self: string | null;
}
