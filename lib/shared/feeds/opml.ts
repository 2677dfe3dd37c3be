/**
 * OPML, the file feed readers trade subscription lists in: reading one (untrusted, so the same
 * linear scan and DOCTYPE refusal as a feed, before feedsmith builds the outline tree) and
 * writing one (every value escaped, so a title like `A & B <3` round-trips). Folders are read
 * as the outline a feed sits in; only http(s) feed addresses are kept.
 */
import { parseOpml as parseOpmlDocument } from 'feedsmith';
import { err, type FeedError, ok, type Result } from '../../model';
import { errorText } from '../error-text';
import { MAX_FEED_BYTES } from './decode';
import { cleanText, resolveUrl } from './feed-text';
import { scanXml } from './xml-scan';

/** Most feeds one OPML file may list. */
export const MAX_OPML_FEEDS = 2000;

/** One feed an OPML file lists. */
export interface OpmlFeed {
  url: string;
  title: string;
  siteUrl: string | null;
  /** The folder (enclosing outline's title) it was filed under, if any. */
  folder: string | null;
}

/** What an OPML file is made from: a subscription's address, name and site. */
export interface OpmlEntry {
  url: string;
  title: string;
  siteUrl: string | null;
}

type Outline = {
  text?: string;
  title?: string;
  xmlUrl?: string;
  htmlUrl?: string;
  outlines?: Outline[];
};

/** The feeds of an OPML document, each address once, in document order; or a named refusal. */
export function parseOpml(text: string): Result<OpmlFeed[], FeedError> {
  if (text.length > MAX_FEED_BYTES) return err({ code: 'too-large', detail: `${text.length} characters` });
  const outline = scanXml(text);
  if (!outline.ok) return outline;
  if (outline.value.root !== 'opml') return err({ code: 'not-a-feed', detail: 'not an OPML document' });
  let roots: Outline[];
  try {
    roots = parseOpmlDocument(text).body?.outlines ?? [];
  } catch (thrown) {
    return err({ code: 'not-a-feed', detail: errorText(thrown) });
  }
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  // Iterative walk: depth is already bounded by the scan, but a stack costs nothing.
  const stack: Array<{ node: Outline; folder: string | null }> = roots
    .map((node) => ({ node, folder: null }))
    .reverse();
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, folder } = item;
    const name = cleanText(node.title ?? node.text ?? '');
    const url = resolveUrl(node.xmlUrl, null);
    if (url !== null && !seen.has(url)) {
      if (feeds.length >= MAX_OPML_FEEDS) {
        return err({ code: 'too-many-items', detail: `more than ${MAX_OPML_FEEDS} feeds` });
      }
      seen.add(url);
      feeds.push({ url, title: name, siteUrl: resolveUrl(node.htmlUrl, null), folder });
    }
    const children = node.outlines ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ node: child, folder: node.xmlUrl === undefined ? name || folder : folder });
    }
  }
  return ok(feeds);
}

/** Escapes text for an XML attribute value. */
function attr(text: string): string {
  return text.replace(/[&<>"'\r\n\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An OPML 2.0 document listing `entries` (the export the reader downloads). */
export function opmlDocument(entries: readonly OpmlEntry[], title: string, now: Date): string {
  const lines = entries.map((entry) => {
    const site = entry.siteUrl === null ? '' : ` htmlUrl="${attr(entry.siteUrl)}"`;
    const name = attr(entry.title || entry.url);
    return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${attr(entry.url)}"${site}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${attr(title)}</title>`,
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
