/** The feed calls' payloads pass the one validator: addresses http(s) only, ids ours, flags boolean. */
import { describe, expect, it } from 'vitest';
import {
  checkIntervalRequest,
  checkRefreshRequest,
  checkSubscribeRequest,
  checkUnsubscribeRequest,
} from '../../../../lib/shared/validate/subscription';

const ID = 's_0123456789abcdef01234567';

describe('feed call payloads', () => {
  it('subscribe takes an http(s) address only', () => {
    expect(checkSubscribeRequest({ url: 'https://example.com/feed.xml' })).toEqual({
      ok: true,
      value: { url: 'https://example.com/feed.xml' },
    });
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'feed.xml', 42, 'x'.repeat(10_000)]) {
      expect(checkSubscribeRequest({ url }).ok).toBe(false);
    }
    expect(checkSubscribeRequest(null).ok).toBe(false);
  });

  it('refresh takes a subscription id or null', () => {
    expect(checkRefreshRequest({ id: null })).toEqual({ ok: true, value: { id: null } });
    expect(checkRefreshRequest({ id: ID })).toEqual({ ok: true, value: { id: ID } });
    expect(checkRefreshRequest({ id: 'a_0123456789abcdef01234567' }).ok).toBe(false);
    expect(checkRefreshRequest({}).ok).toBe(false);
  });

  it('unsubscribe takes an id and a boolean', () => {
    expect(checkUnsubscribeRequest({ id: ID, keepArticles: false })).toEqual({
      ok: true,
      value: { id: ID, keepArticles: false },
    });
    expect(checkUnsubscribeRequest({ id: ID, keepArticles: 'no' }).ok).toBe(false);
    expect(checkUnsubscribeRequest({ id: '../x', keepArticles: true }).ok).toBe(false);
  });

  it('interval takes whole minutes from 5 minutes to a week', () => {
    expect(checkIntervalRequest({ id: ID, intervalMinutes: 15 })).toEqual({
      ok: true,
      value: { id: ID, intervalMinutes: 15 },
    });
    for (const intervalMinutes of [0, 4, 7 * 24 * 60 + 1, 1.5, '60', null]) {
      expect(checkIntervalRequest({ id: ID, intervalMinutes }).ok).toBe(false);
    }
  });
});
