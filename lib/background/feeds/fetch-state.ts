/**
 * When a feed is fetched next, and what its status line says, as one pure transition: the
 * previous state plus what the last attempt did gives the next state. Kept apart from the
 * fetching so the schedule (intervals, exponential back-off, `Retry-After`, 410 Gone) is tested
 * with plain numbers, and so the alarm that drives refreshes can be rebuilt from stored state
 * after the MV3 worker stops.
 */
import type { FeedError, FeedFetchState } from '../../model';

/** Longest wait after failures, and longest a server's `Retry-After` is obeyed. */
export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;
export const MAX_RETRY_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** What one attempt did. */
export type FetchEvent =
  /** 200, parsed and imported; `newItems` entries became new articles. */
  | { kind: 'fetched'; etag: string | null; lastModified: string | null; newItems: number }
  /** 304: nothing changed since the validators we sent. */
  | { kind: 'not-modified'; etag: string | null; lastModified: string | null }
  /** 410: the feed is gone for good. */
  | { kind: 'gone' }
  /** Anything else; `retryAfterMs` when the server said when to come back. */
  | { kind: 'failed'; error: FeedError; retryAfterMs: number | null };

/**
 * The wait before the next attempt after `failures` failures in a row: the feed's own interval
 * first (a single failure is usually the network blinking), then doubling, capped at a day.
 */
export function backoffMs(failures: number, intervalMs: number): number {
  if (failures <= 0) return intervalMs;
  return Math.min(MAX_BACKOFF_MS, Math.max(intervalMs, intervalMs * 2 ** Math.min(failures - 1, 30)));
}

/** The next fetch state after `event` at `now`, for a feed refreshed every `intervalMinutes`. */
export function nextFetchState(
  state: FeedFetchState,
  event: FetchEvent,
  now: number,
  intervalMinutes: number,
): FeedFetchState {
  const intervalMs = Math.max(1, intervalMinutes) * 60_000;
  switch (event.kind) {
    case 'fetched':
      return {
        ...state,
        lastChecked: now,
        lastSuccess: now,
        etag: event.etag,
        lastModified: event.lastModified,
        failures: 0,
        nextCheck: now + intervalMs,
        lastError: null,
        newItems: event.newItems,
        // The service counts a full-text feed's failures after the fetch (feeds/service.ts).
        fullTextFailed: 0,
        gone: false,
      };
    case 'not-modified':
      return {
        ...state,
        lastChecked: now,
        lastSuccess: now,
        // A 304 may carry fresh validators; when it does not, the ones we sent still hold.
        etag: event.etag ?? state.etag,
        lastModified: event.lastModified ?? state.lastModified,
        failures: 0,
        nextCheck: now + intervalMs,
        lastError: null,
        newItems: 0,
        fullTextFailed: 0,
        gone: false,
      };
    case 'gone':
      return {
        ...state,
        lastChecked: now,
        failures: state.failures + 1,
        nextCheck: null,
        lastError: { code: 'gone', detail: 'the server says the feed is gone for good (HTTP 410)' },
        newItems: 0,
        fullTextFailed: 0,
        gone: true,
      };
    case 'failed': {
      const failures = state.failures + 1;
      const wait = Math.max(backoffMs(failures, intervalMs), Math.min(event.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
      return {
        ...state,
        lastChecked: now,
        failures,
        nextCheck: now + wait,
        lastError: event.error,
        newItems: 0,
        fullTextFailed: 0,
      };
    }
  }
}

/**
 * A `Retry-After` header in milliseconds from `now`: delay-seconds or an HTTP-date (RFC 9110
 * §10.2.3). A date in the past means "now" (0); anything unreadable, null.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  if (text.length > 64 || !/^[A-Za-z]{3},/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Whether a feed is due at `now` (never, once gone). */
export function isDue(state: FeedFetchState, now: number): boolean {
  return !state.gone && state.nextCheck !== null && state.nextCheck <= now;
}

/**
 * When the earliest of `states` is due (epoch ms), or null when none ever is: what one alarm
 * should be set to, so the schedule survives the worker stopping without an alarm per feed.
 */
export function nextDueAt(states: Iterable<FeedFetchState>): number | null {
  let earliest: number | null = null;
  for (const state of states) {
    if (state.gone || state.nextCheck === null) continue;
    if (earliest === null || state.nextCheck < earliest) earliest = state.nextCheck;
  }
  return earliest;
}
