/**
 * The background: the single writer of the library. Wires the seed import to install/update
 * and answers the typed message protocol. Logic lives in lib/.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHtmlPreparer } from '../lib/article/html-preparer';
import { importBundledSeeds, SEEDS_IMPORTED_KEY } from '../lib/article/seed-import';
import { buildWebArticle, validateWebPageSave } from '../lib/article/web-page';
import { callTab, INVALID, isWebContentScript, listen } from '../lib/messaging';
import { openLibrary } from '../lib/storage';
import { setArticleBadge } from '../lib/tabs/badge';
import { injectReadingView } from '../lib/tabs/inject';

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

  listen('background', {
    'seeds/import': { validate: (p) => (p === null ? null : INVALID), handle: () => runImport() },
    'page/detected': {
      accept: isWebContentScript,
      validate: (p) => (isRecord(p) && typeof p.isArticle === 'boolean' ? { isArticle: p.isArticle } : INVALID),
      handle: async ({ isArticle }, sender) => {
        if (sender.tab?.id !== undefined) await setArticleBadge(sender.tab.id, isArticle);
        return null;
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
      handle: async (page) => {
        // Sanitized by the content script already; again here, where the page cannot reach.
        const body = await prepare(page.html);
        const article = await buildWebArticle(page, body, Date.now());
        const outcome = await (await library).upsertArticle(article);
        return { id: article.id, outcome };
      },
    },
    'tab/toggle-reading-view': {
      validate: (p) => (isRecord(p) && Number.isInteger(p.tabId) ? { tabId: Number(p.tabId) } : INVALID),
      handle: ({ tabId }) => toggleReadingView(tabId),
    },
  });
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
