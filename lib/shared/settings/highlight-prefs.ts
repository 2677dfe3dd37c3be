/**
 * The highlight colour the reader used last: the shortcut (Alt+Shift+H) and "Add note" use it,
 * and the toolbar marks it. Per device (`storage.local`), like typography.
 */
import { storage } from 'wxt/utils/storage';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../model';

/** The stored item. */
export const lastHighlightColor = storage.defineItem<HighlightColor>('local:lastHighlightColor', {
  fallback: 'yellow',
  version: 1,
});

/** Reads the colour, falling back to yellow for anything unknown. */
export async function loadLastColor(): Promise<HighlightColor> {
  const stored = await lastHighlightColor.getValue();
  return HIGHLIGHT_COLORS.includes(stored) ? stored : 'yellow';
}
