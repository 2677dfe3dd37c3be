/**
 * OPML in and out of Options → Feeds, the file feed readers trade subscription lists in.
 * Import reads the file here (by its byte-order mark, like every imported file), refuses a
 * non-OPML file by name, then subscribes to each feed through the background one after the
 * other, so every feed is fetched and checked like one typed by hand; export downloads the
 * current subscriptions.
 */
import { useState } from 'preact/hooks';
import type { Subscription } from '../../lib/model';
import { feedErrorText } from '../../lib/shared/feeds/feed-errors';
import { opmlDocument, parseOpml } from '../../lib/shared/feeds/opml';
import { t } from '../../lib/shared/i18n';
import { tCount } from '../../lib/shared/i18n/plural';
import { call } from '../../lib/shared/messaging';
import { decodeFileText } from '../../lib/ui/import/file-text';
import { downloadFile } from '../shared/download';

/** Props of {@link FeedsOpml}. */
export interface FeedsOpmlProps {
  subscriptions: readonly Subscription[];
  onList: (list: Subscription[]) => void;
  onNotice: (notice: { text: string; problem: boolean }) => void;
}

/** Subscribes to every feed of an OPML text; answers how many took and how many failed. */
export async function subscribeOpml(text: string): Promise<{ subscribed: number; failed: number } | string> {
  const feeds = parseOpml(text);
  if (!feeds.ok) return t('feedsOpmlBad', feedErrorText(feeds.error));
  let subscribed = 0;
  for (const feed of feeds.value) {
    const answer = await call('background', 'feeds/subscribe', { url: feed.url });
    if (answer.ok && answer.value.ok) subscribed += 1;
  }
  return { subscribed, failed: feeds.value.length - subscribed };
}

/** The OPML import and export controls. */
export function FeedsOpml({ subscriptions, onList, onNotice }: FeedsOpmlProps) {
  const [busy, setBusy] = useState(false);

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    onNotice({ text: t('feedsOpmlImporting'), problem: false });
    const outcome = await subscribeOpml(decodeFileText(await file.arrayBuffer()));
    input.value = '';
    const list = await call('background', 'feeds/list', null);
    if (list.ok) onList(list.value);
    setBusy(false);
    if (typeof outcome === 'string') return onNotice({ text: outcome, problem: true });
    onNotice({ text: tCount('feedsOpmlResult', outcome.subscribed, outcome.failed), problem: outcome.failed > 0 });
  };

  const exportFile = () => {
    const entries = subscriptions.map(({ url, title, siteUrl }) => ({ url, title, siteUrl }));
    const text = opmlDocument(entries, 'Glossa feeds', new Date());
    downloadFile({ name: 'glossa-feeds.opml', type: 'text/x-opml; charset=utf-8', parts: [text] });
  };

  return (
    <div class="feeds-opml">
      <label>
        {t('feedsOpmlImport')}{' '}
        <input
          type="file"
          accept=".opml,.xml,text/x-opml,text/xml,application/xml"
          disabled={busy}
          onChange={(event) => void importFile(event.currentTarget)}
        />
      </label>
      <button type="button" disabled={subscriptions.length === 0} onClick={exportFile}>
        {t('feedsOpmlExport')}
      </button>
    </div>
  );
}
