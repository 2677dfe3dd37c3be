/**
 * The toolbar popup: the library, newest first, one page at a time (never all bodies, never
 * all 10,000 titles at once). Arrow keys move between articles; Enter opens one in the reader.
 */
import type { TargetedKeyboardEvent } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatNumber, t } from '../lib/i18n';
import { type Library, onLibraryChange, openLibrary } from '../lib/storage';
import type { ArticleMeta } from '../lib/storage/types';
import { ArticleListItem } from './ArticleListItem';

/** How many articles one page of the list holds. */
export const PAGE_SIZE = 30;

interface ListState {
  items: ArticleMeta[];
  counts: Map<string, number>;
  next: string | null;
}

type View = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; list: ListState };

/** Where the reader page of an article lives. */
export function readerUrl(id: string): string {
  return browser.runtime.getURL(`/reader.html?id=${encodeURIComponent(id)}`);
}

/** The popup's root component. */
export function Popup() {
  const [view, setView] = useState<View>({ kind: 'loading' });
  // The total is shown once known; Chromium counts by scanning, so the first paint never waits for it.
  const [total, setTotal] = useState<number | null>(null);
  const library = useRef<Promise<Library> | null>(null);
  const loadingMore = useRef(false);
  const sentinel = useRef<HTMLLIElement>(null);

  const lib = () => {
    library.current ??= openLibrary();
    return library.current;
  };

  const load = useCallback(async (previous: ListState | null) => {
    const db = await lib();
    const page = await db.listArticles({ limit: PAGE_SIZE, cursor: previous?.next ?? undefined });
    const counts = await db.highlightCounts(page.items.map((a) => a.id));
    return {
      items: [...(previous?.items ?? []), ...page.items],
      counts: new Map([...(previous?.counts ?? []), ...counts]),
      next: page.next,
    };
  }, []);

  const start = useCallback(() => {
    setView({ kind: 'loading' });
    load(null).then(
      (list) => {
        setView({ kind: 'ready', list });
        void lib()
          .then((db) => db.countArticles())
          .then(setTotal, () => setTotal(null));
      },
      (e: unknown) => setView({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [load]);

  // Layout effect, not effect: start reading before the first (empty) frame is painted.
  useLayoutEffect(start, [start]);

  // Another context (the background's import, a save from a page) changed the library: reload
  // the list quietly, so an article saved while the popup is open appears at once.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let token = 0;
    const stop = onLibraryChange(() => {
      // An import announces many changes: refresh once they settle, and drop stale answers.
      clearTimeout(timer);
      timer = setTimeout(() => {
        const mine = ++token;
        load(null).then(
          (list) => mine === token && setView({ kind: 'ready', list }),
          () => undefined,
        );
        void lib()
          .then((db) => db.countArticles())
          .then(
            (n) => mine === token && setTotal(n),
            () => undefined,
          );
      }, 150);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [load]);

  const loadMore = useCallback(() => {
    if (view.kind !== 'ready' || !view.list.next || loadingMore.current) return;
    loadingMore.current = true;
    load(view.list)
      .then((list) => setView({ kind: 'ready', list }))
      .catch((e: unknown) => setView({ kind: 'error', message: e instanceof Error ? e.message : String(e) }))
      .finally(() => {
        loadingMore.current = false;
      });
  }, [view, load]);

  // Marks the first paint of the list, for the popup benchmark.
  useLayoutEffect(() => {
    // Committed to the DOM now; the frame that paints it starts at the next animation frame.
    if (view.kind === 'ready') requestAnimationFrame(() => performance.mark('glossa:list-painted'));
  }, [view.kind]);

  // Loads the next page as the end of the list scrolls into view.
  useEffect(() => {
    const node = sentinel.current;
    if (!node) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadMore());
    observer.observe(node);
    return () => observer.disconnect();
  }, [loadMore]);

  const open = (article: ArticleMeta) => {
    void browser.tabs.create({ url: readerUrl(article.id) }).then(() => window.close());
  };

  return (
    <main class="popup">
      <h1>{t('popupHeading')}</h1>
      {view.kind === 'loading' && <p role="status">{t('popupLoading')}</p>}
      {view.kind === 'error' && (
        <div role="alert">
          <p>{t('popupError', view.message)}</p>
          <button type="button" onClick={start}>
            {t('popupRetry')}
          </button>
        </div>
      )}
      {view.kind === 'ready' && view.list.items.length === 0 && <p role="status">{t('popupEmpty')}</p>}
      {view.kind === 'ready' && view.list.items.length > 0 && (
        <>
          <p class="count" aria-live="polite">
            {total === null
              ? '\u00a0'
              : t(total === 1 ? 'popupArticleCountOne' : 'popupArticleCount', formatNumber(total))}
          </p>
          <ul class="list" aria-label={t('popupArticleList')}>
            {view.list.items.map((article) => (
              <ArticleListItem
                key={article.id}
                article={article}
                highlightCount={view.list.counts.get(article.id) ?? 0}
                href={readerUrl(article.id)}
                onOpen={open}
                onKeyDown={moveFocus}
              />
            ))}
            {view.list.next && (
              <li ref={sentinel} class="more">
                <button type="button" onClick={loadMore}>
                  {t('popupLoadMore')}
                </button>
              </li>
            )}
          </ul>
        </>
      )}
    </main>
  );
}

/** ArrowUp/ArrowDown/Home/End move focus between the list's links. */
function moveFocus(e: TargetedKeyboardEvent<HTMLAnchorElement>) {
  const links = [...(e.currentTarget.closest('ul')?.querySelectorAll<HTMLAnchorElement>('li.item > a') ?? [])];
  const index = links.indexOf(e.currentTarget);
  const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: links.length - 1 };
  const target = moves[e.key];
  if (target === undefined) return;
  e.preventDefault();
  links[Math.max(0, Math.min(links.length - 1, target))]?.focus();
}
