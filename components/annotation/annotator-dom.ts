/** Small DOM questions the annotation layer asks about events and anchors. */

/** Whether a key event comes from a place the user types in. */
export function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || /^(input|textarea|select)$/i.test(el.tagName ?? '')));
}

/** A range over an element (a paragraph) or the range itself, for placing a dialog. */
export function rangeOf(anchor: Range | Element): Range {
  if ('collapsed' in anchor) return anchor;
  const range = anchor.ownerDocument.createRange();
  range.selectNodeContents(anchor);
  return range;
}

/** Copies the text selected in `root` (the async clipboard, else the old command). */
export async function copySelection(root: HTMLElement): Promise<void> {
  const selection = root.ownerDocument.getSelection();
  const text = selection && !selection.isCollapsed ? selection.toString() : '';
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    root.ownerDocument.execCommand('copy');
  }
}
