/**
 * Reading the reader's selection and clicks as DOM positions, across the browsers' differences:
 * a selection inside a shadow root is reported at the host by `document.getSelection()` in
 * Chromium, so the shadow root's own `getSelection()` (Chromium) or `getComposedRanges`
 * (the standard, Chromium 137+ / Firefox 142+) is asked first.
 */

type ShadowWithSelection = ShadowRoot & { getSelection?: () => Selection | null };
type ComposedSelection = Selection & {
  getComposedRanges?: (options: { shadowRoots: ShadowRoot[] }) => StaticRange[];
};

/** The current non-empty selection, as a live Range, if it lies within `root`. */
export function selectionIn(root: Element): Range | null {
  const doc = root.ownerDocument;
  const top = root.getRootNode();
  const shadow = top !== doc && 'host' in top ? (top as ShadowWithSelection) : null;
  let range: Range | null = null;
  const fromShadow = shadow?.getSelection?.();
  if (fromShadow && fromShadow.rangeCount > 0 && !fromShadow.isCollapsed) range = fromShadow.getRangeAt(0);
  const selection = doc.getSelection() as ComposedSelection | null;
  if (!range && selection && !selection.isCollapsed && selection.rangeCount > 0) {
    const composed = shadow && selection.getComposedRanges?.({ shadowRoots: [shadow] })[0];
    if (composed) {
      range = doc.createRange();
      range.setStart(composed.startContainer, composed.startOffset);
      range.setEnd(composed.endContainer, composed.endOffset);
    } else {
      range = selection.getRangeAt(0);
    }
  }
  if (!range || range.collapsed) return null;
  return root.contains(range.startContainer) && root.contains(range.endContainer) ? range.cloneRange() : null;
}

/** The DOM position under a viewport point (where a click landed in the text). */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  const position = d.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Where to put a floating toolbar for `range`: below its last line, kept on screen. */
export function toolbarPosition(range: Range, win: Window, width = 280): { top: number; left: number } {
  // (Ranges without geometry — jsdom — fall back to their element's box.)
  const rects = typeof range.getClientRects === 'function' ? range.getClientRects() : null;
  const last =
    rects?.[rects.length - 1] ??
    (typeof range.getBoundingClientRect === 'function'
      ? range.getBoundingClientRect()
      : (range.startContainer.parentElement ?? range.startContainer.ownerDocument?.body)?.getBoundingClientRect());
  if (!last) return { top: 8, left: 8 };
  const top = Math.min(last.bottom + 8, win.innerHeight - 56);
  const left = Math.max(8, Math.min(last.left, win.innerWidth - width - 8));
  return { top: Math.max(8, top), left };
}
