/**
 * The background's answers to web pages' content scripts and to our frames inside them (the
 * reading view, the note editor): badge and highlight drawing on detection, loading the
 * on-demand scripts, reading and writing a page's highlights (never their notes), and the
 * frames' hand-overs, saves and closing. Every request is bound to the
 * page the sender shows (page-access.ts); payloads are validated before anything is done.
 */
import type { Browser } from 'wxt/browser';
import { HIGHLIGHT_COLORS, type HighlightColor, type UpsertOutcome } from '../model';
import type { WebPageSave } from '../shared/article/web-page';
import { callTab, type Handler, INVALID, isExtensionPage, isWebContentScript } from '../shared/messaging';
import type { BackgroundCalls, NoteFrameTarget } from '../shared/messaging/protocol';
import { recordId } from '../shared/validate/fields';
import { isRecord } from '../shared/validate/guards';
import { validateHighlight, validateParagraphSelectors } from '../shared/validate/highlight';
import { validateWebPageSave } from '../shared/validate/web-page';
import type { Library } from '../storage';
import { createFrameTokens } from './frame-tokens';
import {
  createGestureGate,
  highlightsForPage,
  isOwnPage,
  NOT_THIS_PAGE,
  type PageSender,
  pageHighlightArticle,
  paragraphNoteArticle,
  putPageHighlight,
  type StorePage,
  savePageFor,
  withoutNote,
} from './page-access';
import { setArticleBadge } from './tabs/badge';
import { ANNOTATOR_SCRIPT, injectReadingView, injectScript, PAGE_AGENT_SCRIPT } from './tabs/inject';
import type { PageWatch } from './tabs/page-watch';

type Sender = Browser.runtime.MessageSender;
type Handlers<K extends keyof BackgroundCalls> = {
  [C in K]: Handler<BackgroundCalls[C]['request'], BackgroundCalls[C]['response']>;
};

const nothing = (p: unknown) => (p === null ? null : INVALID);

/** A frame token (hex, see frame-tokens.ts). */
const isToken = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{1,64}$/.test(v);

/** The tab of a sender, or a failure no page can tell apart from any other refusal. */
function tabOf(sender: Sender): number {
  const id = sender.tab?.id;
  if (id === undefined) throw new Error(NOT_THIS_PAGE);
  return id;
}

/** A content script's page: its own address, the tab and its gesture count. */
function pageSender(sender: Sender, gate: ReturnType<typeof createGestureGate>, gesture?: number): PageSender {
  const tabId = tabOf(sender);
  return { url: sender.url ?? '', ...(gesture === undefined ? {} : { gesture: { tabId, count: gesture, gate } }) };
}

/** The handlers, over the library, the background's save path and its page watch. */
export function pageHandlers(
  library: Promise<Library>,
  store: StorePage,
  watch: PageWatch,
): Handlers<
  | 'page/detected'
  | 'annotator/load'
  | 'highlights/for-page'
  | 'highlights/put'
  | 'reading-view/load'
  | 'reading-view/open'
  | 'reading-view/article'
  | 'reading-view/save'
  | 'reading-view/close'
  | 'note-frame/open'
  | 'note-frame/open-paragraph'
  | 'note-frame/highlight'
  | 'note-frame/close'
