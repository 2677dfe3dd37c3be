/**
 * Making a subscription record. Its id derives from the feed's address (normalized as article
 * URLs are), so subscribing twice to one feed — from the options page, a page's discovery and an
 * OPML file — lands on one record, and two devices that subscribe alike agree on the id.
 */
import { DEFAULT_FEED_INTERVAL_MINUTES, initialFetchState, type Subscription } from '../../model';
import { normalizeUrl, sha256Hex } from '../article/ids';

/** Prefix of subscription ids (articles use `a_`). */
export const SUBSCRIPTION_ID_PREFIX = 's_';

/** The id of the subscription to `url`, or null when `url` is not an http(s) address. */
export async function subscriptionIdFor(url: string): Promise<string | null> {
  const normalized = normalizeUrl(url);
  if (normalized === null) return null;
  return SUBSCRIPTION_ID_PREFIX + (await sha256Hex(`feed:${normalized}`)).slice(0, 24);
}

/** A new subscription to `url`, due at once; null when `url` is not an http(s) address. */
export async function newSubscription(
  url: string,
  now: number,
  fields: Partial<Pick<Subscription, 'title' | 'siteUrl' | 'intervalMinutes' | 'fullText'>> = {},
): Promise<Subscription | null> {
  const id = await subscriptionIdFor(url);
  const normalized = normalizeUrl(url);
  if (id === null || normalized === null) return null;
  return {
    id,
    url: normalized,
    title: fields.title ?? '',
    siteUrl: fields.siteUrl ?? null,
    intervalMinutes: fields.intervalMinutes ?? DEFAULT_FEED_INTERVAL_MINUTES,
    fullText: fields.fullText ?? false,
    fetch: initialFetchState(now),
  };
}
