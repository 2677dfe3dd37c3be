/**
 * Which paragraphs of a live page get a margin control for paragraph notes. The stored copy is
 * the article alone; a live page also has menus, sidebars, footers and forms, whose `li`s and
 * `p`s are paragraphs to `paragraphsOf` but no place for a note on the article (the stored copy
 * would list such a note as an orphan). So the page's chrome is left out, and blocks that are
 * only a link (a menu item, a "related posts" entry). A very long page gets controls for its
 * first {@link MAX_MARGIN_CONTROLS} paragraphs only: each control is a button in our layer, laid
 * out on every resize.
 */
import { paragraphsOf } from '../anchoring';

/** Most paragraphs given a control. */
export const MAX_MARGIN_CONTROLS = 1500;

/** Parts of a page that are not its article. */
const CHROME =
  'nav, aside, footer, form, menu, dialog, [role=navigation], [role=complementary], [role=contentinfo], ' +
  '[role=search], [role=dialog], [aria-hidden=true], [hidden]';

/** Whether all of `block`'s visible text is the text of links in it. */
function isOnlyLinks(block: Element): boolean {
  const all = (block.textContent ?? '').replace(/\s+/g, '');
  if (!all) return true;
  let linked = 0;
  for (const a of block.querySelectorAll('a[href]')) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return linked >= all.length;
}

/**
 * The paragraphs of `root` (a live page's body) a reader may note, in reading order, each with
 * its number among all of `root`'s paragraphs (from 1): the number its note's ParagraphSelector
 * records, which the side panel shows ("Note on paragraph 12").
 */
export function marginParagraphs(
  root: Element,
  limit = MAX_MARGIN_CONTROLS,
): { paragraphs: Element[]; numbers: number[] } {
  const paragraphs: Element[] = [];
  const numbers: number[] = [];
  for (const [i, block] of paragraphsOf(root).entries()) {
    if (block.closest(CHROME) || isOnlyLinks(block)) continue;
    paragraphs.push(block);
    numbers.push(i + 1);
    if (paragraphs.length >= limit) break;
  }
  return { paragraphs, numbers };
}
