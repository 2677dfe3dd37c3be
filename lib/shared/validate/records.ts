/**
 * Checks stored-shape records that arrive from outside — a backup file from anywhere (an older
 * Glossa, another device, a hand edit, an attacker) — before they reach the library: every
 * field's type, size and form checked against the one table of limits (the same checks sync
 * documents pass: article.ts), unknown fields dropped, and a record that fails skipped with a
 * reason rather than stored half-valid. The tables are keyed by the record types, so adding a
 * field to `ArticleMeta` fails to compile here until someone decides how to check it.
 */

import {
  ARTICLE_SCHEMA,
  type Article,
  type ArticleMeta,
  type ArticleSource,
  type ArticleStamps,
  type ArticleTombstone,
  err,
  HIGHLIGHT_SCHEMA,
  type Highlight,
  type HighlightStamps,
  ok,
  plausible,
  type Result,
} from '../../model';
import { checkArticleSource, isNameList } from './article';
import { recordId } from './fields';
import { isRecord } from './guards';
import { validateHighlight } from './highlight';

type Check = (value: unknown) => boolean;

const count: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * How each field of a stored article meta that is not a source field is checked (the source
 * fields, body included, by `checkArticleSource`; `stamps` separately, below).
 */
const META_CHECKS = {
  schema: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= ARTICLE_SCHEMA,
  id: (v) => recordId(v) !== undefined,
  tags: isNameList,
  savedAt: count,
  updatedAt: count,
  archived: (v) => typeof v === 'boolean',
} as const satisfies Record<Exclude<keyof ArticleMeta, 'stamps' | keyof ArticleSource>, Check>;

const ARTICLE_STAMP_KEYS = [
  'source',
  'tags',
  'archived',
  'deleted',
] as const satisfies readonly (keyof ArticleStamps)[];
const HIGHLIGHT_STAMP_KEYS = [
  'color',
  'note',
  'selectors',
  'deleted',
] as const satisfies readonly (keyof HighlightStamps)[];

/**
 * A well-formed clock stamp not implausibly far ahead: a crafted file's year-9999 stamps would
 * otherwise win every merge, its tombstones included (sync documents pass the same check).
 */
function isStamp(value: unknown): value is string {
  return typeof value === 'string' && plausible(value);
}

/** `stamps` rebuilt from exactly `keys`, each a well-formed HLC stamp; absent is fine (storage fills it in). */
function stampsOf<K extends string>(value: unknown, keys: readonly K[]): Result<Record<K, string> | undefined, string> {
  if (value === undefined) return ok(undefined);
  if (!isRecord(value)) return err('stamps is not an object');
  const stamps = {} as Record<K, string>;
  for (const key of keys) {
    const stamp = value[key];
    if (!isStamp(stamp)) return err(`stamps.${key} is not a clock stamp`);
    stamps[key] = stamp;
  }
  return ok(stamps);
}

/** One backup article (meta and body), rebuilt from its checked fields, or why it was refused. */
export function checkArticle(value: unknown): Result<Article, string> {
  if (!isRecord(value)) return err('not an object');
  const meta: Record<string, unknown> = {};
  for (const [field, check] of Object.entries(META_CHECKS) as [keyof typeof META_CHECKS, Check][]) {
    if (!check(value[field])) return err(`field "${field}" is missing or invalid`);
    meta[field] = Array.isArray(value[field]) ? [...(value[field] as string[])] : value[field];
  }
  const source = checkArticleSource(value);
  if (!source.ok) return source;
  const stamps = stampsOf(value.stamps, ARTICLE_STAMP_KEYS);
  if (!stamps.ok) return err(stamps.error);
  const article = { ...meta, ...source.value } as Article;
  if (stamps.value) article.stamps = stamps.value;
  return ok(article);
}

/** One backup highlight (tombstones too), rebuilt from its checked fields, or why it was refused. */
export function checkHighlight(value: unknown): Result<Highlight, string> {
  if (!isRecord(value)) return err('not an object');
  if (!Number.isInteger(value.schema) || (value.schema as number) < 1 || (value.schema as number) > HIGHLIGHT_SCHEMA) {
    return err('unknown record version');
  }
  const highlight = validateHighlight(value);
  if (!highlight) return err('a field is missing or invalid');
  const stamps = stampsOf(value.stamps, HIGHLIGHT_STAMP_KEYS);
  if (!stamps.ok) return err(stamps.error);
  if (stamps.value) highlight.stamps = stamps.value;
  return ok(highlight);
}

/** One deleted article's tombstone, or why it was refused. */
export function checkTombstone(value: unknown): Result<ArticleTombstone, string> {
  if (!isRecord(value)) return err('not an object');
  if (recordId(value.id) === undefined) return err('field "id" is missing or invalid');
  if (!isStamp(value.stamp)) return err('field "stamp" is not a clock stamp');
  if (!count(value.deletedAt)) return err('field "deletedAt" is missing or invalid');
  return ok({ id: value.id as string, stamp: value.stamp, deletedAt: value.deletedAt as number });
}
