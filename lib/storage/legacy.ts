/**
 * Turns records written by older versions (or older builds, or damaged by hand) into the
 * current shapes. Migrations must never drop a record, so these functions never throw: a
 * missing or malformed field gets a neutral default instead.
 *
 * They run inside the versionchange transaction, which commits as soon as it has no pending
 * request, so everything here is synchronous (no `crypto.subtle`, no awaits).
 */

import {
  ARTICLE_SCHEMA,
  type ArticleBody,
  type ArticleMeta,
  type ArticleOrigin,
  type ArticleStamps,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_SCHEMA,
  type Highlight,
  type HighlightColor,
  type HighlightStamps,
  type Selector,
} from '../model';
import { legacyStamp } from './clock';

/** A record as read from disk: an object of unknown fields. */
type Loose = Record<string, unknown>;

/** Characters kept for a list preview, matching what the importers write. */
const EXCERPT_LENGTH = 200;

const ORIGINS: readonly ArticleOrigin[] = ['seed', 'web', 'file', 'feed'];

/** Views any stored value as an object, so a primitive or `null` record still migrates. */
export function asLoose(value: unknown): Loose {
  return typeof value === 'object' && value !== null ? (value as Loose) : {};
}

const str = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Visible characters as ArticleMeta defines them: code points, whitespace excluded. */
function countChars(text: string): number {
  return [...text.replace(/\s+/gu, '')].length;
}

/** A preview built from the body text, for records that never had an excerpt. */
function excerptOf(text: string): string {
  return [...text.replace(/\s+/gu, ' ').trim()].slice(0, EXCERPT_LENGTH).join('');
}

/**
 * Splits a v1 `articles` record (meta and body inline) into the v2 meta and body records.
 * Unknown extra fields are carried over onto the meta record rather than lost.
 *
 * Defaults worth knowing: a missing `contentHash` becomes `''`, which never equals a real
 * hash, so the next import of that article rewrites it; a missing `readingMinutes` becomes 0
 * (estimating it needs the article module's CJK rules, which storage must not depend on).
 */
export function splitLegacyArticle(value: unknown, id: string): { meta: ArticleMeta; body: ArticleBody } {
  const { html: rawHtml, text: rawText, ...rest } = asLoose(value);
  const html = str(rawHtml, '');
  const text = str(rawText, '');
  const savedAt = num(rest.savedAt) ?? num(rest.updatedAt) ?? 0;
  const meta: ArticleMeta = {
    ...rest,
    schema: ARTICLE_SCHEMA,
    id,
    url: strOrNull(rest.url),
    title: str(rest.title, ''),
    author: strOrNull(rest.author),
    source: strOrNull(rest.source),
    categories: strings(rest.categories),
    tags: strings(rest.tags),
    published: strOrNull(rest.published),
    savedAt,
    updatedAt: num(rest.updatedAt) ?? savedAt,
    heroImage: strOrNull(rest.heroImage),
    lang: strOrNull(rest.lang),
    dir: rest.dir === 'rtl' ? 'rtl' : 'ltr',
    charCount: num(rest.charCount) ?? countChars(text),
    readingMinutes: num(rest.readingMinutes) ?? 0,
    origin: ORIGINS.find((o) => o === rest.origin) ?? 'web',
    contentHash: str(rest.contentHash, ''),
    excerpt: str(rest.excerpt, excerptOf(text)),
    archived: rest.archived === true,
  };
  meta.stamps = articleStampsOf(rest.stamps, meta.updatedAt);
  return { meta, body: { schema: ARTICLE_SCHEMA, id, html, text } };
}

/** Keeps well-formed stamps; any missing one becomes the record's legacy stamp. */
function stampsOf<K extends string>(value: unknown, keys: readonly K[], updatedAt: number): Record<K, string> {
  const raw = asLoose(value);
  const fallback = legacyStamp(updatedAt);
  return Object.fromEntries(keys.map((k) => [k, typeof raw[k] === 'string' ? raw[k] : fallback])) as Record<K, string>;
}

/** An article's stamps, filled in for records written before stamps existed. */
export function articleStampsOf(value: unknown, updatedAt: number): ArticleStamps {
  return stampsOf(value, ['source', 'tags', 'archived', 'deleted'], updatedAt);
}

/** A highlight's stamps, filled in for records written before stamps existed. */
export function highlightStampsOf(value: unknown, updatedAt: number): HighlightStamps {
  return stampsOf(value, ['color', 'note', 'selectors', 'deleted'], updatedAt);
}

/** v2 → v3 for an article meta: the same record with stamps and the current schema. */
export function stampLegacyArticle(value: unknown, id: string): ArticleMeta {
  return splitLegacyArticle(value, id).meta;
}

/** A selector with only the fields its type defines (old builds may have stored more). */
export function cleanSelector(s: Selector): Selector {
  if (s.type === 'TextQuoteSelector') return { type: s.type, exact: s.exact, prefix: s.prefix, suffix: s.suffix };
  if (s.type === 'TextPositionSelector') return { type: s.type, start: s.start, end: s.end };
  return { type: s.type, index: s.index, textHash: s.textHash };
}

/** Keeps the selectors that have a known `type`; anchoring ignores anything else anyway. */
function selectorsOf(value: unknown): Selector[] {
  if (!Array.isArray(value)) return [];
  return value.filter((s): s is Selector => {
    const type = asLoose(s).type;
    return type === 'TextQuoteSelector' || type === 'TextPositionSelector' || type === 'ParagraphSelector';
  });
}

/**
 * Fills the fields a highlight record may lack. Extra fields are kept; the tombstone flag
 * defaults to live, since a record that exists without the flag was never deleted.
 */
export function normalizeLegacyHighlight(value: unknown, id: string): Highlight {
  const raw = asLoose(value);
  const createdAt = num(raw.createdAt) ?? num(raw.updatedAt) ?? 0;
  const updatedAt = num(raw.updatedAt) ?? createdAt;
  return {
    ...raw,
    schema: HIGHLIGHT_SCHEMA,
    id,
    articleId: str(raw.articleId, ''),
    kind: raw.kind === 'paragraph-note' ? 'paragraph-note' : 'highlight',
    selectors: selectorsOf(raw.selectors),
    color: HIGHLIGHT_COLORS.find((c): c is HighlightColor => c === raw.color) ?? 'yellow',
    note: str(raw.note, ''),
    createdAt,
    updatedAt,
    deleted: raw.deleted === true,
    stamps: highlightStampsOf(raw.stamps, updatedAt),
  };
}
