/**
 * A fetched page's HTML → the body of its article ("Fetch full text" on a feed entry): parsed
 * into an inert document (DOMParser: no scripts run, nothing loads), extracted with the same
 * tuned Readability as the reading view (extract.ts), then sanitized through the same path as
 * every import (sanitize.ts), links and images resolved against the page's address. Needs a
 * DOM: Firefox's background page, Chrome's offscreen document, jsdom in tests.
 */
import type { WindowLike } from 'dompurify';
import { sanitizeArticleHtml } from '../../shared/article/sanitize';
import type { PageBody } from '../../shared/feeds/full-text';
import { extractArticle } from './extract';

/** A window that can parse HTML and host DOMPurify. */
export type ParsingWindow = WindowLike & { DOMParser: typeof DOMParser };

/** Extracts and sanitizes the article of the page `html` fetched from `url`; null: none found. */
export function extractPageBody(html: string, url: string, win: ParsingWindow): PageBody | null {
  const doc = new win.DOMParser().parseFromString(html, 'text/html');
  // A parsed document's base is the extension page's address: relative links and images would
  // point into the extension. The page's own address (or its <base>, made absolute) fixes that.
  const declared = doc.querySelector('base[href]');
  const base = absolute(declared?.getAttribute('href') ?? '', url) ?? url;
  const element = declared ?? doc.head.insertBefore(doc.createElement('base'), doc.head.firstChild);
  element.setAttribute('href', base);
  const extracted = extractArticle(doc, url);
  if (extracted === null) return null;
  const body = sanitizeArticleHtml(extracted.html, win, { baseUrl: base });
  if (body.text.trim() === '' && body.images.length === 0) return null;
  return { body, lang: extracted.lang };
}

/** `href` resolved against `url`, if it is an http(s) address. */
function absolute(href: string, url: string): string | null {
  if (href.trim() === '') return null;
  try {
    const resolved = new URL(href, url);
    return /^https?:$/.test(resolved.protocol) ? resolved.href : null;
  } catch {
    return null;
  }
}
