/**
 * Arrow-key movement between the links of a list (the library, the search results): one tab
 * stop for the list, Up/Down/Home/End to move, as in a listbox.
 */
import type { TargetedKeyboardEvent } from 'preact';

/** Selector of the links a list moves between. */
const LINKS = 'li > a.entry';

/** ArrowUp/ArrowDown/Home/End move focus between the list's entry links. */
export function moveFocus(e: TargetedKeyboardEvent<HTMLAnchorElement>): void {
  const list = e.currentTarget.closest('ul');
  const links = [...(list?.querySelectorAll<HTMLAnchorElement>(LINKS) ?? [])];
  const index = links.indexOf(e.currentTarget);
  const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: links.length - 1 };
  const target = moves[e.key];
  if (target === undefined) return;
  e.preventDefault();
  links[Math.max(0, Math.min(links.length - 1, target))]?.focus();
}

/** Focuses the first entry link inside `root` (ArrowDown from the search box); false if none. */
export function focusFirstEntry(root: ParentNode | null): boolean {
  const first = root?.querySelector<HTMLAnchorElement>(LINKS);
  first?.focus();
  return Boolean(first);
}
