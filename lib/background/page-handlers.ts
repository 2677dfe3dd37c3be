/**
 * The background's answers to web pages' content scripts and to the reading view's frame: badge
 * and highlight drawing on detection, loading the on-demand scripts, reading and writing a
 * page's highlights, and the reading view's hand-over and save. Every request is bound to the
 * page the sender shows (page-access.ts); payloads are validated before anything is done.
 */
import type { Browser } from 'wxt/browser';
import type { UpsertOutcome } from '../model';
import { callTab, type Handler, INVALID, isExtensionPage, isWebContentScript } from '../shared/messaging';
import type { BackgroundCalls } from '../shared/messaging/protocol';
import { isRecord } from '../shared/validate/guards';
import { validateHighlight } from '../shared/validate/highlight';
import { validateWebPageSave } from '../shared/validate/web-page';
import type { Library } from '../storage';
import {
  createGestureGate,
  highlightsForPage,
  isOwnPage,
  NOT_THIS_PAGE,
  type PageSender,
  putPageHighlight,
  type StorePage,
  savePageFor,
} from './page-access';
import { createReadingViews } from './reading-views';
import { setArticleBadge } from './tabs/badge';
import { ANNOTATOR_SCRIPT, injectReadingView, injectScript } from './tabs/inject';
import type { PageWatch } from './tabs/page-watch';

type Sender = Browser.runtime.MessageSender;
type Handlers<K extends keyof BackgroundCalls> = {
  [C in K]: Handler<BackgroundCalls[C]['request'], BackgroundCalls[C]['response']>;
};

const nothing = (p: unknown) => (p === null ? null : INVALID);

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
> & { forgetTab(tabId: number): void } {
  const gate = createGestureGate();
  const views = createReadingViews();
  return {
    forgetTab: (tabId) => gate.forget(tabId),
    'page/detected': {
      accept: isWebContentScript,
      validate: (p) => (isRecord(p) && typeof p.isArticle === 'boolean' ? { isArticle: p.isArticle } : INVALID),
      handle: async ({ isArticle }, sender) => {
        const tabId = tabOf(sender);
        await setArticleBadge(tabId, isArticle);
        // A page saved with highlights gets them drawn again on every visit.
        const saved = await highlightsForPage(await library, sender.url ?? '');
        if (saved.highlights.length > 0) await injectScript(tabId, ANNOTATOR_SCRIPT);
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
        return found;
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
      validate: (p) =>
        isRecord(p) && typeof p.token === 'string' && p.token.length <= 64 ? { token: p.token } : INVALID,
      handle: async ({ token }, sender) => {
        const found = views.redeem(token, tabOf(sender));
        if (!found) throw new Error(NOT_THIS_PAGE);
        const saved = found.page ? await highlightsForPage(await library, found.page.url) : null;
        return { page: found.page, articleId: saved?.articleId ?? null };
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
  };
}
