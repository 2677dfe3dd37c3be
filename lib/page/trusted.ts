/**
 * Only the reader acts for the reader. A web page's own script can select text and dispatch
 * `mouseup`, `keydown` Alt+Shift+H or `click` on any element it can reach, and those events
 * reach a content script's listeners too — with `isTrusted === false`. Real input from the
 * person (mouse, touch, keyboard, and the clicks they synthesize, such as Enter on a button)
 * is `isTrusted === true`. Every handler in a web page that acts on the reader's behalf asks
 * {@link isReaderEvent}; Glossa's UI inside a page drops untrusted events at its shadow root
 * ({@link ignoreUntrustedEvents}) before any control hears them.
 */

/** Whether the event came from the person at the keyboard or pointer, not from a script. */
export function isReaderEvent(event: Event): boolean {
  return event.isTrusted;
}

/** Events that make a control act. Focus and scroll events do not act, so they pass. */
const ACTING_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
] as const;

/**
 * Stops every untrusted acting event at `root` (a shadow root of Glossa's UI in a page), in the
 * capture phase, so no control below it ever hears one. Returns the function that removes the
 * guard.
 */
export function ignoreUntrustedEvents(root: ShadowRoot | Element): () => void {
  const stop = (event: Event) => {
    if (isReaderEvent(event)) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of ACTING_EVENTS) root.addEventListener(type, stop, { capture: true });
  return () => {
    for (const type of ACTING_EVENTS) root.removeEventListener(type, stop, { capture: true });
  };
}

/**
 * `listener`, called only for the reader's own events: for handlers on the page's document or
 * window (selection end, shortcuts, clicks on highlights), where the guard above cannot stand.
 */
export function forReaderEvents<E extends Event>(listener: (event: E) => void): (event: E) => void {
  return (event) => {
    if (isReaderEvent(event)) listener(event);
  };
}
