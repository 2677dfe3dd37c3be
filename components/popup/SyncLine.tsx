/**
 * The popup's one line about sync: when it last synced, what waits, or what went wrong, in
 * words. Says nothing while sync is off. A problem links to the options page's sync section.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/shared/i18n';
import { call } from '../../lib/shared/messaging';
import { syncSummary } from '../../lib/ui/sync-describe';

/** The sync state line. */
export function SyncLine() {
  const [summary, setSummary] = useState<ReturnType<typeof syncSummary>>(null);
  useEffect(() => {
    void call('background', 'sync/status', null).then((answer) => {
      if (answer.ok) setSummary(syncSummary(answer.value));
    });
  }, []);
  if (!summary) return null;
  return (
    <p class={summary.problem ? 'sync-line problem' : 'sync-line'} role="status">
      {summary.text}
      {summary.problem && (
        <>
          {' '}
          <a href={browser.runtime.getURL('/options.html#sync')} target="_blank" rel="noreferrer">
            {t('optionsSync')}
          </a>
        </>
      )}
    </p>
  );
}
