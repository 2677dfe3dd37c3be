/**
 * Small, DOM-free text helpers the feed normalizers share: resolving links against `xml:base`
 * and the feed's URL, turning HTML titles into text and plain text into HTML. They run in the
 * MV3 worker, so no DOMParser; every one is a single linear pass (regexes without nested
 * quantifiers), since their input is untrusted.
 */
import { MAX_CATEGORIES, MAX_CATEGORY, MAX_TITLE } from '../article/post-fields';

/** An absolute http(s) URL for `raw` read against `base`, or null (`javascript:`, junk, other schemes). */
export function resolveUrl(raw: string | null | undefined, base: string | null): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw.trim();
  if (value === '' || value.length > 4096) return null;
  try {
    const url = base === null ? new URL(value) : new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** `base` read against `parent` when it resolves, else `parent` (an unusable `xml:base` is ignored). */
export function resolveBase(base: string | null | undefined, parent: string | null): string | null {
  return resolveUrl(base, parent) ?? parent;
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  middot: '·',
};

/** Decodes the entities an HTML title commonly has; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Whitespace collapsed, trimmed, cut to `max` code points (only the head is ever examined). */
export function cleanText(text: string, max: number = MAX_TITLE): string {
  const head = text.length > max * 4 ? text.slice(0, max * 4) : text;
  const points = Array.from(head.replace(/\s+/gu, ' ').trim());
  return (points.length > max ? points.slice(0, max).join('') : points.join('')).trim();
}

/**
 * The text of an HTML fragment (titles of `type="html"`): tags dropped without a space (inline
 * markup inside a Chinese title must not split it), entities decoded.
 */
export function htmlToText(html: string, max: number = MAX_TITLE): string {
  // A title's markup is a few tags; reading past 20 units per kept character is reading junk.
  const head = html.length > max * 20 ? html.slice(0, max * 20) : html;
  return cleanText(decodeEntities(head.replace(/<[^<>]*>/g, '').replace(/</g, ' ')), max);
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  // Plain string replacements: a callback per character costs seconds on a 5 MB text item.
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Plain text as HTML paragraphs: blank lines split paragraphs, single newlines become `<br>`. */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((para) => para.trim())
    .filter((para) => para !== '')
    .map((para) => `<p>${escapeHtml(para).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

/**
 * Whether a body that the feed does not mark as full content (RSS `description`) is still the
 * whole article. Many feeds, RSSHub's among them, put the full HTML there; a summary is a
 * sentence or two. Measured in visible characters; CJK text is denser, so the bar is the same
 * count for both (a 300-character Chinese summary is already unusually long).
 */
export const FULL_TEXT_CHARS = 300;

/**
 * Whether `html` has at least {@link FULL_TEXT_CHARS} visible characters: one pass that skips
 * tags and whitespace and stops as soon as it has counted enough (a long body costs no more than
 * its first few hundred characters). Counts UTF-16 units; CJK text is all in the BMP.
 */
export function looksLikeFullText(html: string): boolean {
  let count = 0;
  let inTag = false;
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (inTag) inTag = c !== 0x3e; /* > */
    else if (c === 0x3c /* < */) inTag = true;
    else if (c > 0x20 && c !== 0xa0 && c !== 0x3000 && ++count >= FULL_TEXT_CHARS) return true;
  }
  return false;
}

/** Category names: cleaned, empties and repeats dropped, bounded in length and count. */
export function categoryList(names: ReadonlyArray<string | null | undefined>): string[] {
  const out: string[] = [];
  for (const name of names) {
    const clean = typeof name === 'string' ? cleanText(name, MAX_CATEGORY) : '';
    if (clean !== '' && !out.includes(clean)) out.push(clean);
    if (out.length >= MAX_CATEGORIES) break;
  }
  return out;
}
