/**
 * Feed subscriptions as sync replicas (lib/model/merge.ts): the address and the reader's choices
 * travel — interval and full text, subscribed or not — so a feed subscribed on one device is
 * refreshed on every device, and an unsubscribe holds everywhere. What a refresh learns (title,
 * site, conditional-GET validators, errors) stays each device's own: every device reads the feed
 * itself, and a subscription that arrives starts with a fresh fetch state, due at once.
 */
import type { IDBPTransaction } from 'idb';
import {
  DEFAULT_FEED_INTERVAL_MINUTES,
  type FeedFetchState,
  initialFetchState,
  type ReplicatedSubscription,
  type Subscription,
  type SubscriptionStamps,
  type SubscriptionTombstone,
} from '../model';
import { legacyStamp } from './clock';
import type { GlossaSchema } from './schema';

/** A read-write transaction over the stores a subscription's replica lives in. */
export type SubscriptionTx = IDBPTransaction<
  GlossaSchema,
  ('subscriptions' | 'subscriptionTombstones' | 'feedArticles' | 'outbox' | 'meta')[],
  'readwrite'
>;

/** The stamps of a stored subscription; one saved before subscriptions synced gets the oldest stamp. */
export function subscriptionStampsOf(sub: Subscription): SubscriptionStamps {
  const oldest = legacyStamp(0);
  return sub.stamps ?? { intervalMinutes: oldest, fullText: oldest, deleted: oldest };
}

/** A stored subscription in replica form. */
export function subscriptionReplica(sub: Subscription): ReplicatedSubscription {
  const stamps = subscriptionStampsOf(sub);
  return {
    id: sub.id,
    url: sub.url,
    intervalMinutes: { value: sub.intervalMinutes, stamp: stamps.intervalMinutes },
    fullText: { value: sub.fullText, stamp: stamps.fullText },
    deleted: { value: false, stamp: stamps.deleted },
  };
}

/** What an unsubscribed feed replicates as: the unsubscribe, and nothing of its settings. */
export function subscriptionTombstoneReplica(t: SubscriptionTombstone): ReplicatedSubscription {
  return {
    id: t.id,
    url: t.url,
    intervalMinutes: { value: DEFAULT_FEED_INTERVAL_MINUTES, stamp: '' },
    fullText: { value: false, stamp: '' },
    deleted: { value: true, stamp: t.stamp },
  };
}

/** A healthy feed's next check moved to its new interval (a failing one keeps its back-off). */
export function rescheduled(fetch: FeedFetchState, from: number, to: number): FeedFetchState {
  const healthy = fetch.failures === 0 && !fetch.gone && fetch.lastChecked !== null;
  return from !== to && healthy ? { ...fetch, nextCheck: (fetch.lastChecked ?? 0) + to * 60_000 } : fetch;
}

/** The local replica of subscription `id`, or null when this device never had it. */
export async function localSubscription(tx: SubscriptionTx, id: string): Promise<ReplicatedSubscription | null> {
  const [sub, tombstone] = await Promise.all([
    tx.objectStore('subscriptions').get(id),
    tx.objectStore('subscriptionTombstones').get(id),
  ]);
  if (sub) return subscriptionReplica(sub);
  return tombstone ? subscriptionTombstoneReplica(tombstone) : null;
}

/** The replica as the library will hold it: a deleted subscription keeps only its tombstone. */
export function storedForm(merged: ReplicatedSubscription, now: number): ReplicatedSubscription {
  if (!merged.deleted.value) return merged;
  return subscriptionTombstoneReplica({ id: merged.id, url: merged.url, stamp: merged.deleted.stamp, deletedAt: now });
}

/**
 * Writes a merged subscription: settings onto the stored one (its fetch state kept, the next
 * check moved by a new interval), a new one due at once, or the unsubscribe (record and article
 * links gone, the articles themselves kept, the tombstone written).
 */
export async function writeSubscription(tx: SubscriptionTx, r: ReplicatedSubscription, now: number): Promise<void> {
  const subscriptions = tx.objectStore('subscriptions');
  const tombstones = tx.objectStore('subscriptionTombstones');
  if (r.deleted.value) {
    void subscriptions.delete(r.id);
    const links = tx.objectStore('feedArticles');
    for (const key of await links.index('byFeed').getAllKeys(r.id)) void links.delete(key);
    void tombstones.put({ id: r.id, url: r.url, stamp: r.deleted.stamp, deletedAt: now });
    return;
  }
  const intervalMinutes = r.intervalMinutes.value;
  const fullText = r.fullText.value;
  const stamps = { intervalMinutes: r.intervalMinutes.stamp, fullText: r.fullText.stamp, deleted: r.deleted.stamp };
  const stored = await subscriptions.get(r.id);
  if (stored) {
    const fetch = rescheduled(stored.fetch, stored.intervalMinutes, intervalMinutes);
    void subscriptions.put({ ...stored, intervalMinutes, fullText, fetch, stamps });
  } else {
    const fresh: Subscription = {
      id: r.id,
      url: r.url,
      title: '',
      siteUrl: null,
      intervalMinutes,
      fullText,
      fetch: initialFetchState(now),
      stamps,
    };
    void subscriptions.put(fresh);
  }
  void tombstones.delete(r.id);
}
