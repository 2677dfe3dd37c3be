/**
 * The background: the single writer of the library. Wires the seed import to install/update
 * and answers the typed message protocol. Logic lives in lib/.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createHtmlPreparer } from '../lib/article/html-preparer';
import { importBundledSeeds, SEEDS_IMPORTED_KEY } from '../lib/article/seed-import';
import { INVALID, listen } from '../lib/messaging';
import { openLibrary } from '../lib/storage';

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

  listen('background', {
    'seeds/import': { validate: (p) => (p === null ? null : INVALID), handle: () => runImport() },
  });
});
