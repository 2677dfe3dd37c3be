/**
 * Feeds in the background worker: one fetch with conditional GET and a streaming size cap
 * (`fetch-feed`), the refresh schedule as a pure transition with back-off, Retry-After and 410
 * (`fetch-state`), and one subscription refreshed end to end (`refresh`). Parsing and importing
 * are DOM-free and live in lib/shared/feeds.
 */
export { FETCH_TIMEOUT_MS, type FetchFeedOptions, type FetchOutcome, type FetchTarget, fetchFeed } from './fetch-feed';
export {
  backoffMs,
  type FetchEvent,
  isDue,
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
  nextDueAt,
  nextFetchState,
  parseRetryAfter,
} from './fetch-state';
export { type RefreshDeps, type RefreshResult, refreshSubscription } from './refresh';
