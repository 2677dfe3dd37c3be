// @vitest-environment node
/**
 * The refresh schedule as a pure transition: the interval after a success or a 304, exponential
 * back-off (capped) after failures, Retry-After obeyed (capped), 410 ending the schedule.
 */
import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  type FetchEvent,
  isDue,
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
  nextDueAt,
  nextFetchState,
  parseRetryAfter,
} from '../../../../lib/background/feeds/fetch-state';
import { type FeedFetchState, initialFetchState } from '../../../../lib/model';

const MIN = 60_000;
const HOUR = 60 * MIN;
const failure: FetchEvent = { kind: 'failed', error: { code: 'network', detail: 'refused' }, retryAfterMs: null };

describe('nextFetchState', () => {
  it('schedules the next check one interval after a success, with the new validators and count', () => {
    // The last fetch's full-text failures are the service's to count again (feeds/service.ts).
    const state = nextFetchState(
      { ...initialFetchState(0), fullTextFailed: 2 },
      { kind: 'fetched', etag: '"a"', lastModified: 'x', newItems: 3 },
      1_000,
      60,
    );
    expect(state).toEqual({
      lastChecked: 1_000,
      lastSuccess: 1_000,
      etag: '"a"',
      lastModified: 'x',
      failures: 0,
      nextCheck: 1_000 + HOUR,
      lastError: null,
      newItems: 3,
      fullTextFailed: 0,
      gone: false,
    });
  });

  it('keeps the validators a 304 did not repeat', () => {
    const before: FeedFetchState = { ...initialFetchState(0), etag: '"a"', lastModified: 'x', failures: 2 };
    const state = nextFetchState(before, { kind: 'not-modified', etag: null, lastModified: null }, 5_000, 30);
    expect(state).toMatchObject({
      etag: '"a"',
      lastModified: 'x',
      failures: 0,
      nextCheck: 5_000 + 30 * MIN,
      newItems: 0,
    });
  });

  it('backs off exponentially after failures, capped at a day, and a success resets it', () => {
    let state = initialFetchState(0);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      state = nextFetchState(state, failure, 0, 60);
      waits.push(state.nextCheck ?? -1);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 24, 24, 24].map((h) => h * HOUR));
    expect(state).toMatchObject({ failures: 8, lastError: { code: 'network' }, lastSuccess: null });
    state = nextFetchState(state, { kind: 'not-modified', etag: null, lastModified: null }, 0, 60);
    expect(state).toMatchObject({ failures: 0, lastError: null, nextCheck: HOUR });
  });

  it('obeys Retry-After when it asks for longer than the back-off, up to a week', () => {
    const later = nextFetchState(initialFetchState(0), { ...failure, retryAfterMs: 5 * HOUR }, 0, 60);
    expect(later.nextCheck).toBe(5 * HOUR);
    const sooner = nextFetchState(initialFetchState(0), { ...failure, retryAfterMs: 1_000 }, 0, 60);
    expect(sooner.nextCheck).toBe(HOUR);
    const absurd = nextFetchState(initialFetchState(0), { ...failure, retryAfterMs: 365 * 24 * HOUR }, 0, 60);
    expect(absurd.nextCheck).toBe(MAX_RETRY_AFTER_MS);
  });

  it('marks a 410 gone and never due again', () => {
    const state = nextFetchState(initialFetchState(0), { kind: 'gone' }, 7, 60);
    expect(state).toMatchObject({ gone: true, nextCheck: null, lastError: { code: 'gone' }, lastChecked: 7 });
    expect(isDue(state, Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(isDue(initialFetchState(10), 10)).toBe(true);
    expect(isDue(initialFetchState(10), 9)).toBe(false);
  });
});

describe('backoffMs', () => {
  it('never waits less than the interval and never more than the cap', () => {
    expect(backoffMs(0, 15 * MIN)).toBe(15 * MIN);
    expect(backoffMs(1, 15 * MIN)).toBe(15 * MIN);
    expect(backoffMs(3, 15 * MIN)).toBe(HOUR);
    expect(backoffMs(1_000, 15 * MIN)).toBe(MAX_BACKOFF_MS);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2024, 6, 1, 8, 0, 0);
  it('reads delay-seconds and HTTP-dates; a past date is now; junk is null', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Mon, 01 Jul 2024 08:30:00 GMT', now)).toBe(30 * MIN);
    expect(parseRetryAfter('Sun, 30 Jun 2024 08:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('2024-07-01', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('nextDueAt', () => {
  it('is the earliest check of the feeds still scheduled, or null', () => {
    const at = (nextCheck: number | null, gone = false): FeedFetchState => ({
      ...initialFetchState(0),
      nextCheck,
      gone,
    });
    expect(nextDueAt([at(30), at(10), at(20)])).toBe(10);
    expect(nextDueAt([at(5, true), at(null), at(40)])).toBe(40);
    expect(nextDueAt([at(null), at(1, true)])).toBeNull();
    expect(nextDueAt([])).toBeNull();
  });
});
