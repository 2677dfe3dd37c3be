/**
 * The background: the one context every other reaches by message. It imports the bundled
 * seeds on install and update, writes what web pages send (saves, highlights; a content script
 * cannot open our IndexedDB), runs search and sync, and badges tabs. Extension pages (popup,
 * reader, options) write the library directly too. Only wiring: logic lives in lib/.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHtmlPreparer } from '../lib/background/html-preparer';
import { highlightsForPage, putPageHighlight } from '../lib/background/page-annotations';
import { installSearch } from '../lib/background/search/background';
import { importBundledSeeds, SEEDS_IMPORTED_KEY } from '../lib/background/seeds/seed-import';
import { startSync } from '../lib/background/sync/handlers';
import { setArticleBadge } from '../lib/background/tabs/badge';
import { ANNOTATOR_SCRIPT, injectReadingView, injectScript } from '../lib/background/tabs/inject';
import { createPageWatch } from '../lib/background/tabs/page-watch';
import { buildWebArticle, validateWebPageSave, type WebPageSave } from '../lib/shared/article/web-page';
import { callTab, INVALID, isWebContentScript, listen } from '../lib/shared/messaging';
import { isRecord } from '../lib/shared/validate/guards';
import { validateHighlight } from '../lib/shared/validate/highlight';
import { onLibraryChange, openLibrary } from '../lib/storage';

export default defineBackground(() => {
  const library = openLibrary();
  const prepare = createHtmlPreparer();
  const version = browser.runtime.getManifest().version;
  let running: ReturnType<typeof importBundledSeeds> | null = null;

  /** One import at a time: install, startup and a message may all ask at once. */
  const runImport = async () => {
    running ??= library.then((lib) => importBundledSeeds(lib, prepare, version)).finally(() => (running = null));
    return running;
  };

  browser.runtime.onInstalled.addListener(() => void runImport());
  browser.runtime.onStartup.addListener(async () => {
    const lib = await library;
    if ((await lib.getMeta(SEEDS_IMPORTED_KEY)) !== version) await runImport();
  });

  /** Asks the tab's content script to open or close its reading view. */
  const toggleReadingView = async (tabId: number) => {
    const answer = await callTab(tabId, 'reading-view/toggle', null);
    if (!answer.ok) throw new Error(answer.error.message);
    return null;
  };

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-reading-view') return;
    // Firefox before 126 passes no tab: the shortcut acts on the focused window's tab.
    const tabId = tab?.id;
    const target =
      tabId !== undefined
        ? Promise.resolve(tabId)
        : browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => active?.id);
    void target.then((id) => (id === undefined ? null : toggleReadingView(id))).catch(() => undefined);
  });

  /** Saves a page from the web (sanitized again here, where the page cannot reach). */
  const savePage = async (page: WebPageSave) => {
    const body = await prepare(page.html);
    const article = await buildWebArticle(page, body, Date.now());
    const outcome = await (await library).upsertArticle(article);
    return { id: article.id, outcome };
  };

  // Web pages showing a saved article hear about its highlights changing elsewhere.
  const watch = createPageWatch(async (tabId) => (await callTab(tabId, 'highlights/changed', null)).ok);
  browser.tabs.onRemoved.addListener((tabId) => watch.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) watch.forget(tabId);
  });
  onLibraryChange(async (change) => {
    if (change.store !== 'highlights') return;
    const lib = await library;
    const records = await Promise.all(change.ids.map((id) => lib.getHighlight(id)));
    await watch.changed(new Set(records.flatMap((h) => (h ? [h.articleId] : []))));
  });

  const sync = startSync(library);

  listen('background', {
    ...sync,
    'search/query': installSearch(library),
    'seeds/import': { validate: (p) => (p === null ? null : INVALID), handle: () => runImport() },
    'page/detected': {
      accept: isWebContentScript,
      validate: (p) =>
        isRecord(p) && typeof p.isArticle === 'boolean' && (p.canonical === null || typeof p.canonical === 'string')
          ? { isArticle: p.isArticle, canonical: p.canonical }
          : INVALID,
      handle: async ({ isArticle, canonical }, sender) => {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return null;
        await setArticleBadge(tabId, isArticle);
        // A page saved with highlights gets them drawn again on every visit.
        const urls = [canonical, sender.url].filter((u): u is string => typeof u === 'string');
        const saved = await highlightsForPage(await library, urls, sender.url ?? '');
        if (saved.highlights.length > 0) await injectScript(tabId, ANNOTATOR_SCRIPT);
        return null;
      },
    },
    'annotator/load': {
      accept: isWebContentScript,
      validate: (p) => (p === null ? null : INVALID),
      handle: async (_, sender) => {
        if (sender.tab?.id === undefined) throw new Error('No tab to load highlighting into.');
        await injectScript(sender.tab.id, ANNOTATOR_SCRIPT);
        return null;
      },
    },
    'highlights/for-page': {
      accept: isWebContentScript,
      validate: (p) =>
        isRecord(p) &&
        Array.isArray(p.urls) &&
        p.urls.length <= 3 &&
        p.urls.every((u) => typeof u === 'string' && u.length <= 4096)
          ? { urls: p.urls as string[] }
          : INVALID,
      handle: async ({ urls }, sender) => {
        const found = await highlightsForPage(await library, urls, sender.url ?? '');
        if (sender.tab?.id !== undefined) watch.seen(sender.tab.id, found.articleId);
        return found;
      },
    },
    'highlights/put': {
      accept: isWebContentScript,
      validate: (p) => {
        if (!isRecord(p)) return INVALID;
        const highlight = validateHighlight(p.highlight, true);
        const page = p.page === null ? null : validateWebPageSave(p.page);
        return highlight && page !== undefined && (p.page === null || page) ? { highlight, page } : INVALID;
      },
      handle: async ({ highlight, page }, sender) => {
        const stored = await putPageHighlight(
          await library,
          async (pg) => (await savePage(pg)).id,
          highlight,
          page,
          sender.url ?? '',
        );
        if (sender.tab?.id !== undefined) watch.seen(sender.tab.id, stored.articleId);
        return stored;
      },
    },
    'reading-view/load': {
      accept: isWebContentScript,
      validate: (p) => (p === null ? null : INVALID),
      handle: async (_, sender) => {
        if (sender.tab?.id === undefined) throw new Error('No tab to load the reading view into.');
        await injectReadingView(sender.tab.id);
        return null;
      },
    },
    'article/save': {
      accept: isWebContentScript,
      validate: (p) => validateWebPageSave(p) ?? INVALID,
      handle: (page) => savePage(page),
    },
    'tab/toggle-reading-view': {
      validate: (p) => (isRecord(p) && Number.isInteger(p.tabId) ? { tabId: Number(p.tabId) } : INVALID),
      handle: ({ tabId }) => toggleReadingView(tabId),
    },
  });
});
