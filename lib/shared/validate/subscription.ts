/**
 * A feed subscription that arrives from outside — a sync peer's document, a backup, a message
 * from an extension page — checked field by field and rebuilt from what passed, or refused with
 * the reason. The tables are keyed by the record types, so a field added to `Subscription` or
 * `FeedFetchState` fails to compile here until someone decides how to check it.
 */
import {
  err,
  type FeedError,
  type FeedErrorCode,
  type FeedFetchState,
  ok,
  type Result,
  type Subscription,
} from '../../model';
import { httpUrl, recordId } from './fields';
import { isCount, isRecord, isText } from './guards';
import { LIMITS } from './limits';

type Check = (value: unknown) => boolean;

/** Shortest and longest refresh interval a subscription may ask for (minutes): 5 min to a week. */
export const MIN_FEED_INTERVAL = 5;
export const MAX_FEED_INTERVAL = 7 * 24 * 60;

const ERROR_CODES = [
  'not-a-feed',
  'broken-xml',
  'entity-declaration',
  'too-large',
  'too-many-items',
  'unknown-encoding',
  'http-status',
  'timeout',
  'network',
  'gone',
] as const satisfies readonly FeedErrorCode[];

/** A subscription id (`s_…`), or undefined. */
const subscriptionId = (v: unknown): string | undefined =>
  typeof v === 'string' && v.startsWith('s_') ? recordId(v) : undefined;

/** A sync stamp as stored (its plausibility is the merge's business; here only its shape). */
const isStamp = (v: unknown): v is string => typeof v === 'string' && v.length <= 64;
const countOrNull: Check = (v) => v === null || isCount(v);
const textOrNull =
  (max: number): Check =>
  (v) =>
    v === null || isText(v, max);
const feedError: Check = (v) =>
  v === null || (isRecord(v) && (ERROR_CODES as readonly unknown[]).includes(v.code) && isText(v.detail, 1000));

const FETCH_CHECKS = {
  lastChecked: countOrNull,
  lastSuccess: countOrNull,
  // Validators are opaque server strings; real ones are short.
  etag: textOrNull(1024),
  lastModified: textOrNull(128),
  failures: isCount,
  nextCheck: countOrNull,
  lastError: feedError,
  newItems: isCount,
  fullTextFailed: (v) => v === undefined || isCount(v),
  gone: (v) => typeof v === 'boolean',
} as const satisfies Record<keyof FeedFetchState, Check>;

const SUBSCRIPTION_CHECKS = {
  id: (v) => subscriptionId(v) !== undefined,
  url: (v) => httpUrl(v) !== undefined,
  title: (v) => isText(v, LIMITS.title),
  siteUrl: (v) => v === null || httpUrl(v) !== undefined,
  intervalMinutes: (v) =>
    Number.isInteger(v) && (v as number) >= MIN_FEED_INTERVAL && (v as number) <= MAX_FEED_INTERVAL,
  fullText: (v) => typeof v === 'boolean',
  fetch: (v) => isRecord(v),
  stamps: (v) =>
    v === undefined || (isRecord(v) && isStamp(v.intervalMinutes) && isStamp(v.fullText) && isStamp(v.deleted)),
} as const satisfies Record<keyof Subscription, Check>;

/** Copies exactly the checked fields of `value`, or names the first that failed. */
function rebuild<T>(value: Record<string, unknown>, checks: Record<string, Check>, where: string): Result<T, string> {
  const out: Record<string, unknown> = {};
  for (const [field, check] of Object.entries(checks)) {
    if (!check(value[field])) return err(`field "${where}${field}" is missing or invalid`);
    // An optional field that is absent stays absent.
    if (value[field] !== undefined) out[field] = value[field];
  }
  return ok(out as T);
}

/** A subscription, rebuilt from its checked fields, or why it was refused. */
export function checkSubscription(value: unknown): Result<Subscription, string> {
  if (!isRecord(value)) return err('not an object');
  const sub = rebuild<Subscription>(value, SUBSCRIPTION_CHECKS, '');
  if (!sub.ok) return sub;
  const fetch = rebuild<FeedFetchState>(value.fetch as Record<string, unknown>, FETCH_CHECKS, 'fetch.');
  if (!fetch.ok) return fetch;
  const lastError = fetch.value.lastError as FeedError | null;
  const { stamps } = sub.value;
  return ok({
    ...sub.value,
    ...(stamps
      ? { stamps: { intervalMinutes: stamps.intervalMinutes, fullText: stamps.fullText, deleted: stamps.deleted } }
      : {}),
    fetch: {
      ...fetch.value,
      lastError: lastError === null ? null : { code: lastError.code, detail: lastError.detail },
    },
  });
}

/** The `feeds/subscribe` payload: an http(s) address. */
export function checkSubscribeRequest(value: unknown): Result<{ url: string }, string> {
  if (!isRecord(value)) return err('not an object');
  const url = httpUrl(value.url);
  return url === undefined ? err('field "url" is not an http(s) address') : ok({ url: url.trim() });
}

/** The `feeds/refresh` payload: one subscription's id, or null for every feed. */
export function checkRefreshRequest(value: unknown): Result<{ id: string | null }, string> {
  if (!isRecord(value)) return err('not an object');
  if (value.id === null) return ok({ id: null });
  const id = subscriptionId(value.id);
  return id === undefined ? err('field "id" is not a subscription id') : ok({ id });
}

/** The `feeds/unsubscribe` payload: a subscription's id and what becomes of its articles. */
export function checkUnsubscribeRequest(value: unknown): Result<{ id: string; keepArticles: boolean }, string> {
  if (!isRecord(value)) return err('not an object');
  const id = subscriptionId(value.id);
  if (id === undefined) return err('field "id" is not a subscription id');
  if (typeof value.keepArticles !== 'boolean') return err('field "keepArticles" is missing or invalid');
  return ok({ id, keepArticles: value.keepArticles });
}

/** The `feeds/interval` payload: a subscription's id and a whole number of minutes in range. */
export function checkIntervalRequest(value: unknown): Result<{ id: string; intervalMinutes: number }, string> {
  if (!isRecord(value)) return err('not an object');
  const id = subscriptionId(value.id);
  if (id === undefined) return err('field "id" is not a subscription id');
  if (!SUBSCRIPTION_CHECKS.intervalMinutes(value.intervalMinutes))
    return err('field "intervalMinutes" is out of range');
  return ok({ id, intervalMinutes: value.intervalMinutes as number });
}

/** The `feeds/full-text` payload: an article's id. */
export function checkFullTextRequest(value: unknown): Result<{ articleId: string }, string> {
  if (!isRecord(value)) return err('not an object');
  const articleId = recordId(value.articleId);
  return articleId === undefined ? err('field "articleId" is not an article id') : ok({ articleId });
}

/** The `feeds/full-text-setting` payload: a subscription's id and whether it fetches full text. */
export function checkFullTextSettingRequest(value: unknown): Result<{ id: string; fullText: boolean }, string> {
  if (!isRecord(value)) return err('not an object');
  const id = subscriptionId(value.id);
  if (id === undefined) return err('field "id" is not a subscription id');
  if (typeof value.fullText !== 'boolean') return err('field "fullText" is missing or invalid');
  return ok({ id, fullText: value.fullText });
}
