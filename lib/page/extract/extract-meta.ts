/**
 * Page metadata that Readability leaves out or leaves raw: the canonical address, a publication
 * date as ISO 8601, and a lead image as an absolute URL. Read from the live page's `<head>` and
 * the extracted content; nothing here mutates a document.
 */
import { canonicalLink } from '../canonical-link';

/** Meta tags that carry a publication date, most specific first. */
const DATE_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[property="og:published_time"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date.issued"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
];

/** Meta tags that name a share image, best first. */
const IMAGE_SELECTORS = [
  'meta[property="og:image:secure_url"]',
  'meta[property="og:image"]',
  'meta[name="og:image"]',
  'meta[name="twitter:image"]',
  'meta[property="twitter:image"]',
  'meta[name="twitter:image:src"]',
  'link[rel="image_src"]',
];

/** Smaller than this (either side, in CSS px) an image is an icon, avatar or spacer. */
const MIN_LEAD_IMAGE_SIDE = 200;
/** Image URLs that are decoration, whatever their size. */
const DECORATION = /avatar|icon|logo|sprite|spacer|pixel|blank\.gif|emoji|badge/i;

/**
 * `value` as an ISO 8601 timestamp, or null when it is not a date. Date-only values
 * (`2024-06-12`) are read as UTC midnight, as `Date.parse` does.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * The publication date the page declares: Readability's `publishedTime` (JSON-LD or meta) if it
 * parses, else the first parseable meta tag, else a `<time datetime>` (one marked `pubdate` or
 * inside an `<article>` preferred).
 */
export function publishedDate(doc: Document, readabilityTime: string | null | undefined): string | null {
  const fromReadability = toIsoDate(readabilityTime);
  if (fromReadability) return fromReadability;
  for (const selector of DATE_SELECTORS) {
    const iso = toIsoDate(doc.querySelector(selector)?.getAttribute('content'));
    if (iso) return iso;
  }
  const time =
    doc.querySelector('time[pubdate][datetime]') ??
    doc.querySelector('article time[datetime]') ??
    doc.querySelector('time[datetime]');
  return toIsoDate(time?.getAttribute('datetime'));
}

/**
 * The page's canonical address: `<link rel=canonical>`, else `og:url`, else `url` itself, always
 * without the fragment. Relative values resolve against the document's base (`<base href>` or
 * `url`); anything that is not http(s) is ignored, so a `javascript:` canonical cannot leak out.
 */
export function declaredCanonicalUrl(doc: Document, url: string): string {
  const base = documentBase(doc, url);
  const candidates = [canonicalLink(doc, base), doc.querySelector('meta[property="og:url"]')?.getAttribute('content')];
  for (const candidate of candidates) {
    const resolved = httpUrl(candidate, base);
    if (resolved) return resolved;
  }
  return withoutHash(url);
}

/**
 * The lead image: the page's share image (`og:image`, `twitter:image`, `image_src`), else the
 * first image in the extracted content that is not known to be small or decorative. Absolute
 * http(s) URL, or null.
 */
export function leadImage(doc: Document, content: Element | null, url: string): string | null {
  const base = documentBase(doc, url);
  for (const selector of IMAGE_SELECTORS) {
    const el = doc.querySelector(selector);
    const resolved = httpUrl(el?.getAttribute('content') ?? el?.getAttribute('href'), base);
    if (resolved) return resolved;
  }
  const images = content ? content.querySelectorAll('img') : [];
  for (const img of Array.from(images)) {
    if (isSmall(img)) continue;
    const src = img.getAttribute('src') ?? firstSrcsetUrl(img.getAttribute('srcset'));
    const resolved = httpUrl(src, base);
    if (resolved && !DECORATION.test(resolved)) return resolved;
  }
  return null;
}

/** The base URL links in `doc` resolve against: its `<base href>` (resolved against `url`), else `url`. */
function documentBase(doc: Document, url: string): string {
  return httpUrl(doc.querySelector('base[href]')?.getAttribute('href'), url) ?? url;
}

/** `value` resolved against `base` if it is an http(s) URL, without its fragment; else null. */
function httpUrl(value: string | null | undefined, base: string): string | null {
  const text = value?.trim();
  if (!text) return null;
  try {
    const parsed = new URL(text, base);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** True when a width or height attribute says the image is smaller than a lead image can be. */
function isSmall(img: Element): boolean {
  for (const attr of ['width', 'height']) {
    const value = Number.parseInt(img.getAttribute(attr) ?? '', 10);
    if (!Number.isNaN(value) && value < MIN_LEAD_IMAGE_SIDE) return true;
  }
  return false;
}

function firstSrcsetUrl(srcset: string | null): string | null {
  const first = srcset?.split(',')[0]?.trim().split(/\s+/)[0];
  return first || null;
}
