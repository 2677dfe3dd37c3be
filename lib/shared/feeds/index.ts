/**
 * Feeds, for every context (DOM-free except discovery, which is handed a Document): bytes → text
 * (`decode`), text → Feed with named refusals (`parse-feed`, after the linear `xml-scan`),
 * entries → library articles through the shared import path (`feed-import`, identity in
 * `entry-identity`), OPML in and out (`opml`), feeds a page declares and responses that are feeds
 * (`discover`), subscription records (`subscription`) and error words (`feed-errors`). Fetching
 * and the refresh schedule are the background's: lib/background/feeds.
 */
export { charsetOf, decodeFeedBytes, MAX_FEED_BYTES } from './decode';
export { type DiscoveredFeed, discoverFeeds, sniffFeed } from './discover';
export { dedupeEntries, entryArticleId, entryKey } from './entry-identity';
export { FEED_ERROR_MESSAGES, feedErrorText } from './feed-errors';
export {
  type FeedEntryResult,
  type FeedImportDeps,
  type FeedImportReport,
  type FeedSource,
  importFeedEntries,
} from './feed-import';
export { MAX_OPML_FEEDS, type OpmlEntry, type OpmlFeed, opmlDocument, parseOpml } from './opml';
export { parseFeedText } from './parse-feed';
export { newSubscription, SUBSCRIPTION_ID_PREFIX, subscriptionIdFor } from './subscription';
export { MAX_ATTRIBUTES, MAX_DEPTH, MAX_ELEMENTS, MAX_FEED_ITEMS, scanXml } from './xml-scan';
