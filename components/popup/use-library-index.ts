/**
 * The whole library's metas, highlight counts and feed links, loaded only once the reader asks
 * for more than the default list (a filter, a sort, the filter menus, tag suggestions). Reloaded
 * when the library changes, while still wanted.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ArticleMeta, Subscription } from '../../lib/model';
import { errorText } from '../../lib/shared/error-text';
import type { FeedArticleLink, Library } from '../../lib/storage';
import { onLibraryChange } from '../../lib/storage';
import {
  type FeedFacet,
  feedFacets,
  type LibraryFacets,
  libraryFacets,
  liveHighlightCounts,
} from '../../lib/ui/library-view';

/** Everything the filtered views and menus need. */
export interface LibraryIndex {
  metas: ArticleMeta[];
  counts: Map<string, number>;
  facets: LibraryFacets;
  /** Feed links by article id, and the feed menu. */
  links: Map<string, FeedArticleLink>;
  subscriptions: Subscription[];
  feeds: FeedFacet[];
}

/** Loading state of the index. */
export type IndexState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; index: LibraryIndex };

/** The index and quick local edits that show a change before the change notice reloads it. */
export interface LibraryIndexHandle {
  state: IndexState;
  replace: (meta: ArticleMeta) => void;
  remove: (id: string) => void;
  /** Shows these articles as read (after the library marked them). */
  markRead: (ids: readonly string[], at: number) => void;
}

/** Loads all metas and live highlights through `lib` while `wanted`. */
export function useLibraryIndex(lib: () => Promise<Library>, wanted: boolean, locale: string): LibraryIndexHandle {
  const [state, setState] = useState<IndexState>({ kind: 'idle' });

  useEffect(() => {
    if (!wanted) return;
    let token = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      const mine = ++token;
      lib()
        .then((db) =>
          Promise.all([db.allArticleMetas(), db.allHighlights(), db.allFeedLinks(), db.listSubscriptions()]),
        )
        .then(
          ([metas, highlights, allLinks, subscriptions]) =>
            mine === token &&
            setState({
              kind: 'ready',
              index: indexOf(metas, liveHighlightCounts(highlights), locale, linkMap(allLinks), subscriptions),
            }),
          (e: unknown) => mine === token && setState({ kind: 'error', message: errorText(e) }),
        );
    };
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }));
    load();
    const stop = onLibraryChange(() => {
      clearTimeout(timer);
      timer = setTimeout(load, 150);
    });
    return () => {
      token++;
      clearTimeout(timer);
      stop();
    };
  }, [lib, wanted, locale]);

  const edit = useCallback(
    (change: (metas: ArticleMeta[]) => ArticleMeta[]) =>
      setState((s) => {
        if (s.kind !== 'ready') return s;
        const { counts, links, subscriptions } = s.index;
        return { kind: 'ready', index: indexOf(change(s.index.metas), counts, locale, links, subscriptions) };
      }),
    [locale],
  );
  const replace = useCallback(
    (meta: ArticleMeta) => edit((metas) => metas.map((m) => (m.id === meta.id ? meta : m))),
    [edit],
  );
  const remove = useCallback((id: string) => edit((metas) => metas.filter((m) => m.id !== id)), [edit]);
  const markRead = useCallback(
    (ids: readonly string[], at: number) =>
      setState((s) => {
        if (s.kind !== 'ready') return s;
        const links = new Map(s.index.links);
        for (const id of ids) {
          const link = links.get(id);
          if (link && link.readAt === undefined) links.set(id, { ...link, readAt: at });
        }
        const { metas, counts, subscriptions } = s.index;
        return { kind: 'ready', index: indexOf(metas, counts, locale, links, subscriptions) };
      }),
    [locale],
  );

  return { state, replace, remove, markRead };
}

function linkMap(links: readonly FeedArticleLink[]): Map<string, FeedArticleLink> {
  return new Map(links.map((link) => [link.articleId, link]));
}

function indexOf(
  metas: ArticleMeta[],
  counts: Map<string, number>,
  locale: string,
  links: Map<string, FeedArticleLink>,
  subscriptions: Subscription[],
): LibraryIndex {
  const facets = libraryFacets(metas, locale);
  return { metas, counts, facets, links, subscriptions, feeds: feedFacets(subscriptions, metas, links) };
}
