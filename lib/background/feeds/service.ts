/**
 * The feeds the library subscribes to, run from the background: subscribe (fetch and read the
 * feed now, so a wrong address is refused at once with its named error instead of stored),
 * refresh (one, all, or the due ones when the alarm fires), unsubscribe (optionally removing the
 * feed's articles; highlighted ones always stay). Refreshes of one feed never overlap; a failing
 * feed records its error and backs off while the others carry on. Entries become articles through
 * the shared importer (the one validator, the injected sanitizer), and the library's own write
 * path takes them to the search index and the sync outbox.
 */
import type { Article, ArticleMeta, Subscription, UpsertOutcome } from '../../model';
import { articleIdFor } from '../../shared/article/ids';
import type { FullTextResult } from '../../shared/feeds/full-text';
import { newSubscription } from '../../shared/feeds/subscription';
import type { SubscribeResult, UnsubscribeResult } from '../../shared/messaging';
import type { Library } from '../../storage';
import type { HtmlPreparer, PageExtractor } from '../html-preparer';
import type { FetchFeedOptions } from './fetch-feed';
import type { FetchPageOptions } from './fetch-page';
import { isDue, nextDueAt } from './fetch-state';
import { fetchFullText, fetchNewFullTexts } from './full-text';
import { type RefreshResult, refreshSubscription } from './refresh';

/** What the service needs from its host. */
export interface FeedServiceDeps {
  library: Promise<Library>;
  prepare: HtmlPreparer;
  now?: () => number;
  /** Told when the earliest due time changes (null: nothing is due ever): sets the one alarm. */
  schedule?: (at: number | null) => void | Promise<void>;
  fetch?: FetchFeedOptions;
  /** Extracts a fetched page's article ("Fetch full text"; absent: that answers not-available). */
  extract?: PageExtractor;
  pageFetch?: FetchPageOptions;
}

/** The feeds service: what the message handlers and the alarm call. */
export interface FeedService {
  subscribe(url: string): Promise<SubscribeResult>;
  list(): Promise<Subscription[]>;
  /** Refreshes one feed (`id`) or every feed (`null`), due or not; answers the list after. */
  refresh(id: string | null): Promise<Subscription[]>;
  /** Sets how often feed `id` is checked; its next check moves to match. Answers the list after. */
  setInterval(id: string, intervalMinutes: number): Promise<Subscription[]>;
  /** Refreshes the feeds that are due at this moment (the alarm). */
  refreshDue(): Promise<void>;
  unsubscribe(id: string, keepArticles: boolean): Promise<UnsubscribeResult>;
  /** Sets the alarm from the stored schedule (start-up: the worker may have been stopped). */
  reschedule(): Promise<void>;
  /** Fetches the full text of feed article `articleId` into its body. */
  fullText(articleId: string): Promise<FullTextResult>;
  /** Whether refreshes of feed `id` fetch the full text of its new summary-only entries. */
  setFullText(id: string, fullText: boolean): Promise<Subscription[]>;
}

