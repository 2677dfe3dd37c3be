/**
 * The default library list: newest saved first, one page at a time straight from the storage
 * index (never all bodies, never all 10,000 titles at once), kept fresh when another context
 * changes the library. This is the popup's fast path; filtered views use useLibraryIndex.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ArticleMeta } from '../../lib/model';
import { errorText } from '../../lib/shared/error-text';
import type { Library } from '../../lib/storage';
import { onLibraryChange } from '../../lib/storage';

/** How many articles one page of the list holds. */
export const PAGE_SIZE = 30;

/** The loaded part of the list. */
export interface ListState {
  items: ArticleMeta[];
  counts: Map<string, number>;
  next: string | null;
}

/** What the list shows. */
export type PagedView = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; list: ListState };

/** The paged list and its controls. */
export interface PagedList {
  view: PagedView;
  /** Number of articles in the library, once counted (Chromium counts by scanning). */
  total: number | null;
  retry: () => void;
  loadMore: () => void;
  /** Shows an article's new meta at once, before the change notice reloads the list. */
  replace: (meta: ArticleMeta) => void;
  /** Drops an article from the list at once (deleted). */
  remove: (id: string) => void;
}

/** Loads and pages the default list through `lib`. */
export function usePagedList(lib: () => Promise<Library>): PagedList {
  const [view, setView] = useState<PagedView>({ kind: 'loading' });
  const [total, setTotal] = useState<number | null>(null);
  const loadingMore = useRef(false);
  /** Bumped by every full (re)load; an answer counts only if it is still the newest asked. */
  const latest = useRef(0);

  const load = useCallback(
    async (previous: ListState | null) => {
      const db = await lib();
      const page = await db.listArticles({ limit: PAGE_SIZE, cursor: previous?.next ?? undefined });
      const counts = await db.highlightCounts(page.items.map((a) => a.id));
      return {
        items: [...(previous?.items ?? []), ...page.items],
        counts: new Map([...(previous?.counts ?? []), ...counts]),
        next: page.next,
      };
    },
    [lib],
  );

  const start = useCallback(() => {
    const mine = ++latest.current;
    setView({ kind: 'loading' });
    load(null).then(
      (list) => {
        if (mine !== latest.current) return;
        setView({ kind: 'ready', list });
        void lib()
          .then((db) => db.countArticles())
          .then(setTotal, () => setTotal(null));
      },
      (e: unknown) => mine === latest.current && setView({ kind: 'error', message: errorText(e) }),
    );
  }, [load, lib]);

  // Another context (the background's import, a save from a page) or this popup changed the
  // library: reload quietly once the changes settle, dropping stale answers. Subscribed in a
  // layout effect declared before the first read, so a change that commits while that read is
  // on its way is never missed.
  useLayoutEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = onLibraryChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const mine = ++latest.current;
        load(null).then(
          (list) => mine === latest.current && setView({ kind: 'ready', list }),
          () => undefined,
        );
        void lib()
          .then((db) => db.countArticles())
          .then(
            (n) => mine === latest.current && setTotal(n),
            () => undefined,
          );
      }, 150);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [load, lib]);

  // Layout effect, not effect: start reading before the first (empty) frame is painted.
  useLayoutEffect(start, [start]);

  const loadMore = useCallback(() => {
    if (view.kind !== 'ready' || !view.list.next || loadingMore.current) return;
    loadingMore.current = true;
    load(view.list)
      .then((list) => setView({ kind: 'ready', list }))
      .catch((e: unknown) => setView({ kind: 'error', message: errorText(e) }))
      .finally(() => {
        loadingMore.current = false;
      });
  }, [view, load]);

  const replace = useCallback((meta: ArticleMeta) => {
    setView((v) =>
      v.kind === 'ready'
        ? { kind: 'ready', list: { ...v.list, items: v.list.items.map((a) => (a.id === meta.id ? meta : a)) } }
        : v,
    );
  }, []);

  const remove = useCallback((id: string) => {
    setView((v) =>
      v.kind === 'ready' ? { kind: 'ready', list: { ...v.list, items: v.list.items.filter((a) => a.id !== id) } } : v,
    );
    setTotal((n) => (n === null ? n : Math.max(0, n - 1)));
  }, []);

  return { view, total, retry: start, loadMore, replace, remove };
}
