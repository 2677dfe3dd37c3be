/**
 * Finding feeds from where the reader is: the feeds a page declares in its head
 * (`<link rel="alternate" type="application/rss+xml" href="…">`), and whether a response is
 * itself a feed (so the popup can offer "Subscribe" on a feed's own address). The page's
 * Document is passed in — a content script's or one parsed in an extension page — so this runs
 * wherever a DOM is, and the answer is plain data to send on.
 */
import type { FeedFormat } from '../../model';
import { LIMITS } from '../validate/limits';
import { cleanText, resolveUrl } from './feed-text';

/** A feed a page declares. */
export interface DiscoveredFeed {
  /** Absolute http(s) address. */
  url: string;
  /** The link's `title`, else ''. */
  title: string;
  /** The declared MIME type, lowercased. */
  type: string;
}

/** MIME types of feeds, as pages declare them and servers send them. */
const FEED_TYPES: Readonly<Record<string, FeedFormat>> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rdf',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
};

/** Most feeds reported for one page (a hostile page could declare thousands). */
export const MAX_DISCOVERED = LIMITS.pageFeeds;

/** The base URL of `doc`: its `<base href>` read against `pageUrl`, else `pageUrl`. */
function baseOf(doc: Document, pageUrl: string): string {
  const declared = doc.querySelector('base[href]')?.getAttribute('href');
  return resolveUrl(declared, pageUrl) ?? pageUrl;
}

/**
 * The feeds `doc` declares with `<link rel="alternate">` (or `rel="feed"`) and a feed type
 * (`application/json` counts only with `rel="alternate"`: pages declare JSON APIs too), each
 * address once, resolved against the page's base, http(s) only, in document order.
 */
export function discoverFeeds(doc: Document, pageUrl: string): DiscoveredFeed[] {
  const base = baseOf(doc, pageUrl);
  const found: DiscoveredFeed[] = [];
  for (const link of Array.from(doc.querySelectorAll('link[rel][href][type]'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').trim().toLowerCase().split(';')[0] ?? '';
    const isFeedType = type in FEED_TYPES || (type === 'application/json' && rel.includes('alternate'));
    if (!isFeedType || !(rel.includes('alternate') || rel.includes('feed'))) continue;
    const url = resolveUrl(link.getAttribute('href'), base);
    if (url === null || found.some((f) => f.url === url)) continue;
    found.push({ url, title: cleanText(link.getAttribute('title') ?? '', LIMITS.pageFeedTitle), type });
    if (found.length >= MAX_DISCOVERED) break;
  }
  return found;
}

/**
 * The name of the first element after the XML prolog (declaration, processing instructions,
 * comments, a DOCTYPE), lowercased; null when something else comes first. Procedural, with
 * `indexOf`: a regex with alternatives under `*` backtracks badly on hostile prologs.
 */
function firstElement(head: string): string | null {
  let i = 0;
  for (;;) {
    while (i < head.length && /\s/.test(head.charAt(i))) i++;
    if (head.charAt(i) !== '<') return null;
    const close = head.startsWith('<!--', i)
      ? '-->'
      : head.startsWith('<?', i) || head.startsWith('<!', i)
        ? '>'
        : null;
    if (close === null) return /^<([A-Za-z][\w.:-]*)/.exec(head.slice(i, i + 64))?.[1]?.toLowerCase() ?? null;
    const end = head.indexOf(close, i + 2);
    if (end < 0) return null;
    i = end + close.length;
  }
}

const ROOT_FORMATS: Readonly<Record<string, FeedFormat>> = { rss: 'rss', feed: 'atom', 'rdf:rdf': 'rdf' };

/**
 * Whether a response is a feed, and which kind: by a feed MIME type, else by its first bytes
 * (`text/xml` and `application/json` are also used for everything else; some servers send
 * feeds as `text/html`). `head` is the start of the decoded body; 2 kB is plenty.
 */
export function sniffFeed(contentType: string | null, head: string): FeedFormat | null {
  const type = (contentType ?? '').trim().toLowerCase().split(';')[0] ?? '';
  const declared = FEED_TYPES[type];
  if (declared !== undefined) return declared;
  const start = head.slice(0, 2048).replace(/^\uFEFF/, '');
  const root = firstElement(start);
  if (root !== null) return ROOT_FORMATS[root] ?? null;
  return /^\s*\{/.test(start) && /"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(start) ? 'json' : null;
}
