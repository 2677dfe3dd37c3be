/**
 * What a web page may do with the library, decided in the background. A content script lives in
 * a world the page can influence (Chrome's guidance treats it as possibly compromised), so every
 * request is bound to the page the sender really shows: the tab's own address, with fragment and
 * tracking parameters dropped (`normalizeUrl`).
 * - Reading a page's highlights needs that address: the saved article whose URL it is. A page
 *   that merely *claims* another address as its canonical (easy on a shared origin: storage
 *   buckets, IPFS gateways, path-style S3) reads nothing of it.
 * - Saving binds the payload to the sender: its URL must be the page's own. A declared canonical
 *   (same scheme and site only, see `sameSite`) may name a *new* article; if it names one saved
 *   from another address, it is ignored and the page is saved under its own.
 * - Writing a highlight needs an article saved from that address, or saves the page first: at
 *   most one new article per gesture of the reader in that tab ({@link GestureGate}).
 * - Notes are the reader's private words: they never enter a page's world. A page reads its
 *   highlights without their notes, cannot write a note, and cannot create a paragraph note;
 *   notes are read and written in the note editor's frame, an extension page (note-frame.html).
 *   A paragraph's margin control on a live page only asks for that frame on a *draft* (its
 *   selectors, checked here, bound to the page's own article): the frame creates the paragraph
 *   note itself, and only when the reader types one and saves it.
 * - "Not yours" and "not found" are one answer, so a page cannot probe the library.
 */
import type { Highlight, UpsertOutcome } from '../model';
import { normalizeUrl } from '../shared/article/ids';
import { type WebPageSave, webArticleId, webArticleUrl } from '../shared/article/web-page';
import type { Library } from '../storage';

/** The one answer to a request a page may not make, whatever the reason. */
export const NOT_THIS_PAGE = 'Glossa has nothing for this page to change.';

