/**
 * The options page's Feeds: subscribe by address, and each subscription with its status in
 * words (last checked, new items, the last error), "Refresh now" and "Unsubscribe", which asks
 * whether the feed's articles stay; OPML import and export below. The background does the
 * fetching (the only context whose schedule survives this page closing); this page only asks it
 * and shows the answers.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Subscription } from '../../lib/model';
import { feedErrorText } from '../../lib/shared/feeds/feed-errors';
import { t } from '../../lib/shared/i18n';
import { tCount } from '../../lib/shared/i18n/plural';
import { call } from '../../lib/shared/messaging';
import { useMounted } from '../shared/use-mounted';
import { FeedItem } from './FeedItem';
import { FeedsOpml } from './FeedsOpml';

type Notice = { text: string; problem: boolean } | null;

/** The Feeds section. */
export function FeedsSection() {
  const [subscriptions, setSubscriptions] = useState<Subscription[] | null>(null);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const mounted = useMounted();

  const show = (list: Subscription[]) => mounted.current && setSubscriptions(list);
  useEffect(() => {
    void call('background', 'feeds/list', null).then((answer) => answer.ok && show(answer.value));
  }, []);

  const subscribe = async (event: Event) => {
    event.preventDefault();
    const address = url.trim();
    if (address === '' || busy) return;
    setBusy(true);
    setNotice({ text: t('feedsSubscribing'), problem: false });
    const answer = await call('background', 'feeds/subscribe', { url: address });
    const list = await call('background', 'feeds/list', null);
    if (!mounted.current) return;
    setBusy(false);
    if (list.ok) show(list.value);
    if (!answer.ok) return setNotice({ text: t('feedsSubscribeFailed', answer.error.message), problem: true });
    const result = answer.value;
    if (!result.ok) return setNotice({ text: t('feedsSubscribeFailed', feedErrorText(result.error)), problem: true });
    setUrl('');
    setNotice({ text: tCount('feedsSubscribed', result.created, result.subscription.title), problem: false });
  };

  return (
    <>
      <p class="help">{t('feedsIntro')}</p>
      <form class="feeds-subscribe" onSubmit={(e) => void subscribe(e)}>
        <label for="feeds-url">{t('feedsUrlLabel')}</label>
        <input
          id="feeds-url"
          type="url"
          value={url}
          required
          placeholder="https://"
          onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" disabled={busy}>
          {t('feedsSubscribe')}
        </button>
      </form>
      <p role="status" class={notice?.problem ? 'problem' : undefined}>
        {notice?.text ?? ''}
      </p>
      {subscriptions !== null &&
        (subscriptions.length === 0 ? (
          <p>{t('feedsNone')}</p>
        ) : (
          <ul class="feeds-list" aria-label={t('feedsListLabel')}>
            {subscriptions.map((s) => (
              <FeedItem key={s.id} subscription={s} onList={show} onNotice={setNotice} />
            ))}
          </ul>
        ))}
      <FeedsOpml subscriptions={subscriptions ?? []} onList={show} onNotice={setNotice} />
    </>
  );
}
