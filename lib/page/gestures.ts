/**
 * The reader's gestures in this frame, counted. Each trusted key press or pointer press adds
 * one; a script's synthetic events add nothing. A request that creates an article carries the
 * count at the time, and the background creates at most one new article per gesture of a tab
 * (lib/background/page-annotations.ts): whatever a page does between two real key presses, it
 * cannot make Glossa fill the library.
 *
 * The count lives on the isolated world's global under a registered symbol (like the other
 * hand-overs in lib/page), shared by the content script and the scripts injected beside it,
 * invisible to the page's own world.
 */
import { isReaderEvent } from './trusted';

const KEY = Symbol.for('glossa.gestures');

interface Counter {
  count: number;
  installed: boolean;
}

function counter(): Counter {
  const g = globalThis as { [KEY]?: Counter };
  g[KEY] ??= { count: 0, installed: false };
  return g[KEY];
}

/** Starts counting the reader's gestures in `win` (once per frame; the content script calls it). */
export function countGestures(win: Window, signal: AbortSignal): void {
  const c = counter();
  if (c.installed) return;
  c.installed = true;
  const onGesture = (event: Event) => {
    if (isReaderEvent(event)) c.count++;
  };
  // Capture on the window: counted before any page listener can stop the event.
  for (const type of ['keydown', 'pointerdown'] as const) {
    win.addEventListener(type, onGesture, { capture: true, passive: true, signal });
  }
  signal.addEventListener('abort', () => {
    c.installed = false;
  });
}

/** The number of the reader's gestures so far (0: none yet). */
export function currentGesture(): number {
  return counter().count;
}
