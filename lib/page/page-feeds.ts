/**
 * The page's side of "subscribe from the current page": the feeds its head declares and what the
 * document itself is, read at the moment the popup or side panel asks (the content script never
 * scans on load). Plain data goes back; the background checks it, since the page can shape it.
 */
import { discoverFeeds, sniffFeed } from '../shared/feeds/discover';
import type { ContentCalls } from '../shared/messaging/protocol';

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
export function collectPageFeeds(doc: Document): ContentCalls['page/feeds']['response'] {
  const contentType = doc.contentType;
  const looksLikeFeed = TEXT_TYPES.has(contentType) && sniffFeed(null, textHead(doc)) !== null;
  return { feeds: discoverFeeds(doc, doc.URL), contentType, looksLikeFeed };
}