> & {
  forgetTab(tabId: number): void;
  /**
   * Draws a saved page's highlights again when a tab has loaded it, article or not. The
   * background asks on its own (the tab finished loading) so that the eager content script has
   * nothing to send on the pages that are not articles, most of the web.
   */
  redrawSavedHighlights(tabId: number, url: string): Promise<void>;
} {
  const gate = createGestureGate();
  const views = createFrameTokens<WebPageSave | null>();
  const notes = createFrameTokens<NoteFrameTarget>();
  return {
    forgetTab: (tabId) => gate.forget(tabId),
    redrawSavedHighlights: async (tabId, url) => {
      if (!/^https?:/i.test(url)) return;
      const saved = await highlightsForPage(await library, url);
      if (saved.highlights.length > 0) await injectScript(tabId, ANNOTATOR_SCRIPT);
    },
    'page/detected': {
      accept: isWebContentScript,
      validate: (p) => (isRecord(p) && typeof p.isArticle === 'boolean' ? { isArticle: p.isArticle } : INVALID),
      handle: async ({ isArticle }, sender) => {
        await setArticleBadge(tabOf(sender), isArticle);
        // An article gets the page agent (the in-page control, the layer on selection); it then
        // follows the eager script's verdict by itself. Into the document that said so (Chrome
        // names it; the eager script runs in top frames only), not whatever the tab shows now.
        const { documentId } = sender as Sender & { documentId?: string };
        if (isArticle && (sender.frameId ?? 0) === 0) {
          await injectScript({ tabId: tabOf(sender), documentId }, PAGE_AGENT_SCRIPT);
        }
        return null;
      },
    },
    'annotator/load': {
      accept: isWebContentScript,
      validate: nothing,
      handle: async (_, sender) => {
        await injectScript(tabOf(sender), ANNOTATOR_SCRIPT);
        return null;
      },
    },
    'highlights/for-page': {
      accept: isWebContentScript,
      validate: nothing,
      handle: async (_, sender) => {
        const found = await highlightsForPage(await library, sender.url ?? '');
        watch.seen(tabOf(sender), found.articleId);
        return { articleId: found.articleId, highlights: found.highlights.map(withoutNote) };
      },
    },
    'highlights/put': {
      accept: isWebContentScript,
      validate: (p) => {
        if (!isRecord(p) || !Number.isInteger(p.gesture)) return INVALID;
        const highlight = validateHighlight(p.highlight, true);
        const page = p.page === null ? null : validateWebPageSave(p.page);
        return highlight && (p.page === null || page) ? { highlight, page, gesture: Number(p.gesture) } : INVALID;
      },
      handle: async ({ highlight, page, gesture }, sender) => {
        const stored = await putPageHighlight(await library, store, highlight, page, pageSender(sender, gate, gesture));
        watch.seen(tabOf(sender), stored.articleId);
        return stored;
      },
    },
    'reading-view/load': {
      accept: isWebContentScript,
      validate: nothing,
      handle: async (_, sender) => {
        await injectReadingView(tabOf(sender));
        return null;
      },
    },
    'reading-view/open': {
      accept: isWebContentScript,
      validate: (p) => {
        if (!isRecord(p)) return INVALID;
        const page = p.page === null ? null : validateWebPageSave(p.page);
        return p.page === null || page ? { page } : INVALID;
      },
      handle: ({ page }, sender) => {
        // The page may hand over only its own article (the frame saves what it shows).
        if (page && !isOwnPage(page, sender.url ?? '')) throw new Error(NOT_THIS_PAGE);
        return { token: views.register(tabOf(sender), page) };
      },
    },
    'reading-view/article': {
      accept: isExtensionPage,
      validate: (p) => (isRecord(p) && isToken(p.token) ? { token: p.token } : INVALID),
      handle: async ({ token }, sender) => {
        const found = views.redeem(token, tabOf(sender));
        if (!found) throw new Error(NOT_THIS_PAGE);
        const page = found.value;
        const saved = page ? await highlightsForPage(await library, page.url) : null;
        return { page, articleId: saved?.articleId ?? null };
      },
    },
    'reading-view/save': {
      accept: isExtensionPage,
      validate: (p) => {
        const page = isRecord(p) ? validateWebPageSave(p.page) : null;
        return page ? { page } : INVALID;
      },
      handle: async ({ page }, sender): Promise<{ id: string; outcome: UpsertOutcome }> => {
        // The frame lives in the tab of the page it shows: the tab's address binds the save.
        const tabUrl = sender.tab?.url ?? '';
        return savePageFor(await library, store, page, { url: tabUrl });
      },
    },
    'reading-view/close': {
      accept: isExtensionPage,
      validate: nothing,
      handle: async (_, sender) => {
        await callTab(tabOf(sender), 'reading-view/close', null);
        return null;
      },
    },
    'note-frame/open': {
      accept: isWebContentScript,
      validate: (p) => {
        const highlightId = isRecord(p) ? recordId(p.highlightId) : undefined;
        return isRecord(p) && highlightId && typeof p.editing === 'boolean'
          ? { highlightId, editing: p.editing }
          : INVALID;
      },
      handle: async ({ highlightId, editing }, sender) => {
        // Only a highlight of the article saved from the sender's own address.
        const articleId = await pageHighlightArticle(await library, sender.url ?? '', highlightId);
        return { token: notes.register(tabOf(sender), { highlightId, articleId, editing }) };
      },
    },
    'note-frame/open-paragraph': {
      accept: isWebContentScript,
      validate: (p) => {
        if (!isRecord(p) || !Number.isInteger(p.gesture)) return INVALID;
        const selectors = validateParagraphSelectors(p.selectors);
        const color = HIGHLIGHT_COLORS.find((c) => c === p.color);
        const page = p.page === null ? null : validateWebPageSave(p.page);
        return selectors && color && (p.page === null || page)
          ? { selectors, color: color as HighlightColor, page, gesture: Number(p.gesture) }
          : INVALID;
      },
      handle: async ({ selectors, color, page, gesture }, sender) => {
        // Only a draft on the sender's own article: the frame stores it once the reader writes.
        const articleId = await paragraphNoteArticle(await library, store, page, pageSender(sender, gate, gesture));
        watch.seen(tabOf(sender), articleId);
        const draft = { selectors, color };
        const target = { highlightId: crypto.randomUUID(), articleId, editing: true, draft };
        return { token: notes.register(tabOf(sender), target) };
      },
    },
    'note-frame/highlight': {
      accept: isExtensionPage,
      validate: (p) => (isRecord(p) && isToken(p.token) ? { token: p.token } : INVALID),
      handle: ({ token }, sender) => {
        const found = notes.redeem(token, tabOf(sender));
        if (!found) throw new Error(NOT_THIS_PAGE);
        return found.value;
      },
    },
    'note-frame/close': {
      accept: isExtensionPage,
      validate: (p) => {
        const deletedId = isRecord(p) && p.deletedId !== null ? recordId(p.deletedId) : null;
        return isRecord(p) && deletedId !== undefined ? { deletedId } : INVALID;
      },
      handle: async ({ deletedId }, sender) => {
        await callTab(tabOf(sender), 'note-frame/close', { deletedId });
        return null;
      },
    },
  };
}
