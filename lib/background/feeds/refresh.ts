/**
 * One refresh of one subscription, end to end: fetch (conditional), decode, parse, import the
 * entries, and the subscription's next fetch state. Returns the updated subscription instead of
 * storing it, so the caller (the alarm handler, "Refresh now") decides where it lives; a failing
 * feed never throws, it only records its error and backs off, and the others carry on.
 */
import type { Subscription } from '../../model';
import { decodeFeedBytes } from '../../shared/feeds/decode';
import { type FeedImportDeps, type FeedImportReport, importFeedEntries } from '../../shared/feeds/feed-import';
import { parseFeedText } from '../../shared/feeds/parse-feed';
import { type FetchFeedOptions, fetchFeed } from './fetch-feed';
import { type FetchEvent, nextFetchState } from './fetch-state';
import type { FullTextSummary } from './full-text';

/** What a refresh needs: the importer's host functions plus fetch knobs. */
export interface RefreshDeps extends FeedImportDeps {
  fetch?: FetchFeedOptions;
}

/** The subscription after the refresh, and the import report when entries were read. */
export interface RefreshResult {
  subscription: Subscription;
  report: FeedImportReport | null;
  /** The full texts fetched after it (feeds with `fullText` on): each failure recorded by article. */
  fullText?: FullTextSummary;
}

/** Refreshes `subscription` once. Never rejects. */
export async function refreshSubscription(subscription: Subscription, deps: RefreshDeps): Promise<RefreshResult> {
  const { url, fetch: state } = subscription;
  const outcome = await fetchFeed({ url, etag: state.etag, lastModified: state.lastModified }, deps.fetch);
  const done = (event: FetchEvent, report: FeedImportReport | null = null, patch: Partial<Subscription> = {}) => ({
    subscription: {
      ...subscription,
      ...patch,
      fetch: nextFetchState(state, event, deps.now(), subscription.intervalMinutes),
    },
    report,
  });
  if (outcome.kind !== 'fetched') return done(outcome);
  const text = decodeFeedBytes(outcome.bytes, outcome.contentType);
  if (!text.ok) return done({ kind: 'failed', error: text.error, retryAfterMs: null });
  const feed = parseFeedText(text.value, outcome.finalUrl);
  if (!feed.ok) return done({ kind: 'failed', error: feed.error, retryAfterMs: null });
  const title = subscription.title || feed.value.title;
  const report = await importFeedEntries(feed.value, { subscriptionId: subscription.id, title }, deps);
  return done(
    { kind: 'fetched', etag: outcome.etag, lastModified: outcome.lastModified, newItems: report.created },
    report,
    { title, siteUrl: subscription.siteUrl ?? feed.value.siteUrl },
  );
}
