/**
 * A page the user saves from the live web: what the content script sends and how it becomes an
 * {@link Article}. The payload crosses from a web page's content script — a context a hostile
 * page can influence — so the background trusts nothing in it: lib/shared/validate checks every
 * field, and the HTML is sanitized again before it is stored. Free of DOM globals, so it runs
 * in an MV3 service worker.
 */
import { ARTICLE_SCHEMA, type Article } from '../../model';
import { langTag } from '../validate/fields';
import { LIMITS } from '../validate/limits';
import { bodyFacts } from './build-article';
import { articleIdFor, normalizeUrl } from './ids';
import type { PreparedBody } from './sanitize';

/**
 * The save request. There is no `text` field on purpose: the background derives the text from
 * the HTML it sanitized itself, so stored text and stored HTML can never disagree.
 */
export interface WebPageSave {
  /** The page's address (http or https). */
  url: string;
  /** `<link rel=canonical>` / `og:url` when the page declares one; it identifies the article. */
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 publication time. */
  published: string | null;
  /** Absolute http(s) URL of the lead image. */
  leadImage: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  /** The article body, already sanitized by the content script (sanitized again on arrival). */
  html: string;
}

/**
 * Whether two URLs are the same site for the purpose of a canonical URL: the same scheme, host
 * and port once a leading `www.`, `m.`, `amp.` or `mobile.` label is set aside. Strict on
 * purpose: the last two labels would make `evil.github.io` and `victim.github.io` (or two
 * unrelated `co.uk` sites) one site, and let one overwrite the other's saved copy; and an http
 * page, which anyone on the network can forge, never speaks for an https one.
 */
export function sameSite(a: string, b: string): boolean {
  const site = (u: string) => {
    const url = new URL(u);
    return `${url.protocol}//${url.hostname.replace(/^(?:www|m|amp|mobile)\./, '')}:${url.port}`;
  };
  try {
    return site(a) === site(b);
  } catch {
    return false;
  }
}

/** The address a saved page is known by: its canonical URL, else its own. */
export function webArticleUrl(page: WebPageSave): string {
  return page.canonicalUrl ?? page.url;
}

/** The id the page's article has (or will have) in the library. */
export function webArticleId(page: WebPageSave): Promise<string> {
  const url = webArticleUrl(page);
  return articleIdFor({
    url,
    title: page.title,
    published: page.published,
    source: page.siteName ?? new URL(url).hostname,
  });
}

/**
 * Builds the stored article for a saved page. The id hashes the canonical URL (else the page
 * URL), so saving the same article again — even from a URL with tracking parameters, when the
 * page declares its canonical — lands on the same record and keeps its highlights.
 */
export async function buildWebArticle(page: WebPageSave, body: PreparedBody, now: number): Promise<Article> {
  const url = webArticleUrl(page);
  const source = page.siteName ?? new URL(url).hostname;
  const [id, facts] = await Promise.all([
    webArticleId(page),
    // A declared language wins; undeclared pages (common on Chinese blogs) get it guessed.
    bodyFacts(page.title, body, page.lang),
  ]);
  return {
    schema: ARTICLE_SCHEMA,
    id,
    url,
    title: page.title,
    author: page.byline,
    source,
    categories: [],
    tags: [],
    published: page.published,
    savedAt: now,
    updatedAt: now,
    heroImage: page.leadImage ?? body.images[0] ?? null,
    dir: page.dir ?? 'ltr',
    origin: 'web',
    archived: false,
    ...facts,
  };
}

/** The save request for an extracted page (`extract.ts`) whose body the caller has sanitized. */
export function webPageSave(
  extracted: {
    title: string;
    byline: string | null;
    siteName: string | null;
    published: string | null;
    leadImage: string | null;
    lang: string | null;
    dir: string | null;
    canonicalUrl: string;
  },
  pageUrl: string,
  sanitizedHtml: string,
): WebPageSave {
  const page = normalizeUrl(pageUrl);
  const canonical = normalizeUrl(extracted.canonicalUrl);
  return {
    url: page ?? pageUrl,
    canonicalUrl:
      canonical !== null && page !== null && canonical !== page && sameSite(canonical, page) ? canonical : null,
    title: extracted.title.slice(0, LIMITS.title),
    byline: extracted.byline?.slice(0, LIMITS.name) ?? null,
    siteName: extracted.siteName?.slice(0, LIMITS.name) ?? null,
    published: extracted.published,
    leadImage: extracted.leadImage,
    lang: langTag(extracted.lang) ?? null,
    dir: extracted.dir === 'rtl' ? 'rtl' : extracted.dir === 'ltr' ? 'ltr' : null,
    html: sanitizedHtml,
  };
}
