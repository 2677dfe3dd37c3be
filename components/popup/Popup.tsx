/**
 * The toolbar popup: search, then the library. With no query and no filter it pages through
 * the library newest first straight from the storage index (the fast path); a query shows
 * search hits instead, and a filter or sort loads all metas (never bodies) once and works on
 * them in memory. Arrow keys move between articles; Enter opens one in the reader.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ArticleMeta } from '../../lib/model';
import { formatNumber, t, uiLanguage } from '../../lib/shared/i18n';
import { tCount } from '../../lib/shared/i18n/plural';
import type { FeedArticleLink, LibraryConnection } from '../../lib/storage';
import { applyView, DEFAULT_VIEW, isDefaultView, type LibraryView } from '../../lib/ui/library-view';
import { readerUrl } from '../../lib/ui/reader-url';
import { PageFeeds } from '../shared/PageFeeds';
import { TrashList } from '../shared/TrashList';
import { useFollowedTab } from '../shared/use-followed-tab';
import { ArticleList } from './ArticleList';
import { LibraryControls } from './LibraryControls';
import { focusFirstEntry } from './list-keys';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';
import { SidePanelButton } from './SidePanelButton';
import { SyncLine } from './SyncLine';
import { UndoBar } from './UndoBar';
import { useLibraryActions } from './use-library-actions';
import { useLibraryIndex } from './use-library-index';
import { usePagedList } from './use-paged-list';
import { useSearch } from './use-search';

/** Opens an article's reader page in a new tab and closes the popup. */
function openArticle(id: string): void {
  void browser.tabs.create({ url: readerUrl(id) }).then(() => window.close());
}

/** The ids of feed `feedId`'s unread articles. */
function unreadOf(links: Iterable<FeedArticleLink>, feedId: string): string[] {
  return [...links].filter((l) => l.feedId === feedId && l.readAt === undefined).map((l) => l.articleId);
}

/** Props of {@link Popup}. */
export interface PopupProps {
  /** The popup's connection to the library (its entrypoint opens it). */
  library: LibraryConnection;
  /** The tab the popup speaks about (`?tab=`, as the side panel's), or null: the active tab. */
  pinnedTab?: number | null;
}

