/**
 * What a tab offers to subscribe to, for the popup and the side panel: asked of the background
 * (which reads the tab's page with a script of ours and checks the answer) when the tab or its
 * address changes and again when the tab finishes loading (a page still loading may not have
 * answered yet), with
 * which of those feeds the library already follows, and subscribing through `feeds/subscribe`.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageFeeds, Subscription } from '../../lib/model';
import { normalizeUrl } from '../../lib/shared/article/ids';
import { feedErrorText } from '../../lib/shared/feeds/feed-errors';
import { t } from '../../lib/shared/i18n';
import { tCount } from '../../lib/shared/i18n/plural';
import { call } from '../../lib/shared/messaging';
import { useMounted } from './use-mounted';

/** The outcome of the last subscribe, in words. */
export interface FeedNotice {
  text: string;
  problem: boolean;
}

/** The tab's feeds, the subscribed ones and the subscribe action. */
export interface PageFeedsState {
  offer: PageFeeds;
  /** Whether the library follows the feed at `url` (compared as subscriptions store addresses). */
  isSubscribed: (url: string) => boolean;
  /** The address being subscribed to now, if any. */
  busy: string | null;
  notice: FeedNotice | null;
  /** Subscribes to `url`; `name` is what the reader sees it called (its title, else its address). */
  subscribe: (url: string, name: string) => Promise<void>;
}

const NOTHING: PageFeeds = { feeds: [], self: null };

/** The subscribed feeds' addresses (subscriptions store them normalized). */
const addressesOf = (list: Subscription[]) => new Set(list.map((s) => s.url));

/** Follows tab `tabId` (null: none known yet) at `tabUrl`. */
export function usePageFeeds(tabId: number | null, tabUrl: string | undefined): PageFeedsState {
  const [offer, setOffer] = useState<PageFeeds>(NOTHING);
  const [subscribed, setSubscribed] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<FeedNotice | null>(null);
  const mounted = useMounted();

  useEffect(() => {
    setOffer(NOTHING);
    setNotice(null);
    if (tabId === null || tabUrl === undefined) return;
    let current = true;
    const ask = () =>
      void call('background', 'tab/feeds', { tabId }).then((answer) => {
        if (current && answer.ok) setOffer(answer.value);
      });
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'complete') ask();
    };
    ask();
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      current = false;
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId, tabUrl]);

  useEffect(() => {
    void call('background', 'feeds/list', null).then((answer) => {
      if (answer.ok && mounted.current) setSubscribed(addressesOf(answer.value));
    });
  }, []);

  const subscribe = async (url: string, name: string) => {
    if (busy !== null) return;
    setBusy(url);
    setNotice({ text: t('feedsSubscribing'), problem: false });
    const answer = await call('background', 'feeds/subscribe', { url });
    const list = await call('background', 'feeds/list', null);
    if (!mounted.current) return;
    setBusy(null);
    if (list.ok) setSubscribed(addressesOf(list.value));
    if (!answer.ok) return setNotice({ text: t('feedsSubscribeFailed', answer.error.message), problem: true });
    const result = answer.value;
    if (!result.ok) return setNotice({ text: t('feedsSubscribeFailed', feedErrorText(result.error)), problem: true });
    const title = result.subscription.title || name;
    const key = result.existed ? 'pageFeedsAlready' : 'pageFeedsDone';
    setNotice({ text: tCount(key, result.created, title), problem: false });
  };

  const isSubscribed = (url: string) => {
    const address = normalizeUrl(url);
    return address !== null && subscribed.has(address);
  };
  return { offer, isSubscribed, busy, notice, subscribe };
}
