/**
 * Feed text → {@link Feed}, or a named refusal. The one entry point for every feed Glossa reads
 * (a subscription's refresh, a page that is itself a feed), and DOM-free, so it runs in the MV3
 * worker. Untrusted text meets our own linear checks first (`xml-scan.ts`: entity declarations,
 * broken structure, too many entries); only then does feedsmith build anything from it.
 * feedsmith, not @rowanmanning/feed-parser: see bench/FINDINGS.md (JSON Feed and RDF support,
 * dates kept as written, `xml:base` kept, entities decoded once).
 */
import { parseAtomFeed, parseJsonFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { err, type Feed, type FeedError, ok, type Result } from '../../model';
import { errorText } from '../error-text';
import { MAX_FEED_BYTES } from './decode';
import { normalizeJson } from './normalize-json';
import { normalizeAtom, normalizeRdf, normalizeRss } from './normalize-xml';
import { MAX_DEPTH, MAX_FEED_ITEMS, scanXml } from './xml-scan';

/** Web pages announce themselves early; a page is "not a feed" rather than "broken XML". */
const HTML_HEAD = /<!doctype\s+html|<html[\s>]/i;

/**
 * Parses feed text fetched from `feedUrl` (the base for relative links). `text` is what
 * `decodeFeedBytes` made of the bytes; its length in UTF-16 units is held to the byte limit too.
 */
export function parseFeedText(text: string, feedUrl: string): Result<Feed, FeedError> {
  if (text.length > MAX_FEED_BYTES) {
    return err({ code: 'too-large', detail: `${text.length} characters; the limit is ${MAX_FEED_BYTES}` });
  }
  const start = text.search(/\S/);
  const parsed = text.charAt(start) === '{' ? parseJson(text, feedUrl) : parseXml(text, feedUrl);
  if (!parsed.ok) return parsed;
  const feed = parsed.value;
  return ok({ ...feed, title: feed.title || hostOf(feedUrl) });
}

function parseXml(text: string, feedUrl: string): Result<Feed, FeedError> {
  const outline = scanXml(text);
  if (!outline.ok) {
    if (outline.error.code === 'broken-xml' && HTML_HEAD.test(text.slice(0, 2048))) {
      return err({ code: 'not-a-feed', detail: 'this is a web page, not a feed' });
    }
    return outline;
  }
  try {
    switch (outline.value.root) {
      case 'rss':
        return ok(normalizeRss(parseRssFeed(text), feedUrl));
      case 'rdf':
        return ok(normalizeRdf(parseRdfFeed(text), feedUrl));
      case 'feed':
        return ok(normalizeAtom(parseAtomFeed(text), feedUrl));
      default:
        return err({ code: 'not-a-feed', detail: `the document is <${outline.value.root}>, not RSS, RDF or Atom` });
    }
  } catch (thrown) {
    return err({ code: 'not-a-feed', detail: errorText(thrown) });
  }
}

/**
 * Whether JSON nests deeper than {@link MAX_DEPTH}, in one pass (strings skipped). V8's
 * `JSON.parse` takes seconds on megabytes of `[`, and a feed needs four levels.
 */
function nestsTooDeep(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b /* [ { */) {
      if (++depth > MAX_DEPTH) return true;
    } else if (c === 0x5d || c === 0x7d /* ] } */) depth--;
  }
  return false;
}

function parseJson(text: string, feedUrl: string): Result<Feed, FeedError> {
  if (nestsTooDeep(text)) return err({ code: 'broken-xml', detail: `the JSON nests deeper than ${MAX_DEPTH}` });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (thrown) {
    return err({ code: 'broken-xml', detail: `the JSON is not well formed (${errorText(thrown)})` });
  }
  if (typeof value !== 'object' || value === null) return err({ code: 'not-a-feed', detail: 'not a JSON object' });
  const { version, items } = value as Record<string, unknown>;
  if (typeof version !== 'string' || !version.startsWith('https://jsonfeed.org/version/')) {
    return err({ code: 'not-a-feed', detail: 'JSON without a JSON Feed version' });
  }
  if (Array.isArray(items) && items.length > MAX_FEED_ITEMS) {
    return err({ code: 'too-many-items', detail: `more than ${MAX_FEED_ITEMS} entries` });
  }
  try {
    return ok(normalizeJson(parseJsonFeed(value), feedUrl));
  } catch (thrown) {
    return err({ code: 'not-a-feed', detail: errorText(thrown) });
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
