/**
 * The whole library's metas and highlight counts, loaded only once the reader asks for more
 * than the default list (a filter, a sort, the filter menus, tag suggestions). Reloaded when the
 * library changes, while still wanted.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ArticleMeta } from '../../lib/model';
import { errorText } from '../../lib/shared/error-text';
import type { Library } from '../../lib/storage';
import { onLibraryChange } from '../../lib/storage';
import { type LibraryFacets, libraryFacets, liveHighlightCounts } from '../../lib/ui/library-view';

/** Everything the filtered views and menus need. */
export interface LibraryIndex {
  metas: ArticleMeta[];
  counts: Map<string, number>;
  facets: LibraryFacets;
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
        .then((db) => Promise.all([db.allArticleMetas(), db.allHighlights()]))
        .then(
          ([metas, highlights]) =>
            mine === token &&
            setState({
              kind: 'ready',
              index: { metas, counts: liveHighlightCounts(highlights), facets: libraryFacets(metas, locale) },
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
        const metas = change(s.index.metas);
        return { kind: 'ready', index: { ...s.index, metas, facets: libraryFacets(metas, locale) } };
      }),
    [locale],
  );
  const replace = useCallback(
    (meta: ArticleMeta) => edit((metas) => metas.map((m) => (m.id === meta.id ? meta : m))),
    [edit],
  );
  const remove = useCallback((id: string) => edit((metas) => metas.filter((m) => m.id !== id)), [edit]);

  return { state, replace, remove };
}
