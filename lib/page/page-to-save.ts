/**
 * The save request for the page on screen: extract the article from a clone (the page is not
 * touched), sanitize it, and shape it for the background. Used when a highlight on a live page
 * must save the page first.
 */

import { sanitizeArticleDom } from '../shared/article/sanitize';
import { type WebPageSave, webPageSave } from '../shared/article/web-page';
import { extractArticle } from './extract/extract';

/** The page's article as a save request, or null when there is none to extract. */
export function pageToSave(doc: Document): WebPageSave | null {
  const win = doc.defaultView;
  if (!win) return null;
  const extracted = extractArticle(doc, doc.URL);
  const prepared = extracted ? sanitizeArticleDom(extracted.html, win, { baseUrl: doc.URL }) : null;
  return extracted && prepared ? webPageSave(extracted, doc.URL, prepared.root.innerHTML) : null;
}
