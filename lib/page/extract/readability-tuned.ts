/**
 * Mozilla Readability 0.6.0, made faster without changing a byte of what it returns.
 *
 * Profiling `parse()` over the 130 corpus pages in Chromium showed most of its time going to
 * work whose answer is thrown away: the whole body serialized to HTML before the first pass
 * (kept only for a retry that most pages never need), the grabbed article serialized
 * again for a log line that prints nothing unless debugging, the full text of every element
 * read while looking for a byline (before checking whether it could be one), the full text of
 * every div read to learn whether it has *any* text, a CSS declaration object built for every
 * element to check a `style` attribute most elements do not have, and every link's text read
 * to compute a link density that is 0 when there are no links, and a dozen attribute removals
 * tried on every article element, most of which have no attributes at all. Two more concerns
 * live beside this file: link densities from text shapes, each nested candidate's text read
 * once instead of once per level (candidate-density.ts), and the small DOM helpers of the main
 * walk asking the DOM fewer questions (readability-dom.ts).
 *
 * Each change below gives the same answer as the method it shadows, on this one instance (the
 * prototype, and every other Readability user, are untouched). `@mozilla/readability` is
 * pinned to an exact version; tests/unit/page/extract/readability-tuned.test.ts compares this with
 * the plain library on all 130 corpus pages (content, text, title, byline, excerpt…, including
 * the pages that take the retry path) and fails if a shadowed method disappears upstream.
 */
import { Readability } from '@mozilla/readability';
import { CandidateDensity } from './candidate-density';
import { inertClone } from './inert-clone';
import { type ReadabilityDomHelpers, tuneDomHelpers } from './readability-dom';

/** The private methods of Readability 0.6.0 this module shadows or calls. */
export interface ReadabilityInternals {
  _debug: boolean;
  ELEMENT_NODE: number;
  REGEXPS: { byline: RegExp; hashUrl: RegExp };
  _isProbablyVisible(node: Element): boolean;
  _isValidByline(node: Element, matchString: string): boolean;
  _isElementWithoutContent(node: Element): boolean;
  _getLinkDensity(element: Element): number;
  _initializeNode(node: Element): void;
  _cleanStyles(element: Element | null): void;
  PRESENTATIONAL_ATTRIBUTES: string[];
  DEPRECATED_SIZE_ATTRIBUTE_ELEMS: string[];
  _grabArticle(page?: Element | null): Element | null;
  _unwrapNoscriptImages(doc: Document): void;
  _removeScripts(doc: Document): void;
  _prepDocument(): void;
}

/** The names above, so a test can check that the pinned version still has every one. */
export const SHADOWED = [
  '_isProbablyVisible',
  '_isValidByline',
  '_isElementWithoutContent',
  '_getLinkDensity',
  '_initializeNode',
  '_cleanStyles',
  '_grabArticle',
  '_unwrapNoscriptImages',
  '_removeScripts',
  '_prepDocument',
  '_getNextNode',
  '_isPhrasingContent',
  '_isWhitespace',
  '_hasSingleTagInsideElement',
  '_hasChildBlockElement',
] as const;

const SHOW_TEXT_AND_CDATA = 0x4 | 0x8;
/** `\s` is the same set `String.prototype.trim` removes, so "has \S" ≡ "trim() is not empty". */
const NOT_SPACE = /\S/;

/**
 * A Readability for `clone`, a fresh copy of `source` (`inertClone`, or `cloneNode(true)`) that nothing has touched
 * yet. `source` is only read, and only on the retry path (see `lazyPageCache`).
 */
