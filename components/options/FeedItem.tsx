/**
 * One subscription in the options page's Feeds list: its title and address, its status in
 * words, how often it is checked, whether new entries' full text is fetched, "Refresh now", and "Unsubscribe" with the question of what becomes of its articles
 * (kept, or moved to the Trash; highlighted ones always stay, the background sees to that).
 */
import { useState } from 'preact/hooks';
import type { Subscription } from '../../lib/model';
import { feedErrorText } from '../../lib/shared/feeds/feed-errors';
import { t } from '../../lib/shared/i18n';
import { tCount } from '../../lib/shared/i18n/plural';
import { call } from '../../lib/shared/messaging';
import { timeAgo } from '../../lib/ui/sync-describe';
import { useMounted } from '../shared/use-mounted';

/** Props of {@link FeedItem}. */
export interface FeedItemProps {
  subscription: Subscription;
  /** The list after a change (refresh, unsubscribe). */
  onList: (list: Subscription[]) => void;
  onNotice: (notice: { text: string; problem: boolean }) => void;
}

/** The intervals offered, in minutes (the default, 60, among them). */
const INTERVALS = [15, 30, 60, 180, 360, 720, 1440] as const;

/** An interval in words: minutes under an hour, else hours. */
const intervalText = (minutes: number) =>
  minutes < 60 ? tCount('feedsEveryMinutes', minutes) : tCount('feedsEveryHours', minutes / 60);

/** The status lines of a subscription, in words. */
export function feedStatusLines({ fetch }: Subscription, now = Date.now()): Array<{ text: string; problem: boolean }> {
  const lines = [
    {
      text:
        fetch.lastChecked === null ? t('feedsNeverChecked') : t('feedsLastChecked', timeAgo(fetch.lastChecked, now)),
      problem: false,
    },
  ];
  if (fetch.lastError === null) lines.push({ text: tCount('feedsNewItems', fetch.newItems), problem: false });
  else lines.push({ text: t('feedsLastError', feedErrorText(fetch.lastError)), problem: true });
  const fullTextFailed = fetch.fullTextFailed ?? 0;
  if (fullTextFailed > 0) lines.push({ text: tCount('feedsFullTextFailed', fullTextFailed), problem: true });
  return lines;
}

/** One subscription, with its controls. */
export function FeedItem({ subscription, onList, onNotice }: FeedItemProps) {
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const mounted = useMounted();
  const title = subscription.title || subscription.url;
  const titleId = `feed-${subscription.id}`;

  const refresh = async () => {
    setBusy(true);
    const answer = await call('background', 'feeds/refresh', { id: subscription.id });
    if (!mounted.current) return;
    setBusy(false);
    if (answer.ok) onList(answer.value);
    else onNotice({ text: answer.error.message, problem: true });
  };

  const changeInterval = async (intervalMinutes: number) => {
    const answer = await call('background', 'feeds/interval', { id: subscription.id, intervalMinutes });
    if (answer.ok) onList(answer.value);
    else onNotice({ text: answer.error.message, problem: true });
  };

  const changeFullText = async (fullText: boolean) => {
    const answer = await call('background', 'feeds/full-text-setting', { id: subscription.id, fullText });
    if (answer.ok) onList(answer.value);
    else onNotice({ text: answer.error.message, problem: true });
  };

  const unsubscribe = async (keepArticles: boolean) => {
    setBusy(true);
    const answer = await call('background', 'feeds/unsubscribe', { id: subscription.id, keepArticles });
    const list = await call('background', 'feeds/list', null);
    if (list.ok) onList(list.value);
    if (!answer.ok) {
      if (mounted.current) setBusy(false);
      return onNotice({ text: answer.error.message, problem: true });
    }
    const text = keepArticles
      ? t('feedsUnsubscribedKept', title)
      : tCount('feedsUnsubscribedRemoved', answer.value.removed);
    onNotice({ text, problem: false });
  };

  return (
    <li class="feed">
      <h3 id={titleId}>{title}</h3>
      <p class="feed-url">{subscription.url}</p>
      <ul class="feed-status">
        {feedStatusLines(subscription).map((line) => (
          <li key={line.text} class={line.problem ? 'problem' : undefined}>
            {line.text}
          </li>
        ))}
      </ul>
      {asking ? (
        <fieldset class="feed-unsubscribe" aria-labelledby={`${titleId}-ask`}>
          <p id={`${titleId}-ask`}>{t('feedsUnsubscribeAsk', title)}</p>
          <button type="button" disabled={busy} onClick={() => void unsubscribe(true)}>
            {t('feedsKeepArticles')}
          </button>
          <button type="button" disabled={busy} onClick={() => void unsubscribe(false)}>
            {t('feedsRemoveArticles')}
          </button>
          <button type="button" disabled={busy} onClick={() => setAsking(false)}>
            {t('feedsCancel')}
          </button>
        </fieldset>
      ) : (
        <div class="feed-actions">
          <label for={`${titleId}-interval`}>{t('feedsInterval')}</label>
          <select
            id={`${titleId}-interval`}
            aria-describedby={titleId}
            value={String(subscription.intervalMinutes)}
            onChange={(e) => void changeInterval(Number((e.currentTarget as HTMLSelectElement).value))}
          >
            {[...new Set([...INTERVALS, subscription.intervalMinutes])]
              .sort((a, b) => a - b)
              .map((minutes) => (
                <option key={minutes} value={String(minutes)}>
                  {intervalText(minutes)}
                </option>
              ))}
          </select>
          <label class="feed-full-text">
            <input
              type="checkbox"
              checked={subscription.fullText}
              aria-describedby={titleId}
              onChange={(e) => void changeFullText((e.currentTarget as HTMLInputElement).checked)}
            />
            {t('feedFullText')}
          </label>
          <button type="button" disabled={busy} aria-describedby={titleId} onClick={() => void refresh()}>
            {busy ? t('feedsRefreshing') : t('feedsRefresh')}
          </button>
          <button type="button" disabled={busy} aria-describedby={titleId} onClick={() => setAsking(true)}>
            {t('feedsUnsubscribe')}
          </button>
        </div>
      )}
    </li>
  );
}
