/**
 * Turns a parsed YAML mapping (untrusted, any shape) into the few typed fields an article needs.
 * Only named fields are read and each is copied into a fresh bounded string, so nothing from the
 * raw object — shared alias graphs of a YAML bomb, cycles, `__proto__` keys — survives into the
 * article or is ever walked or serialized.
 *
 * Policy, per field:
 * - `title` (required): text, or a number/boolean written as text; whitespace collapsed;
 *   cut to {@link MAX_TITLE}. Missing/empty → `missing-title`; a list or mapping → `invalid-field`.
 * - `categories`: a list of scalars (a single string is read as a one-item list), each cut to
 *   {@link MAX_CATEGORY}, at most {@link MAX_CATEGORIES}. A mapping or a list holding lists,
 *   mappings or nulls → `invalid-field` (positions matter: section / source / channel).
 * - `author`, `headimg`, `thumbnail`, `url`/`link`/`permalink`, `date`: optional decoration.
 *   A wrong type or an unusable value (e.g. a `javascript:` image URL) becomes `null` rather
 *   than costing the reader the article.
 */
import type { Result } from '../../model';
import { err, ok } from '../../model';
import { parsePublished } from './dates';

/** Longest title kept (code points); longer ones are cut, not refused. */
export const MAX_TITLE = 500;
/** Longest category and author name kept (code points). */
export const MAX_CATEGORY = 200;
/** Most categories kept. */
export const MAX_CATEGORIES = 32;
/** Longest URL accepted; longer ones are dropped (they are not links people write). */
export const MAX_URL = 2048;

/** The typed, bounded front-matter fields of a seed post. */
export interface PostFields {
  title: string;
  categories: string[];
  author: string | null;
  /** ISO 8601 publication date, see {@link parsePublished}. */
  published: string | null;
  /** `headimg`, when it is an http(s) URL. */
  headimg: string | null;
  /** `thumbnail`, when it is an http(s) URL. */
  thumbnail: string | null;
  /** The first of `url`, `link`, `permalink` that is an http(s) URL. */
  url: string | null;
}

/** Why a field was refused: which code and a sentence fragment naming the field. */
export interface FieldProblem {
  code: 'missing-title' | 'invalid-field';
  reason: string;
}

/** Reads and validates the fields of a front-matter mapping; see the module comment for policy. */
export function readPostFields(data: Readonly<Record<string, unknown>>): Result<PostFields, FieldProblem> {
  const title = readTitle(own(data, 'title'));
  if (!title.ok) return title;
  const categories = readCategories(own(data, 'categories'));
  if (!categories.ok) return categories;
  return ok({
    title: title.value,
    categories: categories.value,
    author: optionalText(own(data, 'author'), MAX_CATEGORY),
    published: parsePublished(own(data, 'date')),
    headimg: httpUrl(own(data, 'headimg')),
    thumbnail: httpUrl(own(data, 'thumbnail')),
    url: httpUrl(own(data, 'url')) ?? httpUrl(own(data, 'link')) ?? httpUrl(own(data, 'permalink')),
  });
}

/** Own properties only: a YAML key can never reach `Object.prototype` through us. */
function own(data: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(data, key) ? data[key] : undefined;
}

function readTitle(value: unknown): Result<string, FieldProblem> {
  if (value === undefined || value === null) {
    return err({ code: 'missing-title', reason: 'front matter has no title' });
  }
  const text = scalarText(value);
  if (text === null) {
    return err({ code: 'invalid-field', reason: `title must be text, not ${kindOf(value)}` });
  }
  const title = clean(text, MAX_TITLE);
  return title === '' ? err({ code: 'missing-title', reason: 'title is empty' }) : ok(title);
}

function readCategories(value: unknown): Result<string[], FieldProblem> {
  if (value === undefined || value === null) return ok([]);
  const single = scalarText(value);
  if (single !== null) return ok(single.trim() === '' ? [] : [clean(single, MAX_CATEGORY)]);
  if (!Array.isArray(value)) {
    return err({ code: 'invalid-field', reason: `categories must be a list of names, not ${kindOf(value)}` });
  }
  const items = value.slice(0, MAX_CATEGORIES);
  const names: string[] = [];
  for (const [index, item] of items.entries()) {
    const text = scalarText(item);
    if (text === null) {
      return err({
        code: 'invalid-field',
        reason: `categories item ${index + 1} must be a name, not ${kindOf(item)}`,
      });
    }
    names.push(clean(text, MAX_CATEGORY));
  }
  return ok(names);
}

/** Text of a YAML scalar: strings as they are, finite numbers and booleans as written. */
function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return null;
}

function optionalText(value: unknown, max: number): string | null {
  const text = scalarText(value);
  if (text === null) return null;
  const cleaned = clean(text, max);
  return cleaned === '' ? null : cleaned;
}

/** An absolute http(s) URL (protocol-relative `//host/…` read as https), else `null`. */
export function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const raw = value.trim();
  if (raw === '' || raw.length > MAX_URL) return null;
  try {
    const url = new URL(raw.startsWith('//') ? `https:${raw}` : raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Collapses whitespace (titles may wrap in YAML) and cuts to `max` code points. Only the head
 * of the input is examined, so a megabyte-long title costs no more than a short one.
 */
function clean(text: string, max: number): string {
  const head = text.length > max * 4 ? text.slice(0, max * 4) : text;
  const collapsed = head.replace(/\s+/gu, ' ').trim();
  const points = Array.from(collapsed);
  return points.length > max ? points.slice(0, max).join('').trimEnd() : collapsed;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}
