/**
 * What the reading view must give back when it closes: the scroll position and the focused
 * element. Nothing else of the page is touched while the view is open — the overlay stops the
 * page scrolling underneath by covering it with its own scroll container
 * (`overscroll-behavior: contain`), not by styling `<html>`/`<body>` — so closing needs only
 * to remove the overlay's host and call this, and the page's DOM is byte-identical.
 */

/** Puts the page back as it was. */
export type Restore = () => void;

/** Remembers scroll position and focus; returns the function that restores them. */
export function freezePage(doc: Document): Restore {
  const win = doc.defaultView;
  const scroll = { x: win?.scrollX ?? 0, y: win?.scrollY ?? 0 };
  const focused = doc.activeElement as HTMLElement | null;
  return () => {
    win?.scrollTo(scroll.x, scroll.y);
    if (focused?.isConnected && typeof focused.focus === 'function') focused.focus({ preventScroll: true });
  };
}