/** A feed service over `deps`. */
export function createFeedService(deps: FeedServiceDeps): FeedService {
  const now = deps.now ?? Date.now;
  const running = new Map<string, Promise<RefreshResult>>();
  const fullTextDeps = {
    extract: deps.extract ?? (async () => Promise.reject(new Error('no DOM to extract pages in'))),
    fetch: deps.pageFetch,
  };

  const reschedule = async () => {
    const subscriptions = await (await deps.library).listSubscriptions();
    await deps.schedule?.(nextDueAt(subscriptions.map((s) => s.fetch)));
  };

  /**
   * Stores a feed's entry. A feed updates only the articles it brought in itself: an entry's
   * link can name any page (a hostile feed, or an honest one carrying summaries of posts the
   * reader saved in full), and its id is then that page's id. An article the reader saved
   * another way, or another feed brought in, is left exactly as it is. An entry the reader
   * deleted stays deleted when the next refresh lists it again. A body that is the page's full
   * text (fetched for the reader) is never replaced by the entry's summary again.
   */
  const storeEntry = async (
    lib: Library,
    feedId: string,
    article: Article,
    entry: { hasFullContent: boolean },
  ): Promise<UpsertOutcome> => {
    const existing = await lib.getArticleMeta(article.id);
    if (existing && !(await feedOwns(lib, feedId, existing, article))) return 'unchanged';
    if (existing && !entry.hasFullContent && (await lib.feedLinkOf(existing.id))?.fullTextAt !== undefined) {
      return 'unchanged';
    }
    const outcome = await lib.upsertArticle(article, { keepDeleted: true });
    if (outcome !== 'deleted-before') await lib.linkFeedArticles(feedId, [article.id]);
    return outcome;
  };

  /** One refresh of `subscription`, joined by any caller asking while it runs. */
  const refreshOne = (subscription: Subscription): Promise<RefreshResult> => {
    const pending = running.get(subscription.id);
    if (pending) return pending;
    const run = (async () => {
      const lib = await deps.library;
      const result = await refreshSubscription(subscription, {
        prepare: (html, baseUrl) => deps.prepare(html, baseUrl),
        store: (article, entry) => storeEntry(lib, subscription.id, article, entry),
        now,
        fetch: deps.fetch,
      });
      // Feeds asking for it get their new summary-only entries' pages (never failing the refresh).
      if (subscription.fullText && result.report) {
        const fullText = await fetchNewFullTexts(lib, result.report, fullTextDeps);
        const fetch = { ...result.subscription.fetch, fullTextFailed: fullText.failed.length };
        return { ...result, subscription: { ...result.subscription, fetch }, fullText };
      }
      return result;
    })().finally(() => running.delete(subscription.id));
    running.set(subscription.id, run);
    return run;
  };

  /**
   * Stores what a refresh learnt, unless the reader unsubscribed meanwhile; settings the reader
   * changed while it ran stay as they are now.
   */
  const keep = async ({ subscription }: RefreshResult) => {
    await (await deps.library).putSubscription(subscription, { asRefresh: true });
  };

  const refreshAll = async (pick: (s: Subscription) => boolean) => {
    const lib = await deps.library;
    const chosen = (await lib.listSubscriptions()).filter(pick);
    // Feeds one after the other: each import already runs its entries concurrently.
    for (const subscription of chosen) await keep(await refreshOne(subscription));
    await reschedule();
    return lib.listSubscriptions();
  };

  return {
    async subscribe(url) {
      const lib = await deps.library;
      const fresh = await newSubscription(url, now());
      if (fresh === null) return { ok: false, error: { code: 'not-a-feed', detail: 'not an http(s) address' } };
      const existing = await lib.getSubscription(fresh.id);
      const result = await refreshOne(existing ?? fresh);
      const { subscription, report } = result;
      const error = subscription.fetch.lastError;
      // A new address that cannot be read is refused and nothing is stored.
      if (existing === undefined && (report === null || error !== null)) {
        return { ok: false, error: error ?? { code: 'not-a-feed', detail: 'nothing read' } };
      }
      if (existing === undefined) await lib.putSubscription(subscription);
      await keep(result);
      await reschedule();
      // A known feed that fails now keeps its subscription (and its error in its status line).
      if (error !== null) return { ok: false, error };
      const stored = (await lib.getSubscription(subscription.id)) ?? subscription;
      return { ok: true, subscription: stored, created: report?.created ?? 0, existed: existing !== undefined };
    },
    list: async () => (await deps.library).listSubscriptions(),
    refresh: (id) => refreshAll((s) => id === null || s.id === id),
    async setInterval(id, intervalMinutes) {
      const lib = await deps.library;
      const subscription = await lib.getSubscription(id);
      if (subscription === undefined) throw new Error('No such subscription.');
      const { fetch } = subscription;
      // A feed backing off after failures keeps its wait; a healthy one is due an interval
      // after its last check.
      const healthy = fetch.failures === 0 && !fetch.gone && fetch.lastChecked !== null;
      const nextCheck = healthy ? (fetch.lastChecked ?? 0) + intervalMinutes * 60_000 : fetch.nextCheck;
      await lib.putSubscription({ ...subscription, intervalMinutes, fetch: { ...fetch, nextCheck } });
      await reschedule();
      return lib.listSubscriptions();
    },
    async refreshDue() {
      const at = now();
      await refreshAll((s) => isDue(s.fetch, at));
    },
    async unsubscribe(id, keepArticles) {
      const lib = await deps.library;
      const articleIds = await lib.feedArticleIds(id);
      let removed = 0;
      if (!keepArticles) {
        for (const articleId of articleIds) {
          const meta = await lib.getArticleMeta(articleId);
          // Highlighted articles, and articles saved some other way too, always stay.
          if (meta?.origin !== 'feed' || (await lib.countHighlights(articleId)) > 0) continue;
          if (await lib.deleteArticle(articleId, now())) removed += 1;
        }
      }
      const existed = await lib.deleteSubscription(id);
      await reschedule();
      return { existed, removed, kept: articleIds.length - removed };
    },
    reschedule,
    fullText: async (articleId) => fetchFullText(await deps.library, articleId, fullTextDeps),
    async setFullText(id, fullText) {
      const lib = await deps.library;
      const subscription = await lib.getSubscription(id);
      if (subscription === undefined) throw new Error('No such subscription.');
      await lib.putSubscription({ ...subscription, fullText });
      return lib.listSubscriptions();
    },
  };
}

/**
 * Whether feed `feedId` may update `existing`, the article its entry `article` names. Only a
 * feed's own article: one linked to it, or an unlinked feed article (kept when the reader
 * unsubscribed, or come by sync) whose id is scoped by this subscription, which no other feed
 * can produce. An id taken from the entry's link could be any page's, so it is never adopted.
 */
async function feedOwns(lib: Library, feedId: string, existing: ArticleMeta, article: Article): Promise<boolean> {
  if (existing.origin !== 'feed') return false;
  const owner = await lib.feedOfArticle(existing.id);
  if (owner !== undefined) return owner === feedId;
  if (article.url === null) return true;
  return article.id !== (await articleIdFor({ url: article.url, title: article.title, published: null, source: null }));
}