/** How far ahead of ours a page's clock may run (its highlights carry its timestamps). */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Saves a validated page as an article (the background's sanitize-build-store path). */
export type StorePage = (page: WebPageSave) => Promise<{ id: string; outcome: UpsertOutcome }>;

/**
 * At most one new article per gesture of the reader, per tab: a request that creates one names
 * the frame's gesture count (lib/page/gestures.ts), which must have moved on since the last.
 */
export interface GestureGate {
  /** Whether tab `tabId` may create an article with gesture number `gesture` (and records it). */
  take(tabId: number, gesture: number): boolean;
  /** Tab `tabId` loaded a new document (its count starts again) or closed. */
  forget(tabId: number): void;
}

/** A gate over the tabs of this background. */
export function createGestureGate(): GestureGate {
  const last = new Map<number, number>();
  return {
    take(tabId, gesture) {
      if (!Number.isInteger(gesture) || gesture <= (last.get(tabId) ?? 0)) return false;
      last.set(tabId, gesture);
      return true;
    },
    forget(tabId) {
      last.delete(tabId);
    },
  };
}

/** Where a request comes from: the page's address and, for a tab, its gesture gate entry. */
export interface PageSender {
  /** The address the browser says the sender shows (`sender.url`, or the tab's URL for a frame). */
  url: string;
  /** Present when the request may create an article only with a fresh gesture. */
  gesture?: { tabId: number; count: number; gate: GestureGate };
}

/** The page's own address, or null when it is not an http(s) page. */
function ownAddress(url: string): string | null {
  return normalizeUrl(url);
}

/** Whether `page` is the page the sender shows (both at the same own address). */
export function isOwnPage(page: WebPageSave, senderUrl: string): boolean {
  const own = ownAddress(senderUrl);
  return own !== null && normalizeUrl(page.url) === own;
}

/**
 * The saved article of a page (by its own address) and its live highlights. Page notes stay out:
 * the live page has nothing to place for them, and a page learns nothing it does not need.
 */
export async function highlightsForPage(
  library: Library,
  senderUrl: string,
): Promise<{ articleId: string | null; highlights: Highlight[] }> {
  const own = ownAddress(senderUrl);
  const meta = own ? await library.articleAt(own) : undefined;
  return meta
    ? { articleId: meta.id, highlights: (await library.listHighlights(meta.id)).filter((h) => h.kind !== 'page-note') }
    : { articleId: null, highlights: [] };
}

/** A highlight as a web page may see it: everything but the note. */
export function withoutNote(highlight: Highlight): Highlight {
  return highlight.note ? { ...highlight, note: '' } : highlight;
}

/**
 * The article id of highlight `highlightId` when it belongs to the page the sender shows (the
 * note editor's frame may then open on it); throws {@link NOT_THIS_PAGE} otherwise.
 */
export async function pageHighlightArticle(library: Library, senderUrl: string, highlightId: string): Promise<string> {
  const own = ownAddress(senderUrl);
  const meta = own ? await library.articleAt(own) : undefined;
  const highlight = meta ? await library.getHighlight(highlightId) : undefined;
  if (!meta || !highlight || highlight.deleted || highlight.articleId !== meta.id) throw new Error(NOT_THIS_PAGE);
  return meta.id;
}

/**
 * The article a new paragraph note of the sender's page belongs to: the one saved from its own
 * address, or `page` saved now (under the same rules as a first highlight, {@link savePageFor}).
 * Throws {@link NOT_THIS_PAGE} when there is neither.
 */
export async function paragraphNoteArticle(
  library: Library,
  store: StorePage,
  page: WebPageSave | null,
  sender: PageSender,
): Promise<string> {
  const own = ownAddress(sender.url);
  const meta = own ? await library.articleAt(own) : undefined;
  if (meta) return meta.id;
  if (!page) throw new Error(NOT_THIS_PAGE);
  return (await savePageFor(library, store, page, sender)).id;
}

/**
 * Saves `page` for `sender`: only a page's own article, under its canonical address when that
 * names nothing saved from elsewhere. A new article needs a fresh gesture when `sender.gesture`
 * is given. Throws {@link NOT_THIS_PAGE} otherwise.
 */
export async function savePageFor(
  library: Library,
  store: StorePage,
  page: WebPageSave,
  sender: PageSender,
): Promise<{ id: string; outcome: UpsertOutcome }> {
  const own = ownAddress(sender.url);
  if (!own || !isOwnPage(page, sender.url)) throw new Error(NOT_THIS_PAGE);
  let bound: WebPageSave = { ...page, url: own };
  if (bound.canonicalUrl && bound.canonicalUrl !== own) {
    // A canonical already saved from another address is not this page's to claim.
    const claimed = await library.findArticleByUrl(webArticleUrl(bound));
    if (claimed && (await library.articleAt(own))?.id !== claimed.id) bound = { ...bound, canonicalUrl: null };
  }
  const { gesture } = sender;
  if (gesture && !(await library.getArticleMeta(await webArticleId(bound)))) {
    if (!gesture.gate.take(gesture.tabId, gesture.count)) throw new Error(NOT_THIS_PAGE);
  }
  const saved = await store(bound);
  if (webArticleUrl(bound) !== own) await library.rememberAddress(own, saved.id);
  return saved;
}

/**
 * Stores a highlight made on a live page: on the article saved from the page's own address, or
 * (with `page`) on the page saved now. A stored record newer than the incoming one wins: a late
 * message never undoes a later edit. The note is never the page's to write: a stored highlight
 * keeps its own, a new one has none, and a page cannot create a paragraph or page note.
 */
export async function putPageHighlight(
  library: Library,
  store: StorePage,
  highlight: Highlight,
  page: WebPageSave | null,
  sender: PageSender,
): Promise<Highlight> {
  const own = ownAddress(sender.url);
  // A record dated in the future would outrank every later edit of the reader's.
  if (highlight.updatedAt > Date.now() + CLOCK_SKEW_MS || highlight.createdAt > highlight.updatedAt) {
    throw new Error(NOT_THIS_PAGE);
  }
  let articleId = highlight.articleId;
  if (articleId) {
    if (!own || (await library.articleAt(own))?.id !== articleId) throw new Error(NOT_THIS_PAGE);
  } else if (page) {
    articleId = (await savePageFor(library, store, page, sender)).id;
  } else {
    throw new Error(NOT_THIS_PAGE);
  }
  const existing = await library.getHighlight(highlight.id);
  if (existing && existing.articleId !== articleId) throw new Error(NOT_THIS_PAGE);
  // A page makes highlights only, and never turns one into another kind (a page note would lose
  // its selectors and vanish from the page).
  if (highlight.kind !== (existing?.kind ?? 'highlight')) throw new Error(NOT_THIS_PAGE);
  const record = { ...highlight, articleId, note: existing?.note ?? '' };
  if (existing && existing.updatedAt > record.updatedAt) return withoutNote(existing);
  await library.putHighlight(record);
  return withoutNote(record);
}
