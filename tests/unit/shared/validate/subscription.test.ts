// @vitest-environment node
/**
 * Subscriptions from outside (sync, backups, messages) pass the one validator: a fresh and a
 * well-used subscription come back equal, unknown fields are dropped, and each bad field is
 * refused by name — `javascript:` addresses, foreign ids, intervals out of range, error codes we
 * never write.
 */
import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../../../lib/model';
import { newSubscription } from '../../../../lib/shared/feeds/subscription';
import { checkSubscription } from '../../../../lib/shared/validate';

async function sample(): Promise<Subscription> {
  const sub = await newSubscription('https://chinese.example.net/feed/', 1_000, { title: '半岛新闻' });
  if (sub === null) throw new Error('no subscription');
  return sub;
}

describe('checkSubscription', () => {
  it('accepts a fresh subscription and a used one, and drops unknown fields', async () => {
    const fresh = await sample();
    expect(checkSubscription(fresh)).toEqual({ ok: true, value: fresh });
    const used: Subscription = {
      ...fresh,
      siteUrl: 'https://chinese.example.net/',
      fetch: {
        ...fresh.fetch,
        lastChecked: 5,
        etag: 'W/"abc"',
        failures: 2,
        lastError: { code: 'timeout', detail: 'no answer' },
      },
    };
    const extra = { ...used, __proto__x: 1, fetch: { ...used.fetch, secret: 'x' } };
    expect(checkSubscription(extra)).toEqual({ ok: true, value: used });
    // A record from before full-text failures were counted has no such field, and is fine.
    const { fullTextFailed: _, ...older } = used.fetch;
    const checked = checkSubscription({ ...used, fetch: older });
    expect(checked).toEqual({ ok: true, value: { ...used, fetch: older } });
    expect(checked.ok && 'fullTextFailed' in checked.value.fetch).toBe(false);
  });

  it('refuses each bad field by name', async () => {
    const good = await sample();
    const bad: Array<[string, unknown]> = [
      ['url', { ...good, url: 'javascript:alert(1)' }],
      ['id', { ...good, id: 'a_0123456789abcdef01234567' }],
      ['intervalMinutes', { ...good, intervalMinutes: 1 }],
      ['intervalMinutes', { ...good, intervalMinutes: 90.5 }],
      ['siteUrl', { ...good, siteUrl: 'data:text/html,x' }],
      ['fetch.lastError', { ...good, fetch: { ...good.fetch, lastError: { code: 'exploded', detail: '' } } }],
      ['fetch.failures', { ...good, fetch: { ...good.fetch, failures: -1 } }],
      ['fetch.gone', { ...good, fetch: { ...good.fetch, gone: 'no' } }],
      ['fetch.fullTextFailed', { ...good, fetch: { ...good.fetch, fullTextFailed: -1 } }],
    ];
    for (const [field, value] of bad) {
      expect(checkSubscription(value)).toEqual({ ok: false, error: `field "${field}" is missing or invalid` });
    }
    expect(checkSubscription(null)).toEqual({ ok: false, error: 'not an object' });
    expect(checkSubscription({ ...good, fetch: undefined })).toEqual({
      ok: false,
      error: 'field "fetch" is missing or invalid',
    });
  });
});
