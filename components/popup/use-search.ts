/**
 * Search as you type: asks the background's search index (`search/query`) once typing pauses
 * for {@link SEARCH_DELAY_MS}, and drops answers to queries the reader has already changed.
 * The last results stay on screen while the next query runs, so the list never flickers empty.
 */
import { useEffect, useState } from 'preact/hooks';
import { call } from '../../lib/shared/messaging';
import type { BackgroundCalls } from '../../lib/shared/messaging/protocol';

/** Pause after the last keystroke before searching. */
export const SEARCH_DELAY_MS = 100;
/** Hits asked for: more than a popup shows without scrolling, few enough to render at once. */
export const SEARCH_LIMIT = 50;

/** One hit, as the background answers it. */
export type SearchHit = BackgroundCalls['search/query']['response']['hits'][number];

/** What the results area shows. */
export type SearchState =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; query: string; hits: SearchHit[]; total: number; pending: boolean };

/** Searches for `query` (trimmed; empty means idle). */
export function useSearch(query: string): SearchState {
  const [state, setState] = useState<SearchState>({ kind: 'idle' });
  const wanted = query.trim();

  useEffect(() => {
    if (!wanted) {
      setState({ kind: 'idle' });
      return;
    }
    let current = true;
    setState((s) => (s.kind === 'ready' ? { ...s, pending: true } : { kind: 'searching' }));
    const timer = setTimeout(() => {
      void call('background', 'search/query', { query: wanted, limit: SEARCH_LIMIT }).then((result) => {
        if (!current) return;
        setState(
          result.ok
            ? { kind: 'ready', query: wanted, hits: result.value.hits, total: result.value.total, pending: false }
            : { kind: 'error', message: result.error.message },
        );
      });
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [wanted]);

  return state;
}
