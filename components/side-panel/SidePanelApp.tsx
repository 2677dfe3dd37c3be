/**
 * The side panel page (`/sidepanel.html`, Chrome's side panel and Firefox's sidebar; also usable
 * in a tab with `?tab=<id>`). It follows a tab and shows, for a saved article, its highlights and
 * notes to read and edit; for an unsaved page, how to save it; anywhere else, recent articles.
 */
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Highlight, HighlightColor } from '../../lib/model';
import { errorText } from '../../lib/shared/error-text';
import { t } from '../../lib/shared/i18n';
import { call } from '../../lib/shared/messaging';
import type { LibraryConnection } from '../../lib/storage';
import { requestReaderGoTo } from '../../lib/ui/go-to';
import { addPageNote, recolor, remove, renote, restore } from '../../lib/ui/side-panel/edits';
import { targetOfUrl } from '../../lib/ui/side-panel/target';
import { PageFeeds } from '../shared/PageFeeds';
import { useFollowedTab } from '../shared/use-followed-tab';
import { ArticleAnnotations } from './ArticleAnnotations';
import { RecentArticles } from './RecentArticles';
import { usePanelData } from './use-panel-data';

/** Props of {@link SidePanelApp}. */
export interface SidePanelAppProps {
  library: LibraryConnection;
  /** The tab to show (`?tab=`), or null to follow the active tab. */
  pinnedTab: number | null;
}

/** What the status line says: a deletion that can be undone, or a write that failed. */
type Notice =
  | { kind: 'deleted'; highlight: Highlight }
  | { kind: 'error'; message: string }
  | { kind: 'said'; message: string }
  | null;

/** What the undo bar says once an entry of each kind is deleted. */
const DELETED = { highlight: 'hlDeleted', 'paragraph-note': 'hlNoteDeleted', 'page-note': 'pageNoteDeleted' } as const;

/** The panel's root component. */
export function SidePanelApp({ library, pinnedTab }: SidePanelAppProps) {
  const tab = useFollowedTab(pinnedTab);
  const readerPage = useMemo(() => browser.runtime.getURL('/reader.html'), []);
  const target = useMemo(() => targetOfUrl(tab.url, readerPage), [tab.url, readerPage]);
  const data = usePanelData(library, target);
  const [notice, setNotice] = useState<Notice>(null);

  // Marks the first paint of an article's entries, for the panel benchmark (bench/suites).
  const shown = data.kind === 'article';
  useLayoutEffect(() => {
    if (shown && performance.getEntriesByName('glossa:panel-painted').length === 0) {
      requestAnimationFrame(() => performance.mark('glossa:panel-painted'));
    }
  }, [shown]);

  /** Runs a write; a failure is said in the status line. */
  const write = (run: () => Promise<unknown>) => {
    run().catch((e: unknown) => setNotice({ kind: 'error', message: errorText(e) }));
  };
  const onColor = (id: string, color: HighlightColor) => write(async () => recolor(await library(), id, color));
  const onNote = (id: string, note: string) => write(async () => renote(await library(), id, note));
  const onDelete = (h: Highlight) =>
    write(async () => {
      const gone = await remove(await library(), h.id);
      if (gone) setNotice({ kind: 'deleted', highlight: gone });
    });
  // "Go to": a web page through its content script (via the background), our reader page in a
  // tab through its own channel.
  const onGoTo = (id: string) => {
    if (tab.tabId === null) return;
    if (target.kind === 'stored') return requestReaderGoTo(tab.tabId, id);
    void call('background', 'panel/go-to', { tabId: tab.tabId, highlightId: id }).then((answer) => {
      if (!answer.ok || !answer.value) setNotice({ kind: 'said', message: t('sidePanelGoToFailed') });
    });
  };
  const undo = (h: Highlight) => {
    setNotice(null);
    write(async () => restore(await library(), h.id));
  };

  return (
    <>
      <main class="side-panel">
        {data.kind === 'loading' && <p role="status">{t('sidePanelLoading')}</p>}
        {data.kind === 'error' && <p role="alert">{t('popupError', data.message)}</p>}
        {data.kind === 'unsaved' && <p class="help">{t('sidePanelNotSaved')}</p>}
        {data.kind === 'article' && (
          <ArticleAnnotations
            meta={data.meta}
            entries={data.entries}
            live={target.kind === 'live'}
            onColor={onColor}
            onNote={onNote}
            onDelete={onDelete}
            onGoTo={onGoTo}
            onAddPageNote={(note) => write(async () => addPageNote(await library(), data.meta.id, note))}
          />
        )}
        {(data.kind === 'library' || data.kind === 'unsaved') && <RecentArticles library={library} />}
        <PageFeeds tabId={tab.tabId} tabUrl={tab.url} />
      </main>
      <div class="undo-region" role="status" aria-live="polite">
        {notice?.kind === 'deleted' && (
          <div class="undo">
            <span>{t(DELETED[notice.highlight.kind])}</span>
            <button type="button" onClick={() => undo(notice.highlight)}>
              {t('hlUndo')}
            </button>
            <button type="button" aria-label={t('popupDismiss')} onClick={() => setNotice(null)}>
              ×
            </button>
          </div>
        )}
        {notice?.kind === 'error' && <p>{t('hlSaveFailed', notice.message)}</p>}
        {notice?.kind === 'said' && <p>{notice.message}</p>}
      </div>
    </>
  );
}
