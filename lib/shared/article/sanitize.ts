/**
 * Makes untrusted article HTML safe and quiet to show in Glossa's reader: DOMPurify with an
 * allowlist of reading markup, plus hooks for what an allowlist cannot express (hidden scraped
 * chrome, link and image URL policy, no referrer leaks, no DOM clobbering). It needs a DOM, so
 * it runs in an extension page / offscreen document / content script, never in an MV3 service
 * worker; the importer receives it as an injected `prepare` step. The reader sanitizes again
 * when rendering (defence in depth).
 */
import DOMPurify, { type DOMPurify as Purifier, type WindowLike } from 'dompurify';
import { blockText } from './html-text';
import {
  DATA_IMAGE,
  HIDDEN_STYLE,
  IMAGE_PROTOCOLS,
  LAZY_SRC_ATTRS,
  LINK_PROTOCOLS,
  PURIFY_CONFIG,
} from './sanitize-policy';

/** Sanitized body plus what the library derives from it. */
export interface PreparedBody {
  /** Sanitized HTML. */
  html: string;
  /** Visible plain text, paragraphs separated by blank lines (see `html-text.ts`). */
  text: string;
  /** `src` of every kept image, in document order. */
  images: string[];
}

/** Per-call settings. */
export interface SanitizeOptions {
  /**
   * Page URL that relative links and images resolve against (web extraction). Without it,
   * relative URLs are dropped: in the reader they would point into the extension itself.
   */
  baseUrl?: string;
}

/**
 * State of the call in progress (DOMPurify is synchronous, so one slot per instance suffices):
 * the base URL, and the headings and images met by the hooks, in document order — collected
 * there because a second query over a 20,000-paragraph DOM costs jsdom a noticeable time.
 */
interface CallState {
  baseUrl: URL | null;
  headings: Element[];
  images: Element[];
}

const purifiers = new WeakMap<WindowLike, { purify: Purifier; state: CallState }>();

/**
 * Sanitizes article HTML for the reader and derives its text and images. One DOMPurify instance
 * (with its hooks) is created per window and reused. Policy, beyond the allowlist in
 * `sanitize-policy.ts`:
 * elements hidden inline (`hidden`, `display:none`, `visibility:hidden`) are dropped with their
 * content; links keep only http(s)/mailto targets and open in a new tab without opener or
 * referrer; images keep only http(s) or raster `data:image` sources, always load lazily and
 * send no referrer (the sites hotlink-protect against us otherwise); `h1` becomes `h2`
 * (the reader shows the title as the one `h1`). `win` is any window with a DOM (`window` of an
 * extension page or offscreen document, a jsdom window in tests). Throws if it cannot host
 * DOMPurify, because DOMPurify would otherwise return the input unsanitized.
 */
export function sanitizeArticleHtml(html: string, win: WindowLike, options: SanitizeOptions = {}): PreparedBody {
  const { root, images } = sanitizeArticleDom(html, win, options);
  return { html: root.innerHTML.trim(), text: blockText(root), images };
}

/**
 * The same sanitization, answering the sanitized DOM itself (a detached `<body>` owned by an
 * inert document) instead of a string: renderers move its children into the page, so no
 * sanitized string is ever parsed again through `innerHTML`.
 */
export function sanitizeArticleDom(
  html: string,
  win: WindowLike,
  options: SanitizeOptions = {},
): { root: Element; images: string[] } {
  const { purify, state } = purifierFor(win);
  // Reset at the start, so a call that threw half-way leaks nothing into this one.
  Object.assign(state, { baseUrl: parseBase(options.baseUrl), headings: [], images: [] });
  // The config was set once on this purifier (`setConfig`): parsing it again per call cost a
  // tenth of a bulk import.
  const root = purify.sanitize(html, { RETURN_DOM: true });
  const { headings, images: imageElements } = state;
  Object.assign(state, { baseUrl: null, headings: [], images: [] });
  if (!isElement(root)) throw new Error('DOMPurify returned no element');
  demoteH1(headings, root.ownerDocument);
  return { root, images: keepImages(imageElements) };
}

