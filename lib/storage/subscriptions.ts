/**
 * Feed subscriptions, and which articles each feed brought in. Subscriptions are their own
 * records (the scheduler rewrites their fetch state every refresh, which must not touch the
 * articles). The article ↔ feed link lives in `feedArticles` rather than on the article, so the
 * article's shape (sync documents, backups, stamps) stays as it is; it is what "Unsubscribe and
 * remove its articles" and a per-feed filter read.
 */
import type { IDBPDatabase } from 'idb';
import type { Subscription, SubscriptionStamps } from '../model';
import { type MetaStore, stamper } from './clock';
import type { FeedArticleLink, GlossaSchema } from './schema';
import { outboxKey } from './stamping';
import {
  rescheduled,
  type SubscriptionTx,
  subscriptionReplica,
  subscriptionStampsOf,
  writeSubscription,
} from './subscription-replicas';

type Db = IDBPDatabase<GlossaSchema>;

const subscriptionTx = (db: Db): SubscriptionTx =>
  db.transaction(['subscriptions', 'subscriptionTombstones', 'feedArticles', 'outbox', 'meta'], 'readwrite');

/**
 * Stores (or replaces) a subscription. The reader's own write (subscribe, a new interval or full
 * text setting) is stamped and queued for sync. With `asRefresh`, it is what a refresh learnt
 * (title, site, fetch state) about a subscription read when the refresh began, written in one
 * transaction over what is stored now: the reader's settings as stored win (a change of interval
 * or of full text made while the refresh ran stays), and one deleted meanwhile stays deleted.
 */
export async function putSubscription(
  db: Db,
  subscription: Subscription,
  { asRefresh = false }: { asRefresh?: boolean } = {},
): Promise<void> {
  const tx = subscriptionTx(db);
  const subscriptions = tx.objectStore('subscriptions');
  const stored = await subscriptions.get(subscription.id);
  if (asRefresh) {
    if (stored !== undefined) {
      const { intervalMinutes, fullText } = stored;
      const fetch = rescheduled(subscription.fetch, subscription.intervalMinutes, intervalMinutes);
      const record: Subscription = { ...subscription, intervalMinutes, fullText, fetch };
      if (stored.stamps) record.stamps = stored.stamps;
      else delete record.stamps;
      void subscriptions.put(record);
    }
    await tx.done;
    return;
  }
  const clock = stamper(tx.objectStore('meta') as unknown as MetaStore);
  const before = stored ? subscriptionStampsOf(stored) : null;
  const changed = (['intervalMinutes', 'fullText'] as const).filter((f) => stored && stored[f] !== subscription[f]);
  let stamps = before;
  if (!stamps || changed.length > 0) {
    const stamp = await clock.next();
    stamps = { intervalMinutes: stamp, fullText: stamp, deleted: stamp, ...before };
    for (const field of changed) stamps[field] = stamp;
    void tx.objectStore('outbox').put({ key: outboxKey('subscription', subscription.id), stamp });
  }
  void subscriptions.put({ ...subscription, stamps: stamps as SubscriptionStamps });
  void tx.objectStore('subscriptionTombstones').delete(subscription.id);
  await tx.done;
}

/** One subscription, if stored. */
export function getSubscription(db: Db, id: string): Promise<Subscription | undefined> {
  return db.get('subscriptions', id);
}

/** Every subscription, by title then address (the options page's order). */
export async function listSubscriptions(db: Db): Promise<Subscription[]> {
  const all = await db.getAll('subscriptions');
  return all.sort((a, b) => a.title.localeCompare(b.title) || a.url.localeCompare(b.url));
}

/**
 * Unsubscribes: removes the subscription and its article links (the articles themselves stay),
 * leaving a stamped tombstone queued for sync; true if it existed.
 */
export async function deleteSubscription(db: Db, id: string): Promise<boolean> {
  const tx = subscriptionTx(db);
  const stored = await tx.objectStore('subscriptions').get(id);
  if (stored) {
    const stamp = await stamper(tx.objectStore('meta') as unknown as MetaStore).next();
    await writeSubscription(tx, { ...subscriptionReplica(stored), deleted: { value: true, stamp } }, Date.now());
    void tx.objectStore('outbox').put({ key: outboxKey('subscription', id), stamp });
  }
  await tx.done;
  return stored !== undefined;
}

/**
 * Records that feed `feedId` brought in these articles (an article belongs to its latest feed).
 * What the link knows of the article (read, full text fetched) stays when a refresh brings its
 * entry again.
 */
export async function linkFeedArticles(db: Db, feedId: string, articleIds: readonly string[]): Promise<void> {
  const tx = db.transaction('feedArticles', 'readwrite');
  for (const articleId of articleIds) {
    const before = await tx.store.get(articleId);
    void tx.store.put({ ...before, articleId, feedId });
  }
  await tx.done;
}

/** Records that feed article `articleId` now holds its page's full text; false if no feed holds it. */
export async function markFullText(db: Db, articleId: string, at: number): Promise<boolean> {
  const tx = db.transaction('feedArticles', 'readwrite');
  const link = await tx.store.get(articleId);
  if (link !== undefined) void tx.store.put({ ...link, fullTextAt: at });
  await tx.done;
  return link !== undefined;
}

/** The feed link of one article, if a feed holds it. */
export function feedLinkOf(db: Db, articleId: string): Promise<FeedArticleLink | undefined> {
  return db.get('feedArticles', articleId);
}

/** Every article ↔ feed link, with its read state (the popup's feed and unread filters). */
export function allFeedLinks(db: Db): Promise<FeedArticleLink[]> {
  return db.getAll('feedArticles');
}

/**
 * Marks these feed articles read at `at`; an article that no feed brought in, or one read
 * already, is left as it is. Answers the ids it marked.
 */
export async function markFeedArticlesRead(db: Db, articleIds: readonly string[], at: number): Promise<string[]> {
  const tx = db.transaction('feedArticles', 'readwrite');
  const marked: string[] = [];
  for (const articleId of articleIds) {
    const link = await tx.store.get(articleId);
    if (link === undefined || link.readAt !== undefined) continue;
    void tx.store.put({ ...link, readAt: at });
    marked.push(articleId);
  }
  await tx.done;
  return marked;
}

/** The ids of the articles feed `feedId` brought in. */
export async function feedArticleIds(db: Db, feedId: string): Promise<string[]> {
  const links = await db.getAllFromIndex('feedArticles', 'byFeed', feedId);
  return links.map((link) => link.articleId);
}

/** The feed an article came from, if any. */
export async function feedOfArticle(db: Db, articleId: string): Promise<string | undefined> {
  return (await db.get('feedArticles', articleId))?.feedId;
}
