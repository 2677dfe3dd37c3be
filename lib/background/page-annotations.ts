/**
 * The background's side of highlighting on live pages. A content script cannot open the
 * extension's IndexedDB, so it asks the background for the page's highlights and sends each
 * change here. A page may only read and write highlights of articles saved from its own
 * origin (scheme, host and port: "same site" by domain suffix would let evil.github.io reach
 * victim.github.io): whatever a hostile page sends, it cannot reach another site's notes.
 */

import type { Highlight } from '../model';
import { normalizeUrl } from '../shared/article/ids';
import type { WebPageSave } from '../shared/article/web-page';
import type { Library } from '../storage';

/** Whether two URLs share scheme, host and port. */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** Saves a page as an article (the background's save path); answers the article id. */
export type SavePage = (page: WebPageSave) => Promise<string>;

/** The saved article for a page (first of `urls` that is saved) and its live highlights. */
export async function highlightsForPage(
  library: Library,
  urls: readonly string[],
  senderUrl: string,
): Promise<{ articleId: string | null; highlights: Highlight[] }> {
  for (const url of urls) {
    const normalized = normalizeUrl(url);
    if (!normalized || !sameOrigin(normalized, senderUrl)) continue;
    const meta = await library.findArticleByUrl(normalized);
    if (meta) return { articleId: meta.id, highlights: await library.listHighlights(meta.id) };
  }
  return { articleId: null, highlights: [] };
}

/**
 * Stores a highlight made on a live page. When its article is not saved yet, `page` is saved
 * first (so a highlight never points at nothing). A stored record newer than the incoming one
 * wins: a late message never undoes a later edit.
 */
export async function putPageHighlight(
  library: Library,
  savePage: SavePage,
  highlight: Highlight,
  page: WebPageSave | null,
  senderUrl: string,
): Promise<Highlight> {
  let articleId = highlight.articleId;
  const meta = articleId ? await library.getArticleMeta(articleId) : undefined;
  if (meta) {
    // An article saved under its canonical URL on a sibling host (www. vs m.): the page proves
    // it is that article by saving itself, through the checks every save passes.
    const home = meta.url !== null && sameOrigin(meta.url, senderUrl);
    if (!home && (!page || !sameOrigin(page.url, senderUrl) || (await savePage(page)) !== articleId)) {
      throw new Error('This page cannot change that article.');
    }
  } else if (page) {
    if (!sameOrigin(page.url, senderUrl)) throw new Error('This page cannot save another site.');
    articleId = await savePage(page);
  } else {
    throw new Error('The article of this page is not saved.');
  }
  const record = { ...highlight, articleId };
  const existing = await library.getHighlight(record.id);
  if (existing && existing.articleId !== articleId) throw new Error('That highlight belongs to another article.');
  if (existing && existing.updatedAt > record.updatedAt) return existing;
  await library.putHighlight(record);
  return record;
}