function purifierFor(win: WindowLike): { purify: Purifier; state: CallState } {
  const cached = purifiers.get(win);
  if (cached) return cached;
  const purify = DOMPurify(win);
  if (!purify.isSupported) throw new Error('DOMPurify cannot run in this window (no usable DOM)');
  purify.setConfig({ ...PURIFY_CONFIG, RETURN_DOM: true });
  const state: CallState = { baseUrl: null, headings: [], images: [] };
  purify.addHook('uponSanitizeElement', (node) => {
    if (!isElement(node)) return;
    // Removing the node here is supported: DOMPurify then treats it as removed, subtree and all.
    if (isHidden(node)) {
      node.remove();
      return;
    }
    if (node.nodeName.toLowerCase() === 'img') promoteLazySrc(node);
  });
  purify.addHook('afterSanitizeAttributes', (el) => {
    const tag = el.nodeName.toLowerCase();
    if (tag === 'a') fixLink(el, state);
    else if (tag === 'img') {
      fixImage(el, state);
      state.images.push(el);
    } else if (tag === 'h1') state.headings.push(el);
  });
  const entry = { purify, state };
  purifiers.set(win, entry);
  return entry;
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** Lazy-loaded images: use the real URL when `src` is missing or a placeholder `data:` URL. */
function promoteLazySrc(img: Element): void {
  const src = img.getAttribute('src');
  if (src !== null && src.trim() !== '' && !/^\s*data:/i.test(src)) return;
  for (const name of LAZY_SRC_ATTRS) {
    const lazy = img.getAttribute(name);
    if (lazy !== null && lazy.trim() !== '') {
      img.setAttribute('src', lazy);
      return;
    }
  }
}

function fixLink(a: Element, state: CallState): void {
  const href = resolve(a.getAttribute('href'), state, LINK_PROTOCOLS);
  a.removeAttribute('target');
  a.removeAttribute('rel');
  if (href === null) {
    a.removeAttribute('href');
    return;
  }
  a.setAttribute('href', href);
  a.setAttribute('target', '_blank');
  a.setAttribute('rel', 'noopener noreferrer');
}

function fixImage(img: Element, state: CallState): void {
  const raw = img.getAttribute('src');
  const src = raw !== null && DATA_IMAGE.test(raw.trim()) ? raw.trim() : resolve(raw, state, IMAGE_PROTOCOLS);
  if (src === null) img.removeAttribute('src');
  else img.setAttribute('src', src);
  img.setAttribute('referrerpolicy', 'no-referrer');
  img.setAttribute('loading', 'lazy');
}

/** An absolute URL with one of `protocols`, resolving relative ones against the base if any. */
function resolve(value: string | null, state: CallState, protocols: string[]): string | null {
  if (value === null) return null;
  const raw = value.trim();
  if (raw === '') return null;
  try {
    // Protocol-relative URLs (`//cdn…/x.jpg`) are common in scraped posts; read them as https.
    const url = state.baseUrl ? new URL(raw, state.baseUrl) : new URL(raw.startsWith('//') ? `https:${raw}` : raw);
    return protocols.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function parseBase(baseUrl: string | undefined): URL | null {
  if (baseUrl === undefined) return null;
  try {
    const url = new URL(baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The reader renders the title as the page's only `h1`; body headings start one level down. */
function demoteH1(headings: Element[], doc: Document): void {
  for (const h1 of headings) {
    if (!h1.isConnected) continue;
    const h2 = doc.createElement('h2');
    h2.append(...Array.from(h1.childNodes));
    h1.replaceWith(h2);
  }
}

/** Removes images left without a usable `src` and returns the sources of the rest. */
function keepImages(elements: Element[]): string[] {
  const images: string[] = [];
  for (const img of elements) {
    if (!img.isConnected) continue;
    const src = img.getAttribute('src');
    if (src === null) img.remove();
    else images.push(src);
  }
  return images;
}
