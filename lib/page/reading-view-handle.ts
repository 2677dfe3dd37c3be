/**
 * The hand-over between the eager content script and the lazily injected reading view. Both
 * run in the extension's isolated world of the same frame, so a property on that world's
 * global is shared by them and invisible to the page's own scripts (its world has a separate
 * global). Keyed by a registered symbol so no string name is claimed even there.
 */

/** What the injected reading view offers the content script. */
export interface ReadingViewHandle {
  /** Opens the view, or closes it when it is open. */
  toggle(): void;
  /** Whether the view is on screen. */
  isOpen(): boolean;
  /** Closes the view if it is open. */
  close(): void;
}

const KEY = Symbol.for('glossa.readingView');

/** The reading view of this frame, once injected. */
export function getReadingView(): ReadingViewHandle | undefined {
  return (globalThis as { [KEY]?: ReadingViewHandle })[KEY];
}

/** Registers the reading view of this frame (called by the injected script, once). */
export function setReadingView(handle: ReadingViewHandle): void {
  (globalThis as { [KEY]?: ReadingViewHandle })[KEY] = handle;
}
