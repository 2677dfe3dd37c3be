/**
 * The one message protocol between Glossa's contexts: a call map per receiving context, each
 * call with its request and response types. Nothing else crosses `runtime.sendMessage`, so a
 * reader of this file knows every conversation in the extension.
 */

import type {
  FeedError,
  Highlight,
  HighlightColor,
  PageFeeds,
  SearchHitView,
  Selector,
  Subscription,
  UpsertOutcome,
} from '../../model';
import type { ImportReport } from '../article/import';
import type { PreparedBody } from '../article/sanitize';
import type { WebPageSave } from '../article/web-page';
import type { FullTextResult, PageBody } from '../feeds/full-text';
import type { SyncErrorKind, SyncSettings } from '../sync/config';
import type { SyncStatus } from '../sync/status';

/** What the note editor's frame edits: a stored highlight, or (with `draft`) a new paragraph note. */
export interface NoteFrameTarget {
  highlightId: string;
  articleId: string;
  editing: boolean;
  draft?: { selectors: Selector[]; color: HighlightColor };
}

/** The options page's sync form: the settings, and a newly typed password (null: keep the saved one). */
export type SyncForm = SyncSettings & { password: string | null };

/** The answer to a connection test: a failure is an answer too, with a kind the UI words. */
export type SyncTestResult = { ok: true; docCount: number } | { ok: false; kind: SyncErrorKind; message: string };

/** The answer to a subscribe: a feed that cannot be read is an answer too, with its named error. */
export type SubscribeResult =
  | { ok: true; subscription: Subscription; created: number; existed: boolean }
  | { ok: false; error: FeedError };

/** What an unsubscribe did to the feed's articles. */
export interface UnsubscribeResult {
  existed: boolean;
  /** Articles removed with the feed (only when asked). */
  removed: number;
  /** The feed's articles kept: asked to, highlighted, or saved some other way too. */
  kept: number;
}

/** Calls the background answers: from extension pages, and a few from web pages' content scripts. */
export interface BackgroundCalls {
  /** Runs the bundled-seed import again (idempotent); answers with its report. */
  'seeds/import': { request: null; response: ImportReport };
  /**
   * From a tab's content script: whether its page is an article (to badge the toolbar button;
   * a page saved with highlights gets the highlighting layer injected to draw them).
   */
  'page/detected': { request: { isArticle: boolean }; response: null };
  /** From a tab's content script: load the highlighting layer into the sender's tab. */
  'annotator/load': { request: null; response: null };
  /**
   * From a tab's content script: the saved article of the sender's page — found by the page's
   * own address, never by a URL the page names — and its highlights.
   */
  'highlights/for-page': { request: null; response: { articleId: string | null; highlights: Highlight[] } };
  /**
   * From a tab's content script: store a new or changed highlight (a tombstone deletes). With
   * `page`, an unsaved page is saved first (at most one new article per reader's gesture:
   * `gesture` is the frame's count of trusted key and pointer presses, lib/page/gestures.ts);
   * the stored record comes back with its article id.
   */
  'highlights/put': {
    request: { highlight: Highlight; page: WebPageSave | null; gesture: number };
    response: Highlight;
  };
  /** From a tab's content script: inject the reading view's loader into the sender's tab. */
  'reading-view/load': { request: null; response: null };
  /**
   * From a tab's content script: the article it extracted for the reading view (null: none
   * found). Answers a one-time token the view's frame (`/reading-frame.html#<token>`) redeems.
   */
  'reading-view/open': { request: { page: WebPageSave | null }; response: { token: string } };
  /**
   * From the reading view's frame (an extension page inside the tab): the article registered
   * under `token` for this very tab, once, and the id of its saved copy if there is one.
   */
  'reading-view/article': {
    request: { token: string };
    response: { page: WebPageSave | null; articleId: string | null };
  };
  /** From the reading view's frame: save its article (bound to the tab's own address). */
  'reading-view/save': { request: { page: WebPageSave }; response: { id: string; outcome: UpsertOutcome } };
  /** From the reading view's frame: close the view (Escape, Close). */
  'reading-view/close': { request: null; response: null };
  /**
   * From a tab's content script (Chrome): open the side panel in the tab's window, asked by the
   * reader's click in the selection toolbar (Firefox opens its sidebar only from its own UI).
   */
  'panel/open': { request: null; response: null };
  /**
   * From a tab's content script: open the note editor on highlight `highlightId` of the
   * sender's page (its notes never reach the page: the editor is our frame,
   * `/note-frame.html#<token>`). Answers the frame's one-time token.
   */
  'note-frame/open': { request: { highlightId: string; editing: boolean }; response: { token: string } };
  /**
   * From a tab's content script (the reader pressed a paragraph's margin control): open the note
   * editor on a new paragraph note of the sender's page, a draft the frame stores only once the
   * reader writes a note. An unsaved page comes with `page` and is saved first, like a first
   * highlight (`gesture`: see 'highlights/put'). Answers the frame's one-time token.
   */
  'note-frame/open-paragraph': {
    request: { selectors: Selector[]; color: HighlightColor; page: WebPageSave | null; gesture: number };
    response: { token: string };
  };
  /**
   * From the note editor's frame: which highlight of this very tab's page it edits, once. With
   * `draft`, highlight `highlightId` does not exist yet: it is a new paragraph note on those
   * selectors, stored by the frame when the reader saves a note.
   */
  'note-frame/highlight': {
    request: { token: string };
    response: NoteFrameTarget;
  };
  /** From the note editor's frame: close it (`deletedId`: it deleted that highlight; offer undo). */
  'note-frame/close': { request: { deletedId: string | null }; response: null };
  /** From an extension page (popup, tests): open or close the reading view in tab `tabId`. */
  'tab/toggle-reading-view': { request: { tabId: number }; response: null };
  /**
   * From an extension page (the side panel): scroll web page `tabId` to highlight `highlightId`
   * and flash it; answers whether the page's highlighting layer took the request.
   */
  'panel/go-to': { request: { tabId: number; highlightId: string }; response: boolean };
  /** From an extension page: whether sync is on, last sync, pending changes, last error. */
  'sync/status': { request: null; response: SyncStatus };
  /** From an extension page: run a sync round now; answers the status after it. */
  'sync/now': { request: null; response: SyncStatus };
  /**
   * From the options page: check a server config before saving it (creates the database if
   * missing). `password: null` uses the saved one, if it was typed for that address's origin.
   */
  'sync/test': { request: SyncForm; response: SyncTestResult };
  /** From the options page: the saved settings, and whether a password is saved for their address. */
  'sync/settings': { request: null; response: { settings: SyncSettings; hasPassword: boolean } };
  /**
   * From the options page: save the settings (kept where only the background and extension
   * pages can read them); `password: null` keeps the saved one for the same origin only.
   */
  'sync/configure': { request: SyncForm; response: SyncStatus };
  /** From the options page: the reader confirms sending the library to this server (as shown). */
  'sync/confirm': { request: { url: string; db: string }; response: SyncStatus };
  /** From the options page or popup: apply the held changes, or keep the local copy (then pushed). */
  'sync/hold': { request: { choice: 'apply' | 'keep' }; response: SyncStatus };
  /**
   * From an extension page (popup, reader library): full-text search over titles, highlights,
   * notes and bodies; the best `limit` hits (1–100, default 20) with snippets, and the total.
   */
  'search/query': { request: { query: string; limit?: number }; response: { hits: SearchHitView[]; total: number } };
  /**
   * From an extension page: subscribe to the feed at `url` (fetched and read now; its entries
   * become articles). Subscribing again to a known feed refreshes it.
   */
  'feeds/subscribe': { request: { url: string }; response: SubscribeResult };
  /**
   * From an extension page (popup, side panel): what tab `tabId` offers to subscribe to — the
   * feeds its page declares (asked of its content script now, checked by the validator) and its
   * own address when it seems to show a feed. Subscribing is still `feeds/subscribe`.
   */
  'tab/feeds': { request: { tabId: number }; response: PageFeeds };
  /** From an extension page: every subscription with its fetch state. */
  'feeds/list': { request: null; response: Subscription[] };
  /** From an extension page: refresh one feed now (`id: null`: every feed); answers the list after. */
  'feeds/refresh': { request: { id: string | null }; response: Subscription[] };
  /** From an extension page: how often one feed is checked (minutes); answers the list after. */
  'feeds/interval': { request: { id: string; intervalMinutes: number }; response: Subscription[] };
  /**
   * From an extension page: unsubscribe; with `keepArticles: false` the feed's articles go to the
   * Trash too, except highlighted ones.
   */
  'feeds/unsubscribe': { request: { id: string; keepArticles: boolean }; response: UnsubscribeResult };
  /**
   * From an extension page (the reader): fetch the page of feed article `articleId` and store
   * its extracted article as the body (same id, highlights kept); a failure is an answer too.
   */
  'feeds/full-text': { request: { articleId: string }; response: FullTextResult };
  /** From an extension page: whether a refresh fetches the full text of a feed's new entries. */
  'feeds/full-text-setting': { request: { id: string; fullText: boolean }; response: Subscription[] };
}