/** The popup's root component. */
export function Popup({ library: lib, pinnedTab = null }: PopupProps) {
  const locale = useMemo(() => uiLanguage(), []);
  const tab = useFollowedTab(pinnedTab);

  const [query, setQuery] = useState('');
  const [view, setView] = useState<LibraryView>(DEFAULT_VIEW);
  const [controlsOpen, setControlsOpen] = useState(false);
  const [trashOpen, setTrashOpen] = useState(false);
  const [wantTags, setWantTags] = useState(false);
  const results = useRef<HTMLDivElement>(null);

  const paged = usePagedList(lib);
  const filtered = !isDefaultView(view);
  const index = useLibraryIndex(lib, filtered || controlsOpen || wantTags, locale);
  const search = useSearch(query);
  const searching = query.trim() !== '';

  const effects = useMemo(
    () => ({
      onChanged: (meta: ArticleMeta) => {
        paged.replace(meta);
        index.replace(meta);
      },
      onRemoved: (id: string) => {
        paged.remove(id);
        index.remove(id);
      },
      onRead: index.markRead,
    }),
    [paged.replace, paged.remove, index.replace, index.remove, index.markRead],
  );
  const actions = useLibraryActions(lib, effects);

  const ready = index.state.kind === 'ready' ? index.state.index : null;
  const knownTags = useMemo(() => ready?.facets.tags.map((f) => f.value) ?? [], [ready]);
  const shown = useMemo(
    () => (ready && filtered ? applyView(ready.metas, ready.counts, view, locale, ready.links) : null),
    [ready, filtered, view, locale],
  );

  // Marks the first paint of the list, for the popup benchmark.
  useLayoutEffect(() => {
    // Committed to the DOM now; the frame that paints it starts at the next animation frame.
    if (paged.view.kind === 'ready') requestAnimationFrame(() => performance.mark('glossa:list-painted'));
  }, [paged.view.kind]);

  const listProps = {
    knownTags,
    library: lib,
    hrefOf: readerUrl,
    onOpen: (article: ArticleMeta) => openArticle(article.id),
    onTags: actions.setTags,
    onArchived: actions.setArchived,
    onDelete: actions.remove,
    onOpenPanel: () => setWantTags(true),
  };

  return (
    <>
      <main class="popup">
        <header class="top">
          <h1>{t('popupHeading')}</h1>
          <SidePanelButton />
          <button
            type="button"
            class="settings"
            onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}
          >
            {t('popupSettings')}
          </button>
        </header>
        <PageFeeds tabId={tab.tabId} tabUrl={tab.url} />
        <SearchBox
          query={query}
          onQuery={setQuery}
          controls="popup-results"
          onSubmit={() => {
            const first = search.kind === 'ready' ? search.hits[0] : undefined;
            if (first) openArticle(first.articleId);
          }}
          onArrowDown={() => focusFirstEntry(results.current)}
        />
        <div ref={results}>
          {searching ? (
            <SearchResults id="popup-results" state={search} hrefOf={readerUrl} onOpen={openArticle} />
          ) : (
            <div id="popup-results">
              <button
                type="button"
                class={filtered ? 'disclose-controls active' : 'disclose-controls'}
                aria-expanded={controlsOpen}
                aria-controls="popup-controls"
                onClick={() => setControlsOpen(!controlsOpen)}
              >
                {t('popupFilterSort')}
              </button>
              <button
                type="button"
                class={trashOpen ? 'disclose-controls active' : 'disclose-controls'}
                aria-expanded={trashOpen}
                aria-controls="popup-trash"
                onClick={() => setTrashOpen(!trashOpen)}
              >
                {t('popupTrash')}
              </button>
              {trashOpen && (
                <section id="popup-trash" aria-label={t('trashHeading')}>
                  <TrashList library={lib} />
                </section>
              )}
              {controlsOpen && (
                <LibraryControls
                  id="popup-controls"
                  view={view}
                  onView={setView}
                  tags={ready?.facets.tags ?? []}
                  categories={ready?.facets.categories ?? []}
                  feeds={ready?.feeds ?? []}
                  onMarkFeedRead={(feedId) => ready && actions.markRead(unreadOf(ready.links.values(), feedId))}
                />
              )}
              {filtered ? (
                <FilteredList
                  state={index.state}
                  shown={shown}
                  total={ready?.metas.length ?? null}
                  listProps={listProps}
                />
              ) : (
                <PagedList paged={paged} listProps={listProps} />
              )}
            </div>
          )}
        </div>
      </main>
      <SyncLine />
      <div class="undo-region" aria-live="polite">
        {actions.notice?.kind === 'deleted' && (
          <UndoBar message={actions.notice.message} onUndo={actions.undo} onDismiss={actions.dismiss} />
        )}
        {actions.notice?.kind === 'error' && <p role="alert">{actions.notice.message}</p>}
      </div>
    </>
  );
}

type ListProps = Omit<Parameters<typeof ArticleList>[0], 'items' | 'counts' | 'onLoadMore'>;

/** The default view: the paged list with its count. */
function PagedList({ paged, listProps }: { paged: ReturnType<typeof usePagedList>; listProps: ListProps }) {
  const { view, total } = paged;
  if (view.kind === 'loading') return <p role="status">{t('popupLoading')}</p>;
  if (view.kind === 'error') {
    return (
      <div role="alert">
        <p>{t('popupError', view.message)}</p>
        <button type="button" onClick={paged.retry}>
          {t('popupRetry')}
        </button>
      </div>
    );
  }
  if (view.list.items.length === 0) return <p role="status">{t('popupEmpty')}</p>;
  return (
    <>
      <p class="count" aria-live="polite">
        {total === null ? '\u00a0' : tCount('popupArticleCount', total)}
      </p>
      <ArticleList
        items={view.list.items}
        counts={view.list.counts}
        onLoadMore={view.list.next ? paged.loadMore : undefined}
        {...listProps}
      />
    </>
  );
}

/** A filtered or sorted view, computed from all metas. */
function FilteredList(props: {
  state: ReturnType<typeof useLibraryIndex>['state'];
  shown: ArticleMeta[] | null;
  total: number | null;
  listProps: ListProps;
}) {
  const { state, shown, total, listProps } = props;
  if (state.kind === 'error') return <p role="alert">{t('popupError', state.message)}</p>;
  if (state.kind !== 'ready' || !shown || total === null) return <p role="status">{t('popupLoading')}</p>;
  return (
    <>
      <p class="count" aria-live="polite">
        {tCount('popupShownOfTotal', total, formatNumber(shown.length))}
      </p>
      {shown.length === 0 ? (
        <p role="status">{t('popupNoMatchingArticles')}</p>
      ) : (
        <ArticleList items={shown} counts={state.index.counts} {...listProps} />
      )}
    </>
  );
}
