/**
 * Paragraph keys: which block of an article a note belongs to. A paragraph note must survive
 * small edits and must find its paragraph in a different DOM of the same article (live page vs
 * stored copy), so the key holds the block's index, a short hash of its text, and (in the
 * note's TextQuoteSelector) the block's opening words, which do the real work of finding it.
 */
import { buildTextIndex } from './text-index';

/** Elements a paragraph note can attach to. */
export const PARAGRAPH_SELECTOR = 'p, li, blockquote, pre, h1, h2, h3, h4, h5, h6, figcaption, dt, dd, td, th';

/** Characters of a paragraph's opening kept as its quote. */
export const PARAGRAPH_QUOTE_LENGTH = 64;

/** The blocks of `root` that hold text, in document order (a `p` inside an `li` is its own). */
export function paragraphsOf(root: Element): Element[] {
  return [...root.querySelectorAll(PARAGRAPH_SELECTOR)].filter(
    (el) => !el.closest('[data-glossa-ui]') && blockText(el).length > 0,
  );
}

/** The innermost paragraph holding `node`, within `root`. */
export function paragraphOf(root: Element, node: Node): Element | null {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const block = el?.closest(PARAGRAPH_SELECTOR) ?? null;
  return block && root.contains(block) ? block : null;
}

/** A block's text as anchoring reads it (normalized, without Glossa's own controls). */
export function blockText(block: Element): string {
  return buildTextIndex(block).text;
}

/** FNV-1a of a block's text, 8 hex digits: tells "same paragraph" without storing it. */
export function textHash(block: Element): string {
  let h = 0x811c9dc5;
  const value = blockText(block);
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
