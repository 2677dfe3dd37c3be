/**
 * Picks where article HTML gets sanitized (and fetched pages extracted). Firefox's background page has a DOM and does it in
 * place; Chrome's MV3 service worker has none, so the work goes to an offscreen document
 * (created on first use, reused after).
 */
import { browser } from 'wxt/browser';
import type { PreparedBody } from '../shared/article/sanitize';
import { sanitizeArticleHtml } from '../shared/article/sanitize';
import { errorText } from '../shared/error-text';
import type { PageBody } from '../shared/feeds/full-text';
import { call } from '../shared/messaging';

/** Sanitizes article HTML wherever this context can; relative URLs resolve against `baseUrl`. */
export type HtmlPreparer = (html: string, baseUrl?: string | null) => Promise<PreparedBody>;

const OFFSCREEN_PATH = '/offscreen.html';

/** A preparer for the current context: in-place with a DOM, else through the offscreen document. */
export function createHtmlPreparer(): HtmlPreparer {
  if (typeof document !== 'undefined' && typeof window !== 'undefined') {
    return async (html, baseUrl) => sanitizeArticleHtml(html, window, { baseUrl: baseUrl ?? undefined });
  }
  return async (html, baseUrl) => {
    await ensureOffscreenDocument();
    const answer = await call('offscreen', 'dom/prepare-html', { html, baseUrl: baseUrl ?? null });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
}

/** Extracts and sanitizes the article of a fetched page's HTML (null: no article found). */
export type PageExtractor = (html: string, url: string) => Promise<PageBody | null>;

/**
 * An extractor for the current context ("Fetch full text"): the reading view's extractor needs a
 * DOM, so `inPlace` where there is one (the entrypoint hands it in: lib/page is not ours to
 * import), else the offscreen document's.
 */
export function createPageExtractor(inPlace: (html: string, url: string) => PageBody | null): PageExtractor {
  if (typeof document !== 'undefined' && typeof window !== 'undefined') {
    return async (html, url) => inPlace(html, url);
  }
  return async (html, url) => {
    await ensureOffscreenDocument();
    const answer = await call('offscreen', 'dom/extract-article', { html, url });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
}

/** Makes a fetched SVG picture inert (null: nothing safe is left); absent context: none. */
export type SvgCleaner = (svg: string) => Promise<string | null>;

/**
 * An SVG sanitizer for the current context, so saved articles keep their SVG pictures in both
 * browsers: `inPlace` where there is a DOM, else the offscreen document's.
 */
export function createSvgCleaner(inPlace: (svg: string) => string | null): SvgCleaner {
  if (typeof document !== 'undefined' && typeof window !== 'undefined') {
    return async (svg) => inPlace(svg);
  }
  return async (svg) => {
    await ensureOffscreenDocument();
    const answer = await call('offscreen', 'dom/sanitize-svg', { svg });
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
}

let creating: Promise<void> | null = null;

/**
 * Creates the offscreen document once. The existence check runs inside the shared promise, so
 * concurrent imports never race to create two (Chrome allows one and throws on a second).
 */
function ensureOffscreenDocument(): Promise<void> {
  creating ??= createIfMissing().finally(() => {
    creating = null;
  });
  return creating;
}

async function createIfMissing(): Promise<void> {
  const offscreen = browser.offscreen;
  if (!offscreen) throw new Error('This browser has neither a DOM here nor offscreen documents.');
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (contexts.length > 0) return;
  try {
    await offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER'],
      justification: 'Sanitize article HTML',
    });
  } catch (e) {
    // Another context created it between our check and our call: that is what we wanted.
    if (!/single offscreen/i.test(errorText(e))) throw e;
  }
}
