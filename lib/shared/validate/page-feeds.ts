/**
 * The feeds a web page declares, as our script in its page reports them when the popup or the side
 * panel asks (a world the page can influence, so nothing of the answer is taken on trust): each
 * address http(s) and within the URL limit, each once, at most `LIMITS.pageFeeds` of them, titles
 * cut to plain bounded text; and the document's content type and whether its text begins like a
 * feed, which only ever pick between "offer the tab's own address" and not (the subscribe call
 * reads the feed and decides).
 */
import type { PageFeed } from '../../model';
import { normalizeUrl } from '../article/ids';
import { cleanText } from '../feeds/feed-text';
import { httpUrl } from './fields';
import { isRecord } from './guards';
import { LIMITS } from './limits';

/** The checked report of our script in a page. */
export interface PageFeedsReport {
  feeds: PageFeed[];
  /** The document's MIME type, lowercased (`text/html`, `application/rss+xml`), or null. */
  contentType: string | null;
  /** The page says its text begins like a feed (Chromium shows RSS served as such as text). */
  looksLikeFeed: boolean;
}

/** Entries looked at before giving up on a list: a hostile one may be huge and mostly junk. */
const SCANNED = LIMITS.pageFeeds * 10;
/** A MIME type as `document.contentType` gives it. */
const MIME = /^[a-z0-9][a-z0-9.+-]{0,63}\/[a-z0-9][a-z0-9.+-]{0,63}$/;
/** Control characters: a space each. */
const CONTROL_CHARS = /\p{Cc}/gu;
/**
 * Format characters: dropped. Bidirectional overrides, isolates and marks could reorder what a
 * title shows; zero-width spaces, joiners and the like could make two titles look alike.
 */
const FORMAT_CHARS = /\p{Cf}/gu;

/** A title as plain text: a string, control and format characters dropped, cut to the limit. */
function feedTitle(value: unknown): string {
  if (typeof value !== 'string') return '';
  const head = value.slice(0, LIMITS.pageFeedTitle * 4);
  return cleanText(head.replace(CONTROL_CHARS, ' ').replace(FORMAT_CHARS, ''), LIMITS.pageFeedTitle);
}

/**
 * The declared feeds of `value` (an array of `{ url, title }`): the usable ones in order, each
 * address once; junk entries are skipped rather than costing the page its real feeds.
 */
export function checkPageFeedList(value: unknown): PageFeed[] {
  if (!Array.isArray(value)) return [];
  const feeds: PageFeed[] = [];
  const seen = new Set<string>();
  for (const entry of value.slice(0, SCANNED) as unknown[]) {
    if (!isRecord(entry)) continue;
    const url = httpUrl(entry.url);
    const key = url === undefined ? null : normalizeUrl(url);
    if (url === undefined || key === null || seen.has(key)) continue;
    seen.add(key);
    feeds.push({ url, title: feedTitle(entry.title) });
    if (feeds.length >= LIMITS.pageFeeds) break;
  }
  return feeds;
}

/** A content type, lowercased and without parameters, or null. */
export function checkContentType(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 256) return null;
  const type = (value.split(';')[0] ?? '').trim().toLowerCase();
  return MIME.test(type) ? type : null;
}

/** That script's report, checked; null when it is not even an object. */
export function checkPageFeedsReport(value: unknown): PageFeedsReport | null {
  if (!isRecord(value)) return null;
  return {
    feeds: checkPageFeedList(value.feeds),
    contentType: checkContentType(value.contentType),
    looksLikeFeed: value.looksLikeFeed === true,
  };
}
