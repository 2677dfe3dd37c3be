/**
 * Articles arriving from outside — a sync peer's document, a backup — checked field by field
 * against the one table of limits and rebuilt from what passed, with the reason when refused.
 * Links are http(s) only (a `javascript:` URL would reach the reader's "Original" link and the
 * Markdown export), images http(s) or raster `data:`, dates ISO 8601, languages BCP 47.
 */
import { type ArticleOrigin, type ArticleSource, articleSourceOf, err, ok, type Result } from '../../model';
import { httpUrl, imageUrl, isoDate, langTag, orNull } from './fields';
import { isRecord, isText } from './guards';
import { LIMITS } from './limits';

/** Where an article can come from (the `origin` field). */
const ORIGINS = ['seed', 'web', 'file', 'feed'] as const satisfies readonly ArticleOrigin[];

type Check = (v: unknown) => boolean;

const text =
  (max: number): Check =>
  (v) =>
    isText(v, max);
const textOrNull =
  (max: number): Check =>
  (v) =>
    v === null || isText(v, max);
const checked =
  <T>(check: (v: unknown) => T | undefined): Check =>
  (v) =>
    check(v) !== undefined;
/** A list of names (categories, tags). */
export const isNameList: Check = (v) => Array.isArray(v) && v.length <= LIMITS.names && v.every(text(LIMITS.name));
const count: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;

/** How each source field is checked: adding a field to the type fails to compile here. */
const SOURCE_CHECKS = {
  url: checked(orNull(httpUrl)),
  title: text(LIMITS.title),
  author: textOrNull(LIMITS.name),
  source: textOrNull(LIMITS.name),
  categories: isNameList,
  published: checked(orNull(isoDate)),
  heroImage: checked(orNull(imageUrl)),
  lang: checked(orNull(langTag)),
  dir: (v) => v === 'ltr' || v === 'rtl',
  charCount: count,
  readingMinutes: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  origin: (v) => (ORIGINS as readonly unknown[]).includes(v),
  contentHash: text(LIMITS.contentHash),
  excerpt: text(LIMITS.excerpt),
  html: text(LIMITS.html),
  text: text(LIMITS.text),
} as const satisfies Record<keyof ArticleSource, Check>;

/** The source fields of an article (its page or file, body included), rebuilt, or why refused. */
export function checkArticleSource(value: unknown): Result<ArticleSource, string> {
  if (!isRecord(value)) return err('not an object');
  for (const [field, check] of Object.entries(SOURCE_CHECKS) as [keyof ArticleSource, Check][]) {
    if (!check(value[field])) return err(`field "${field}" is missing or invalid`);
  }
  const source = articleSourceOf(value as unknown as ArticleSource);
  return ok({ ...source, categories: [...source.categories] });
}