export function tunedReadability<T = string>(
  clone: Document,
  source: Document,
  options: ReadabilityOptions<T> = {},
): Readability<T> {
  const serialize = options.serializer ?? ((node: Node) => (node as Element).innerHTML as T);
  const reader = new Readability<T>(clone, {
    ...options,
    // The article's own `innerHTML` answer (see _grabArticle below) is gone before anything
    // real reads it, even if the log line that was meant to take it never ran.
    serializer: (node) => serialize(forgetOwn(node, 'innerHTML')),
  });
  const r = reader as unknown as ReadabilityInternals;
  tuneDomHelpers(reader as unknown as ReadabilityInternals & ReadabilityDomHelpers);

  // Visible unless an inline style hides it: with no style attribute there is no inline style,
  // so skip building a CSSStyleDeclaration; the other tests are the original's.
  const visible = r._isProbablyVisible;
  r._isProbablyVisible = function (node) {
    if (!node.hasAttributes()) return true;
    if (node.hasAttribute('style')) return visible.call(this, node);
    return (
      !node.hasAttribute('hidden') &&
      (!node.hasAttribute('aria-hidden') ||
        node.getAttribute('aria-hidden') !== 'true' ||
        (typeof node.className === 'string' && node.className.includes('fallback-image')))
    );
  };

  // Byline: the cheap attribute and class tests first, the element's text only if one passes.
  r._isValidByline = function (node, matchString) {
    const rel = node.getAttribute('rel');
    const itemprop = node.getAttribute('itemprop');
    if (!(rel === 'author' || itemprop?.includes('author') || this.REGEXPS.byline.test(matchString))) return false;
    const length = (node.textContent ?? '').trim().length;
    return length > 0 && length < 100;
  };

  // "Has no text": stop at the first text node with a non-space character instead of joining
  // the text of the whole subtree.
  r._isElementWithoutContent = function (node) {
    if (node.nodeType !== this.ELEMENT_NODE) return false;
    const walker = node.ownerDocument.createTreeWalker(node, SHOW_TEXT_AND_CDATA);
    for (let text = walker.nextNode(); text; text = walker.nextNode())
      if (NOT_SPACE.test((text as CharacterData).data)) return false;
    const children = node.children.length;
    return !children || children === node.getElementsByTagName('br').length + node.getElementsByTagName('hr').length;
  };

  // Link density from text shapes, candidates measured once per attempt (candidate-density.ts).
  const densities = new CandidateDensity(r.REGEXPS.hashUrl);
  r._getLinkDensity = (element) => densities.density(element);
  const initialize = r._initializeNode;
  r._initializeNode = function (node) {
    initialize.call(this, node);
    densities.initialized(node);
  };

  // Presentational attributes: an element with no attributes has none to remove (removing an
  // absent attribute does nothing), so only its children are visited.
  r._cleanStyles = function (element) {
    if (!element || element.tagName.toLowerCase() === 'svg') return;
    if (element.hasAttributes()) {
      for (const name of this.PRESENTATIONAL_ATTRIBUTES) element.removeAttribute(name);
      if (this.DEPRECATED_SIZE_ATTRIBUTE_ELEMS.includes(element.tagName)) {
        element.removeAttribute('width');
        element.removeAttribute('height');
      }
    }
    for (let child = element.firstElementChild; child !== null; child = child.nextElementSibling)
      this._cleanStyles(child);
  };

  const grab = r._grabArticle;
  r._grabArticle = function (page) {
    const restore = page || this._debug ? null : lazyPageCache(clone.body, () => preparedBodyHtml(source));
    try {
      const article = grab.call(this, page);
      // parse() logs "Grabbed: " + article.innerHTML next; log() drops it unless debugging.
      if (article && !this._debug) answerOnce(article, 'innerHTML', '');
      return article;
    } finally {
      restore?.();
    }
  };
  return reader;
}

/** Readability's constructor options. */
type ReadabilityOptions<T> = NonNullable<ConstructorParameters<typeof Readability<T>>[1]>;

/**
 * _grabArticle reads `body.innerHTML` once, before its first pass, and writes it back only to
 * start a retry (when the first pass found too little text). Serializing the whole body costs
 * about a tenth of a parse. Instead, the read answers a token, and a write of that token
 * rebuilds the same HTML from `rebuild()`: what the body was at the read. Returns the undo, or
 * null when the property cannot be shadowed (the plain path then runs, equally correct).
 */
function lazyPageCache(body: HTMLElement | null, rebuild: () => string): (() => void) | null {
  const native = body ? inherited(body, 'innerHTML') : undefined;
  const { get, set } = native ?? {};
  if (!body || !get || !set) return null;
  const token = `\u0000glossa-page-cache-${Math.random()}`;
  let html: string | null = null;
  try {
    Object.defineProperty(body, 'innerHTML', {
      configurable: true,
      get: () => token,
      set: (value: string) => {
        if (value === token) html ??= rebuild();
        set.call(body, value === token ? html : value);
      },
    });
  } catch {
    return null;
  }
  return () => forgetOwn(body, 'innerHTML');
}

/**
 * The body's HTML as _grabArticle first saw it: what parse() did to its clone before calling it
 * (the only steps that change the document: noscript images unwrapped, scripts removed, styles
 * removed, `<br>` runs turned into paragraphs, `<font>` into `<span>`), done again on a new
 * inert clone of the untouched source. Same document, same deterministic steps, same HTML (the
 * clone's inert style types are gone with the style elements).
 */
function preparedBodyHtml(source: Document): string {
  const copy = inertClone(source);
  const steps = new Readability(copy) as unknown as ReadabilityInternals;
  steps._unwrapNoscriptImages(copy);
  steps._removeScripts(copy);
  steps._prepDocument();
  return copy.body?.innerHTML ?? '';
}

/** The next read of `node[key]` answers `value`, once; later reads are the real property's. */
function answerOnce(node: Node, key: string, value: string): void {
  try {
    Object.defineProperty(node, key, {
      configurable: true,
      get() {
        forgetOwn(node, key);
        return value;
      },
    });
  } catch {
    // Not shadowable here: the log line just pays for its serialization.
  }
}

/** Removes an own property set by this module, so `node[key]` is the real one again. */
function forgetOwn<N extends Node>(node: N, key: string): N {
  if (Object.hasOwn(node, key)) Reflect.deleteProperty(node, key);
  return node;
}

/** The accessor `key` as `node`'s prototypes define it. */
function inherited(node: Node, key: string): PropertyDescriptor | undefined {
  for (let proto = Object.getPrototypeOf(node); proto; proto = Object.getPrototypeOf(proto)) {
    const found = Object.getOwnPropertyDescriptor(proto, key);
    if (found) return found;
  }
  return undefined;
}
