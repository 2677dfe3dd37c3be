/**
 * The page's side of "subscribe from the current page": the feeds its head declares and what the
 * document itself is, read at the moment the popup or side panel asks (nothing scans on load:
 * the background runs `/page-feeds.js`, entrypoints/page-feeds.ts, in the tab then). Plain data
 * goes back; the background checks it (lib/shared/validate/page-feeds.ts), since the page can
 * shape it.
 */
import { type DiscoveredFeed, discoverFeeds, sniffFeed } from '../shared/feeds/discover';

/**
 * The feeds the page declares in its head at this moment, its document's content type
 * (`document.contentType`), and whether a page shown as text begins like a feed.
 */
export interface PageFeedsFound {
  feeds: DiscoveredFeed[];
  contentType: string;
  looksLikeFeed: boolean;
}

/** What a page that cannot be read answers. */
export const NO_PAGE_FEEDS: PageFeedsFound = { feeds: [], contentType: '', looksLikeFeed: false };

/**
 * Types a browser shows a feed's raw text as: Chromium shows `application/rss+xml` and
 * `application/atom+xml` as plain text, so only the text's first bytes can tell.
 */
const TEXT_TYPES: ReadonlySet<string> = new Set(['text/plain', 'application/json']);

/** The first characters of a text document as shown (one `<pre>` of the raw response). */
function textHead(doc: Document): string {
  const first = doc.body?.firstElementChild;
  return (first?.tagName === 'PRE' ? (first.textContent ?? '') : '').slice(0, 2048);
}

/** The feeds `doc` declares (resolved against its base, http(s) only, each once) and what it is, read now. */
export function collectPageFeeds(doc: Document): PageFeedsFound {
  const contentType = doc.contentType;
  const looksLikeFeed = TEXT_TYPES.has(contentType) && sniffFeed(null, textHead(doc)) !== null;
  return { feeds: discoverFeeds(doc, doc.URL), contentType, looksLikeFeed };
}
