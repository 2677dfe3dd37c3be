/**
 * The background: the one context every other reaches by message. It imports the bundled
 * seeds on install and update, writes what web pages send (saves, highlights; a content script
 * cannot open our IndexedDB), runs search and sync, and badges tabs. Extension pages (popup,
 * reader, options) write the library directly too. Only wiring: logic lives in lib/.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startFeeds } from '../lib/background/feeds/handlers';
import { createHtmlPreparer, createPageExtractor } from '../lib/background/html-preparer';
import { startImageSaving } from '../lib/background/images';
import { pageHighlightArticle } from '../lib/background/page-access';
import { pageHandlers } from '../lib/background/page-handlers';
import { installSearch } from '../lib/background/search/background';
import { importBundledSeeds, SEEDS_IMPORTED_KEY } from '../lib/background/seeds/seed-import';
import { startSync } from '../lib/background/sync/handlers';
import { runCommand } from '../lib/background/tabs/commands';
import { injectReadingView } from '../lib/background/tabs/inject';
import { pageFeedsHandler } from '../lib/background/tabs/page-feeds';
import { createPageWatch } from '../lib/background/tabs/page-watch';
import { extractPageBody } from '../lib/page/extract/page-body';
import { buildWebArticle, type WebPageSave } from '../lib/shared/article/web-page';
import { callTab, INVALID, isWebContentScript, listen } from '../lib/shared/messaging';
import { recordId } from '../lib/shared/validate/fields';
import { isRecord } from '../lib/shared/validate/guards';
import { onLibraryChange, openLibrary } from '../lib/storage';

/** The daily alarm that purges the Trash of entries past their 30 days. */
const TRASH_ALARM = 'glossa-trash';

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

  /**
   * Asks the tab's page agent to open or close its reading view. A page that is not an article
   * has no agent yet (the eager script only decides): injecting the reading view opens it.
   */
  const toggleReadingView = async (tabId: number) => {
    const answer = await callTab(tabId, 'reading-view/toggle', null);
    if (!answer.ok) await injectReadingView(tabId);
    return null;
  };

  browser.commands?.onCommand.addListener((command, tab) => {
    const activeTab = async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    const openSidePanel = (windowId: number) => browser.sidePanel.open({ windowId });
    void runCommand(command, tab, { activeTab, toggleReadingView, openSidePanel }).catch(() => undefined);
  });

  /** Saves a page from the web (sanitized again here, where the page cannot reach). */
  const storePage = async (page: WebPageSave) => {
    const body = await prepare(page.html);
    const article = await buildWebArticle(page, body, Date.now());
    const outcome = await (await library).upsertArticle(article);
    return { id: article.id, outcome };
  };

  // Web pages showing a saved article hear about its highlights changing elsewhere.
  const watch = createPageWatch(async (tabId) => (await callTab(tabId, 'highlights/changed', null)).ok);
  const { forgetTab, redrawSavedHighlights, ...pages } = pageHandlers(library, storePage, watch);
  browser.tabs.onRemoved.addListener((tabId) => {
    watch.forget(tabId);
    forgetTab(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url) watch.forget(tabId);
    // A new document counts the reader's gestures from zero again.
    if (change.status === 'loading') forgetTab(tabId);
    // A page saved with highlights gets them drawn again on every visit.
    if (change.status === 'complete' && tab.url) void redrawSavedHighlights(tabId, tab.url).catch(() => undefined);
  });
  onLibraryChange(async (change) => {
    if (change.store !== 'highlights') return;
    const lib = await library;
    const records = await Promise.all(change.ids.map((id) => lib.getHighlight(id)));
    await watch.changed(new Set(records.flatMap((h) => (h ? [h.articleId] : []))));
  });

  const sync = startSync(library);
  // Every saved article gets its images fetched and stored here (the library announces each save).
  startImageSaving(library);

  // The Trash keeps what was deleted for 30 days: purged at start-up and once a day, and with it
  // the saved images no article (live or in the Trash) holds any more.
  const purgeTrash = () =>
    void library
      .then(async (lib) => {
        await lib.purgeTrash();
        await lib.sweepImages();
      })
      .catch(() => undefined);
  purgeTrash();
  void browser.alarms.get(TRASH_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(TRASH_ALARM, { periodInMinutes: 24 * 60 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TRASH_ALARM) purgeTrash();
  });

  listen('background', {
    ...sync,
    ...pages,
    // Feeds: subscribe, refresh on an alarm and on request, unsubscribe, fetch full text.
    ...startFeeds(
      library,
      prepare,
      createPageExtractor((html, url) => extractPageBody(html, url, window)),
    ),
    // What a tab offers to subscribe to, asked of its content script only when a page of ours asks.
    'tab/feeds': pageFeedsHandler(),
    'search/query': installSearch(library),
    'seeds/import': { validate: (p) => (p === null ? null : INVALID), handle: () => runImport() },
    'panel/go-to': {
      validate: (p) =>
        isRecord(p) && Number.isInteger(p.tabId) && recordId(p.highlightId)
          ? { tabId: Number(p.tabId), highlightId: String(p.highlightId) }
          : INVALID,
      handle: async ({ tabId, highlightId }) => {
        // Only to the page that shows the highlight's article: a tab that moved on hears nothing.
        const tab = await browser.tabs.get(tabId);
        await pageHighlightArticle(await library, tab.url ?? '', highlightId);
        const answer = await callTab(tabId, 'highlights/go-to', { id: highlightId });
        return answer.ok && answer.value;
      },
    },
    // The live page's selection toolbar (Chrome): nothing is awaited before the call, so the
    // reader's click still counts as the gesture Chrome requires; a page's script cannot click it.
    'panel/open': {
      accept: isWebContentScript,
      validate: (p) => (p === null ? null : INVALID),
      handle: async (_, sender) => {
        const windowId = sender.tab?.windowId;
        if (windowId === undefined || !browser.sidePanel) throw new Error('No side panel to open here.');
        await browser.sidePanel.open({ windowId });
        return null;
      },
    },
    'tab/toggle-reading-view': {
      validate: (p) => (isRecord(p) && Number.isInteger(p.tabId) ? { tabId: Number(p.tabId) } : INVALID),
      handle: ({ tabId }) => toggleReadingView(tabId),
    },
  });
});
