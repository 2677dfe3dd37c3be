/**
 * "Feeds on this page", in the popup and the side panel: each feed the followed tab's page
 * declares, by title, with a "Subscribe" button (named "Subscribe to <title>") or "Subscribed"
 * when the library follows it already; and "Subscribe to this address" when the tab seems to show
 * a feed itself. The outcome is said in words below. Nothing at all when the tab offers nothing.
 * A title is the page's to choose, so each feed's host is shown beside it (a page cannot pass a
 * stranger's feed off as a known one), and both are isolated from the text around them.
 */
import './page-feeds.css';
import { useId } from 'preact/hooks';
import { t } from '../../lib/shared/i18n';
import { usePageFeeds } from './use-page-feeds';

/** Props of {@link PageFeeds}. */
export interface PageFeedsProps {
  /** The tab whose page is asked (null: not known yet). */
  tabId: number | null;
  /** Its address as the browser reports it; a change asks again. */
  tabUrl: string | undefined;
}

/** One offered feed: its address and host, the name shown and the button's accessible name. */
interface Offered {
  url: string;
  host: string;
  name: string;
  label: string;
  self: boolean;
}

/** The section, or nothing when the tab offers no feed. */
export function PageFeeds({ tabId, tabUrl }: PageFeedsProps) {
  const { offer, isSubscribed, busy, notice, subscribe } = usePageFeeds(tabId, tabUrl);
  const headingId = useId();
  const offered: Offered[] = offer.feeds.map((f) => {
    const name = f.title || f.url;
    return { url: f.url, host: new URL(f.url).host, name, label: t('pageFeedsSubscribeTo', name), self: false };
  });
  const { self } = offer;
  if (self !== null && !offered.some((f) => f.url === self)) {
    offered.push({ url: self, host: new URL(self).host, name: self, label: t('pageFeedsSubscribeSelf'), self: true });
  }
  if (offered.length === 0) return null;

  return (
    <section class="page-feeds" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('pageFeedsHeading')}</h2>
      <ul aria-labelledby={headingId}>
        {offered.map((feed) => (
          <li key={feed.url}>
            <span class="page-feed-name">
              <bdi>{feed.self ? t('pageFeedsSelf') : feed.name}</bdi>
              <bdi class="page-feed-host" dir="ltr">
                {feed.host}
              </bdi>
            </span>
            {isSubscribed(feed.url) ? (
              <span class="page-feed-state">{t('pageFeedsSubscribed')}</span>
            ) : (
              <button
                type="button"
                aria-label={feed.label}
                disabled={busy !== null}
                onClick={() => void subscribe(feed.url, feed.name)}
              >
                {t('feedsSubscribe')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {/* Always there, so screen readers announce the outcome when it is written in. */}
      <p role="status" class={notice?.problem ? 'page-feeds-notice problem' : 'page-feeds-notice'}>
        {notice?.text ?? ''}
      </p>
    </section>
  );
}
