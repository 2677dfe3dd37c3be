/**
 * The reader's input around an annotated body: the selection (after a short pause, so a drag
 * does not re-render on every pixel), clicks on highlights, the annotation shortcuts
 * (Alt+Shift+H highlight, Alt+Shift+A focus the toolbar, Escape close) and scrolling, which
 * moves the floating UI. Every acting event passes `accept` first: on a live page only the
 * reader's own (trusted) events act.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Painter } from '../../lib/shared/highlighting/painter';
import { caretAt, selectionIn } from '../../lib/shared/highlighting/selection';
import { isEditable } from './annotator-dom';

/** What the input means, for {@link useReaderInput}. */
export interface ReaderInput {
  root: HTMLElement;
  painter: Painter | null;
  accept: (event: Event) => boolean;
  /** The selection in `root` settled (null: none). */
  onSelection: (range: Range | null) => void;
  /** Alt+Shift+H (`highlight`) or Alt+Shift+A (`toolbar`) with text selected. */
  onShortcut: (which: 'highlight' | 'toolbar') => void;
  onEscape: () => void;
  /** The reader clicked highlight `id`, drawn over `range`. */
  onHighlightClick: (id: string, range: Range) => void;
  /** The page scrolled or resized: floating UI must move. */
  onMove: () => void;
}

/** Listens for the reader's input while mounted (the latest callbacks answer; no re-binding). */
export function useReaderInput(input: ReaderInput): void {
  const { root, painter, accept } = input;
  const latest = useRef(input);
  latest.current = input;
  useEffect(() => {
    const { onSelection, onShortcut, onEscape, onHighlightClick, onMove } = {
      onSelection: (range: Range | null) => latest.current.onSelection(range),
      onShortcut: (which: 'highlight' | 'toolbar') => latest.current.onShortcut(which),
      onEscape: () => latest.current.onEscape(),
      onHighlightClick: (id: string, range: Range) => latest.current.onHighlightClick(id, range),
      onMove: () => latest.current.onMove(),
    };
    const doc = root.ownerDocument;
    const win = doc.defaultView as Window;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A timer, not a frame: a tab in the background gets no frames, but keyboard selection and
    // Alt+Shift+A must still work the moment it is shown.
    const selectionChanged = () => {
      clearTimeout(timer);
      timer = setTimeout(() => onSelection(selectionIn(root)), 30);
    };
    const onClick = (event: MouseEvent) => {
      if (!accept(event)) return;
      if (selectionIn(root) || (event.target as Element | null)?.closest?.('a, button, [data-glossa-ui]')) return;
      const at = caretAt(doc, event.clientX, event.clientY);
      const ids = at ? (painter?.idsAt(at.node, at.offset) ?? []) : [];
      const id = ids[ids.length - 1];
      const range = id ? painter?.rangeOf(id) : null;
      if (id && range) onHighlightClick(id, range);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!accept(event)) return;
      // Only with text selected in the article, and never while typing: Option+Shift+H types
      // "Ó" on a Mac, and the page may have shortcuts of its own.
      const shortcut = event.altKey && event.shiftKey && (event.code === 'KeyH' || event.code === 'KeyA');
      if (shortcut && !isEditable(event.target) && selectionIn(root)) {
        event.preventDefault();
        onShortcut(event.code === 'KeyH' ? 'highlight' : 'toolbar');
      } else if (event.key === 'Escape') {
        onEscape();
      }
    };
    const moved = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(onMove);
    };
    // Mounted after a selection was made (a live page loads this layer on the first one).
    selectionChanged();
    doc.addEventListener('selectionchange', selectionChanged);
    root.addEventListener('click', onClick);
    // Keys are heard where they bubble to: inside a reading view they reach its shadow root
    // (its host stops them there); with focus on the page they reach the document.
    const keys = [...new Set([root.getRootNode() as Document | ShadowRoot, doc])];
    for (const target of keys) target.addEventListener('keydown', onKey as EventListener);
    win.addEventListener('scroll', moved, { passive: true, capture: true });
    win.addEventListener('resize', moved);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      doc.removeEventListener('selectionchange', selectionChanged);
      root.removeEventListener('click', onClick);
      for (const target of keys) target.removeEventListener('keydown', onKey as EventListener);
      win.removeEventListener('scroll', moved, { capture: true });
      win.removeEventListener('resize', moved);
    };
  }, [root, painter, accept]);
}
