// @vitest-environment node
/**
 * A subscription's id comes from its address, so subscribing to one feed from three places (the
 * options page, a page's discovery, an OPML file) or on two devices lands on one record.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEED_INTERVAL_MINUTES } from '../../../../lib/model';
import { newSubscription, subscriptionIdFor } from '../../../../lib/shared/feeds/subscription';
import { recordId } from '../../../../lib/shared/validate';

describe('subscriptions', () => {
  it('share an id across spellings of one address, and not across feeds', async () => {
    const id = await subscriptionIdFor('https://Example.com/feed?utm_source=x#top');
    expect(id).toMatch(/^s_[0-9a-f]{24}$/);
    expect(recordId(id)).toBe(id);
    expect(await subscriptionIdFor('https://example.com/feed')).toBe(id);
    expect(await subscriptionIdFor('https://example.com/other')).not.toBe(id);
    expect(await subscriptionIdFor('javascript:alert(1)')).toBeNull();
  });

  it('start due at once with the default interval', async () => {
    const sub = await newSubscription('https://example.com/feed', 42, { title: '例子' });
    expect(sub).toMatchObject({
      url: 'https://example.com/feed',
      title: '例子',
      siteUrl: null,
      intervalMinutes: DEFAULT_FEED_INTERVAL_MINUTES,
      fullText: false,
      fetch: { nextCheck: 42, failures: 0, etag: null, gone: false },
    });
    expect(await newSubscription('ftp://example.com/feed', 0)).toBeNull();
  });
});
