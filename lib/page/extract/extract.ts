/**
 * Extracts the article from the page the user is reading, with Mozilla Readability plus the
 * metadata Readability does not give (canonical URL, ISO date, lead image).
 *
 * Kept apart from `detect.ts` on purpose: with Readability this module weighs several times the
 * eager content script (`npm run bench -- content` reports that script's size), so it is loaded
 * only when the user saves or opens a page, never on every page view.
 *
 * Readability rewrites the document it parses, so it always gets a clone (inert-clone.ts: one
 * whose style sheets are never parsed): the live page the user is looking at is never touched.
 * It runs tuned (readability-tuned.ts): same output, less time (`npm run bench -- detect`). The HTML returned is NOT sanitized; the caller must
 * sanitize it before storing or rendering it.
 */

import { declaredCanonicalUrl, leadImage, publishedDate } from './extract-meta';
import { inertClone } from './inert-clone';
import { tunedReadability } from './readability-tuned';

/** What the page's article is, as found on the page. */
export interface ExtractedArticle {
  /** Readability's title (the `<title>` cleaned of site names), else the document title. */
  title: string;
  byline: string | null;
  siteName: string | null;
  /** Publication time as ISO 8601, from JSON-LD, meta tags or `<time datetime>`; null if none parses. */
  published: string | null;
  /** Absolute http(s) URL of the share image or first large content image. */
  leadImage: string | null;
  /** Readability's cleaned article HTML. Unsanitized: sanitize before storing or rendering. */
  html: string;
  /** Plain text of the article. */
  text: string;
  /** Language tag: Readability's (from the content's ancestors) else `<html lang>`. */
  lang: string | null;
  /** Text direction (`ltr`, `rtl`) if the page declares one. */
  dir: string | null;
  excerpt: string | null;
  /** `<link rel=canonical>`, else `og:url`, else the page URL without its fragment. */
  canonicalUrl: string;
}

/**
 * Extracts the article of `doc` (the page at `url`), or returns null when Readability finds no
 * article. Never mutates `doc`.
 */
export function extractArticle(doc: Document, url: string): ExtractedArticle | null {
  const clone = inertClone(doc);
  // The article as an element rather than HTML: the lead-image search reads it directly
  // instead of parsing the HTML again, and the HTML is serialized exactly once.
  const parsed = tunedReadability<Element>(clone, doc, { serializer: (node) => node as Element }).parse();
  if (!parsed) return null;
  const content = parsed.content ?? null;
  const html = content?.innerHTML ?? '';
  const root = doc.documentElement;
  return {
    title: nonEmpty(parsed.title) ?? nonEmpty(doc.title) ?? '',
    byline: nonEmpty(parsed.byline),
    siteName: nonEmpty(parsed.siteName),
    published: publishedDate(doc, parsed.publishedTime),
    leadImage: leadImage(doc, content, url),
    html,
    text: parsed.textContent ?? '',
    lang: nonEmpty(parsed.lang) ?? nonEmpty(root?.getAttribute('lang')),
    dir: nonEmpty(parsed.dir) ?? nonEmpty(root?.getAttribute('dir')) ?? nonEmpty(doc.body?.getAttribute('dir')),
    excerpt: nonEmpty(parsed.excerpt),
    canonicalUrl: declaredCanonicalUrl(doc, url),
  };
}

/** Trimmed `value`, or null when it is missing or blank. */
function nonEmpty(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}
