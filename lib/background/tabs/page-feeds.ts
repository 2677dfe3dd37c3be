/**
 * "Subscribe from the current page", the background's part. The eager content script never
 * looks for feeds on its own (it runs on every page and must stay cheap): when the popup or the
 * side panel asks about a tab, this runs a small script in that tab (`/page-feeds.js`) that reads
 * the feeds its page declares at that moment, and passes the answer through the one validator
 * (the page's world is untrusted). A tab that shows a feed itself is offered by its own address,
 * which the browser (not the page) tells us: by the document's type when the script ran there (Firefox
 * shows RSS served as `text/xml` or `application/xml` as XML; it downloads `application/rss+xml`
 * instead, so there is no tab to ask), by the text's first bytes where Chromium shows a feed as
 * plain text, else by the look of the address. Either way the subscribe call reads the feed
 * first and refuses non-feeds with a named error.
 */
import { browser } from 'wxt/browser';
import type { PageFeeds } from '../../model';
import { normalizeUrl } from '../../shared/article/ids';
import { isLocalNetworkHost } from '../../shared/local-network';
import { type Handler, INVALID, isExtensionPage } from '../../shared/messaging';
import { isRecord } from '../../shared/validate/guards';
import { checkPageFeedsReport } from '../../shared/validate/page-feeds';
import { readPageFeeds } from './inject';

/** Document types a feed is shown as (browsers show RSS and Atom as XML documents). */
const FEED_DOCUMENT_TYPES: ReadonlySet<string> = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/xml',
  'text/xml',
]);
/** Types a feed may be served as that say nothing either way: the address decides. */
const VAGUE_TYPES: ReadonlySet<string> = new Set(['application/json', 'text/plain']);
/** Paths feeds live at: `.xml`, `.rss`, `.atom`, `.rdf`, `.json`, or a last segment `feed`, `rss`, `atom`. */
const FEED_PATH = /(?:\.(?:rss|rdf|atom|xml|json)|\/(?:feeds?|rss2?|atom)\/?)$/;

/** Whether an address looks like a feed's (`/feed`, `/index.xml`, `?feed=rss2`). */
export function looksLikeFeedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return FEED_PATH.test(parsed.pathname.toLowerCase()) || parsed.searchParams.has('feed');
}

/**
 * The tab's own address when it may be a feed: shown as a feed or XML document, or as text that
 * begins like one, or, when the type says nothing (JSON, plain text, or unknown because no content
 * script answered), by the look of the address. An HTML page is never offered as a feed.
 */
export function selfFeedCandidate(tabUrl: string, contentType: string | null, looksLikeFeed = false): string | null {
  if (normalizeUrl(tabUrl) === null) return null;
  if (contentType !== null && FEED_DOCUMENT_TYPES.has(contentType)) return tabUrl;
  if (looksLikeFeed && contentType !== null && VAGUE_TYPES.has(contentType)) return tabUrl;
  if (contentType === null || VAGUE_TYPES.has(contentType)) return looksLikeFeedUrl(tabUrl) ? tabUrl : null;
  return null;
}

/** How the background reaches a tab (the browser in production, stand-ins in tests). */
export interface TabAccess {
  /** The tab's address as the browser reports it (undefined: closed, or not ours to see). */
  tabUrl: (tabId: number) => Promise<string | undefined>;
  /** The page's raw report of its feeds (null: the page could not be read). */
  askPage: (tabId: number) => Promise<unknown>;
}

const browserTabs: TabAccess = {
  tabUrl: async (tabId) => (await browser.tabs.get(tabId).catch(() => undefined))?.url,
  // Read by a script run in the tab for the purpose (nothing on the page reads its links on load).
  askPage: (tabId) => readPageFeeds(tabId),
};

const isLocal = (url: string) => isLocalNetworkHost(new URL(url).hostname);

/**
 * What tab `tabId` offers to subscribe to; nothing for a tab that is not an http(s) page. A page
 * from the internet may not offer a feed on this computer or the reader's network (a router's
 * or an intranet's pages, under any title it likes); a page from there may.
 */
export async function pageFeedsOf(tabId: number, tabs: TabAccess = browserTabs): Promise<PageFeeds> {
  const url = await tabs.tabUrl(tabId);
  if (url === undefined || normalizeUrl(url) === null) return { feeds: [], self: null };
  const report = checkPageFeedsReport(await tabs.askPage(tabId).catch(() => null));
  // The tab may have moved on while it was read: an answer from another page than `url` would be
  // judged by `url`'s network (a page from the internet offering feeds on this computer).
  if ((await tabs.tabUrl(tabId)) !== url) return { feeds: [], self: null };
  const self = selfFeedCandidate(url, report?.contentType ?? null, report?.looksLikeFeed ?? false);
  const tabIsLocal = isLocal(url);
  const feeds = (report?.feeds ?? []).filter((feed) => tabIsLocal || !isLocal(feed.url));
  return { feeds, self };
}

/** The `tab/feeds` call: extension pages only (a page must not learn what another tab declares). */
export function pageFeedsHandler(tabs: TabAccess = browserTabs): Handler<{ tabId: number }, PageFeeds> {
  return {
    accept: isExtensionPage,
    validate: (p) =>
      isRecord(p) && Number.isInteger(p.tabId) && Number(p.tabId) >= 0 ? { tabId: Number(p.tabId) } : INVALID,
    handle: ({ tabId }) => pageFeedsOf(tabId, tabs),
  };
}