/** Calls a tab's content script answers (sent by the background with `tabs.sendMessage`). */
export interface ContentCalls {
  /** Opens the reading view, or closes it when open. */
  'reading-view/toggle': { request: null; response: null };
  /** Closes the reading view if it is open (its frame asked). */
  'reading-view/close': { request: null; response: null };
  /** The note editor's frame asks to be closed (`deletedId`: it deleted that highlight). */
  'note-frame/close': { request: { deletedId: string | null }; response: null };
  /** Another view changed the highlights of the article this page shows: load them again. */
  'highlights/changed': { request: null; response: null };
  /** Scroll to highlight `id` and flash it (the side panel's "Go to"); answers whether it was there. */
  'highlights/go-to': { request: { id: string }; response: boolean };
}

/** Calls the offscreen document answers: DOM work a Chrome MV3 service worker cannot do. */
export interface OffscreenCalls {
  /**
   * Sanitizes article HTML with DOMPurify and extracts its plain text and images; relative links
   * resolve against `baseUrl` (feed entries), or are dropped when it is null.
   */
  'dom/prepare-html': { request: { html: string; baseUrl: string | null }; response: PreparedBody };
  /**
   * Extracts the article of a fetched page (`url`: its address after redirects) with the reading
   * view's extractor and sanitizes it; null when the page has no article.
   */
  'dom/extract-article': { request: { html: string; url: string }; response: PageBody | null };
  /** A fetched SVG picture made inert (lib/shared/article/sanitize-svg.ts); null: nothing safe is left. */
  'dom/sanitize-svg': { request: { svg: string }; response: string | null };
}

/** Which context a message is for; each listener ignores messages meant for others. */
export type Target = 'background' | 'offscreen' | 'content';

/** The call map of each target. */
export interface CallMaps {
  background: BackgroundCalls;
  offscreen: OffscreenCalls;
  content: ContentCalls;
}

/** The envelope on the wire. `glossa` marks our messages among any others. */
export interface Envelope<T extends Target = Target, K extends keyof CallMaps[T] = keyof CallMaps[T]> {
  glossa: 1;
  to: T;
  type: K;
  payload: unknown;
}

/** Why a call failed, in words a person can act on. */
export interface MessageError {
  code: 'invalid-request' | 'unknown-call' | 'handler-failed' | 'no-receiver';
  message: string;
}
