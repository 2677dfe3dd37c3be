/**
 * A page the user saves from the live web: what the content script sends, how the background
 * checks it, and how it becomes an {@link Article}. The payload crosses from a web page's
 * content script — a context a hostile page can influence — so the background trusts nothing
 * in it: every field is type- and size-checked here, and the HTML is sanitized again before
 * it is stored. Free of DOM globals, so it runs in an MV3 service worker.
 */
import { ARTICLE_SCHEMA, type Article } from '../../model';
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

/** Size limits of the save request, in UTF-16 code units. */
export const WEB_PAGE_LIMITS = {
  /** Bigger bodies are not articles a person reads; refusing them keeps IndexedDB sane. */
  html: 5 * 1024 * 1024,
  url: 4096,
  title: 1000,
  field: 500,
  lang: 35,
} as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const LANG_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** The payload as a {@link WebPageSave}, or null when any field has the wrong type, size or form. */
export function validateWebPageSave(payload: unknown): WebPageSave | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const p = payload as Record<string, unknown>;
  const url = httpUrl(p.url);
  const declared = p.canonicalUrl === null ? null : httpUrl(p.canonicalUrl);
  // A page may not claim another site's identity (and so overwrite that site's saved copy).
  const canonical = declared && url && !sameSite(declared, url) ? null : declared;
  const title = text(p.title, WEB_PAGE_LIMITS.title);
  const byline = optional(p.byline, WEB_PAGE_LIMITS.field);
  const siteName = optional(p.siteName, WEB_PAGE_LIMITS.field);
  const published = optional(p.published, WEB_PAGE_LIMITS.lang * 2);
  const leadImage = p.leadImage === null ? null : httpUrl(p.leadImage);
  const lang = optional(p.lang, WEB_PAGE_LIMITS.lang);
  const dir = p.dir === null || p.dir === 'ltr' || p.dir === 'rtl' ? p.dir : undefined;
  const html = typeof p.html === 'string' && p.html.length <= WEB_PAGE_LIMITS.html ? p.html : undefined;
  if (
    url === undefined ||
    canonical === undefined ||
    title === undefined ||
    title.trim() === '' ||
    byline === undefined ||
    siteName === undefined ||
    published === undefined ||
    (published !== null && !ISO_DATE.test(published)) ||
    leadImage === undefined ||
    lang === undefined ||
    (lang !== null && !LANG_TAG.test(lang)) ||
    dir === undefined ||
    html === undefined
  ) {
    return null;
  }
  return { url, canonicalUrl: canonical, title: title.trim(), byline, siteName, published, leadImage, lang, dir, html };
}

/** A string of at most `max` code units, else undefined. */
function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.length <= max ? value : undefined;
}

/** Like {@link text}, but null is allowed (and blank becomes null). */
function optional(value: unknown, max: number): string | null | undefined {
  if (value === null) return null;
  const s = text(value, max);
  return s === undefined ? undefined : s.trim() || null;
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

/** An absolute http(s) URL without its fragment, else undefined. */
function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > WEB_PAGE_LIMITS.url) return undefined;
  return normalizeUrl(value) ?? undefined;
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
    title: extracted.title.slice(0, WEB_PAGE_LIMITS.title),
    byline: extracted.byline?.slice(0, WEB_PAGE_LIMITS.field) ?? null,
    siteName: extracted.siteName?.slice(0, WEB_PAGE_LIMITS.field) ?? null,
    published: extracted.published,
    leadImage: extracted.leadImage,
    lang: extracted.lang !== null && LANG_TAG.test(extracted.lang) ? extracted.lang : null,
    dir: extracted.dir === 'rtl' ? 'rtl' : extracted.dir === 'ltr' ? 'ltr' : null,
    html: sanitizedHtml,
  };
}
