/**
 * The state behind the annotation UI: an article's highlights (loaded from the store, kept
 * current when another view changes them), where each one sits in the DOM, and drawing them.
 * Writes are optimistic — the UI changes at once — and a failed write reloads from the store
 * and reports the error, so the screen never shows an edit that was not kept.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Highlight } from '../../lib/model';
import { errorText } from '../../lib/shared/error-text';
import { createPainter, type Painter, type PaintMode } from '../../lib/shared/highlighting/painter';
import { type Placement, place } from '../../lib/shared/highlighting/placement';
import type { AnnotationStore } from '../../lib/shared/highlighting/store';
import { useMounted } from '../shared/use-mounted';

/** What {@link useAnnotations} gives the UI. */
export interface Annotations {
  highlights: Highlight[];
  placement: Placement | null;
  painter: Painter | null;
  /** Stores a new or changed record (a tombstone to delete). */
  save: (highlight: Highlight) => Promise<Highlight | null>;
  /** Resolves once no write of highlight `id` is on its way (stored, or failed and reported). */
  settled: (id: string) => Promise<void>;
  error: string | null;
}

function upsert(list: Highlight[], h: Highlight): Highlight[] {
  const rest = list.filter((x) => x.id !== h.id);
  return h.deleted ? rest : [...rest, h];
}

/** Loads, places and draws the annotations of `store`'s article under `root`. */
export function useAnnotations(
  root: HTMLElement | null,
  store: AnnotationStore,
  styleTarget: Document | ShadowRoot,
  options: { mode?: PaintMode; contentVersion?: number } = {},
): Annotations {
  const [highlights, setHighlights] = useState<Highlight[]>([]);
  const [placement, setPlacement] = useState<Placement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useMounted();

  const reload = useCallback(
    () =>
      store.list().then(
        (list) => alive.current && setHighlights(list),
        (e: unknown) => alive.current && setError(errorText(e)),
      ),
    [store],
  );
  useEffect(() => {
    void reload();
    return store.subscribe(() => void reload());
  }, [store, reload]);

  const painter = useMemo(
    () => (root ? createPainter(root, { styleTarget, mode: options.mode }) : null),
    [root, styleTarget, options.mode],
  );
  useEffect(() => () => painter?.clear(), [painter]);

  // Placed and drawn together: in the wrapping fallback, drawing splits text nodes, so old
  // drawings must go before the text is indexed again.
  useLayoutEffect(() => {
    if (!root || !painter) return;
    painter.reset();
    const next = place(root, highlights);
    for (const p of next.placed)
      if (p.highlight.kind === 'highlight') painter.draw(p.highlight.id, p.range, p.highlight.color);
    setPlacement(next);
  }, [root, painter, highlights, options.contentVersion]);

  // Writes still on their way, by highlight id: what is drawn at once may not be stored yet.
  const inFlight = useRef(new Map<string, Promise<unknown>>());
  const settled = useCallback(
    (id: string) =>
      (inFlight.current.get(id) ?? Promise.resolve()).then(
        () => undefined,
        () => undefined,
      ),
    [],
  );

  const save = useCallback(
    async (h: Highlight) => {
      setHighlights((list) => upsert(list, h));
      const writing = store.put(h);
      inFlight.current.set(h.id, writing);
      try {
        const stored = await writing;
        if (!alive.current) return stored;
        setError(null);
        // What was kept: with its article id filled in, or a newer record that won over ours.
        if (stored !== h) setHighlights((list) => upsert(list, stored));
        return stored;
      } catch (e) {
        if (!alive.current) return null;
        setError(errorText(e));
        await reload();
        return null;
      } finally {
        if (inFlight.current.get(h.id) === writing) inFlight.current.delete(h.id);
      }
    },
    [store, reload],
  );

  return { highlights, placement, painter, save, settled, error };
}
