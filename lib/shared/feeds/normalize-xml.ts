/**
 * feedsmith keeps each XML format's own structure (RSS `pubDate` and `dc:date`, Atom's typed
 * text constructs, `xml:base` where it was written); this maps RSS 2.0, RSS 1.0/RDF and Atom 1.0
 * onto Glossa's one {@link Feed} shape. Links are resolved here, against the `xml:base` in effect
 * and then the feed's own URL; dates go through the same parser as seed posts, which keeps the
 * zone the source wrote.
 */
import type { AtomFeed, RdfFeed, RssFeed } from 'feedsmith';
import type { Feed, FeedEntry } from '../../model';
import { parsePublished } from '../article/dates';
import { MAX_CATEGORY } from '../article/post-fields';
import { langTag } from '../validate/fields';
import {
  categoryList,
  cleanText,
  htmlToText,
  looksLikeFullText,
  resolveBase,
  resolveUrl,
  textToHtml,
} from './feed-text';

/** The first non-empty string of `values`. */
const first = (...values: ReadonlyArray<string | null | undefined>): string | null =>
  values.find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? null;

const name = (value: string | null): string | null => {
  const clean = value === null ? '' : cleanText(value, MAX_CATEGORY);
  return clean === '' ? null : clean;
};

/** RSS 2.0: `content:encoded` is the full text; `description` is HTML that may be either. */
export function normalizeRss(feed: RssFeed.Feed<string>, feedUrl: string): Feed {
  const feedBase = resolveBase(feed.xml?.base, feedUrl);
  const entries = (feed.items ?? []).map((item): FeedEntry => {
    const declared = item.xml?.base ?? feed.xml?.base;
    const base = resolveBase(item.xml?.base, feedBase);
    const guid = first(item.guid?.value);
    const permalink = item.guid?.isPermaLink !== false ? guid : null;
    const link =
      resolveUrl(item.link, base) ?? resolveUrl(item.atom?.links?.[0]?.href, base) ?? resolveUrl(permalink, base);
    const full = first(item.content?.encoded);
    const description = first(item.description);
    const author = first(item.authors?.[0]?.name, item.dc?.creators?.[0], item.authors?.[0]?.email);
    return {
      guid: guid === null ? null : guid.trim(),
      link,
      title: cleanText(first(item.title, item.dc?.titles?.[0]) ?? ''),
      author: name(author),
      published: parsePublished(first(item.pubDate, item.dc?.dates?.[0])),
      updated: parsePublished(first(item.atom?.updated, item.dcterms?.modified?.[0])),
      categories: categoryList([...(item.categories ?? []).map((c) => c.name), ...(item.dc?.subjects ?? [])]),
      html: full ?? description ?? '',
      hasFullContent: full !== null || (description !== null && looksLikeFullText(description)),
      baseUrl: declared ? base : (link ?? base),
    };
  });
  return {
    format: 'rss',
    title: cleanText(feed.title ?? ''),
    siteUrl: resolveUrl(feed.link, feedBase),
    lang: langTag(feed.language) ?? null,
    entries,
  };
}

/** RSS 1.0 (RDF): like RSS 2.0, with Dublin Core for authors, dates and subjects. */
export function normalizeRdf(feed: RdfFeed.Feed<string>, feedUrl: string): Feed {
  const feedBase = resolveBase(feed.xml?.base, feedUrl);
  const entries = (feed.items ?? []).map((item): FeedEntry => {
    const link = resolveUrl(item.link, feedBase) ?? resolveUrl(item.rdf?.about, feedBase);
    const full = first(item.content?.encoded);
    const description = first(item.description);
    return {
      guid: first(item.rdf?.about),
      link,
      title: cleanText(first(item.title, item.dc?.titles?.[0]) ?? ''),
      author: name(first(item.dc?.creators?.[0])),
      published: parsePublished(first(item.dc?.dates?.[0])),
      updated: null,
      categories: categoryList(item.dc?.subjects ?? []),
      html: full ?? description ?? '',
      hasFullContent: full !== null || (description !== null && looksLikeFullText(description)),
      baseUrl: link ?? feedBase,
    };
  });
  return {
    format: 'rdf',
    title: cleanText(feed.title ?? ''),
    siteUrl: resolveUrl(feed.link, feedBase),
    lang: langTag(feed.dc?.languages?.[0]) ?? null,
    entries,
  };
}

/** An Atom text construct as text (`type="html"` / `"xhtml"` hold markup, `"text"` does not). */
function atomText(text: AtomFeed.Text | undefined): string {
  if (text === undefined) return '';
  return text.type === 'html' || text.type === 'xhtml' ? htmlToText(text.value) : cleanText(text.value);
}

/** An Atom text construct as HTML. */
function atomHtml(text: { value?: string; type?: string } | undefined): string | null {
  const value = first(text?.value);
  if (value === null) return null;
  return text?.type === 'html' || text?.type === 'xhtml' ? value : textToHtml(value);
}

/** The page an entry or feed links to: `rel="alternate"` (or no rel), HTML preferred. */
function alternate(links: ReadonlyArray<AtomFeed.Link<string>> | undefined): string | null {
  const candidates = (links ?? []).filter((l) => l.rel === undefined || l.rel === 'alternate');
  return first(candidates.find((l) => l.type === undefined || l.type.includes('html'))?.href, candidates[0]?.href);
}

/** Atom 1.0: `content` is the full text unless it points elsewhere (`src`); `summary` is not. */
export function normalizeAtom(feed: AtomFeed.Feed<string>, feedUrl: string): Feed {
  const feedBase = resolveBase(feed.xml?.base, feedUrl);
  const feedAuthor = first(feed.authors?.[0]?.name);
  const entries = (feed.entries ?? []).map((entry): FeedEntry => {
    const base = resolveBase(entry.xml?.base, feedBase);
    const content = entry.content?.src === undefined ? atomHtml(entry.content) : null;
    const summary = atomHtml(entry.summary);
    const link = resolveUrl(alternate(entry.links), base);
    return {
      guid: first(entry.id)?.trim() ?? null,
      link,
      title: atomText(entry.title),
      author: name(first(entry.authors?.[0]?.name, entry.dc?.creators?.[0], feedAuthor)),
      published: parsePublished(first(entry.published, entry.updated)),
      updated: parsePublished(first(entry.updated)),
      categories: categoryList((entry.categories ?? []).map((c) => c.label ?? c.term)),
      html: content ?? summary ?? '',
      hasFullContent: content !== null,
      // Atom resolves relative references in content against the xml:base in effect (RFC 4287 §2).
      baseUrl: base,
    };
  });
  return {
    format: 'atom',
    title: atomText(feed.title),
    siteUrl: resolveUrl(alternate(feed.links), feedBase),
    lang: langTag(feed.xml?.lang) ?? null,
    entries,
  };
}
