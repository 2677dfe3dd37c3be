/**
 * Readability 0.6.0's small DOM helpers, rewritten to ask the DOM fewer questions for the same
 * answers. Its main walk calls them on every element, and in Chromium each property read of a
 * node from script costs a call into the browser (a large share of an extraction's profile:
 * bench/FINDINGS.md): the originals read `tagName` up to four times,
 * `firstElementChild` twice, and go through `Array.prototype.some/every` over live node lists.
 *
 * Each replacement gives the same result as the original for every node: `text.data` is a text
 * node's `textContent`, `trim()` and `\s` mean the same space, only elements have children
 * among an element's child nodes, and `childElementCount`/`firstElementChild` are
 * `children.length`/`children[0]`. readability-dom.test.ts compares each helper with the
 * original node by node; extract.test.ts holds the whole parse to the plain library's result on
 * all 130 corpus pages.
 */
import type { ReadabilityInternals } from './readability-tuned';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const NOT_SPACE = /\S/;

/** The helpers this module replaces on one Readability instance. */
export interface ReadabilityDomHelpers {
  PHRASING_ELEMS: string[];
  DIV_TO_P_ELEMS: Set<string>;
  REGEXPS: { hasContent: RegExp };
  _getNextNode(node: Node, ignoreSelfAndKids?: boolean): Element | null;
  _isPhrasingContent(node: Node): boolean;
  _isWhitespace(node: Node): boolean;
  _hasSingleTagInsideElement(element: Element, tag: string): boolean;
  _hasChildBlockElement(element: Node): boolean;
}

/** Replaces the helpers above on `reader` (its prototype and other instances are untouched). */
export function tuneDomHelpers(reader: ReadabilityInternals & ReadabilityDomHelpers): void {
  // The next element in document order: first child, else next sibling, else an ancestor's.
  reader._getNextNode = (node, ignoreSelfAndKids) => {
    if (!ignoreSelfAndKids) {
      const first = (node as Element).firstElementChild;
      if (first) return first;
    }
    const next = (node as Element).nextElementSibling;
    if (next) return next;
    for (let up = node.parentNode; up; up = up.parentNode) {
      const after = (up as Element).nextElementSibling;
      if (after) return after;
    }
    return null;
  };

  const phrasing = new Set(reader.PHRASING_ELEMS);
  reader._isPhrasingContent = function (node) {
    if (node.nodeType === TEXT_NODE) return true;
    const tag = (node as Element).tagName;
    if (phrasing.has(tag)) return true;
    if (tag !== 'A' && tag !== 'DEL' && tag !== 'INS') return false;
    for (let child = node.firstChild; child; child = child.nextSibling)
      if (!this._isPhrasingContent(child)) return false;
    return true;
  };

  reader._isWhitespace = (node) => {
    const type = node.nodeType;
    if (type === TEXT_NODE) return !NOT_SPACE.test((node as Text).data);
    return type === ELEMENT_NODE && (node as Element).tagName === 'BR';
  };

  reader._hasSingleTagInsideElement = function (element, tag) {
    if (element.childElementCount !== 1 || element.firstElementChild?.tagName !== tag) return false;
    for (let child = element.firstChild; child; child = child.nextSibling)
      if (child.nodeType === TEXT_NODE && this.REGEXPS.hasContent.test((child as Text).data)) return false;
    return true;
  };

  reader._hasChildBlockElement = function (element) {
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== ELEMENT_NODE) continue;
      if (this.DIV_TO_P_ELEMS.has((child as Element).tagName) || this._hasChildBlockElement(child)) return true;
    }
    return false;
  };
}
