import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Alias } from 'vite';
import { defineConfig } from 'wxt';
import { READING_VIEW_COMMAND, SIDE_PANEL_KEYS, sidePanelCommand } from './lib/shared/settings/commands';
import { compileHint } from './scripts/vite-compile-hint';
import { grayMatterForBrowsers } from './scripts/vite-gray-matter';
import { noHtmlSinks } from './scripts/vite-no-html-sinks';

/**
 * One codebase, two browsers. Chrome gets MV3 (service worker + offscreen document for DOM
 * work), Firefox gets WXT's default MV2 event page, which has a DOM of its own.
 */
export default defineConfig({
  imports: false,
  // `wxt/browser` is Mozilla's webextension-polyfill (issue 21): one promise-based `browser`
  // whose behaviour (onMessage's sendResponse and returned promises, lastError as rejections) is
  // the same in Chromium as in Firefox, which has it natively. Everywhere but the eager content
  // script: see the hook below.
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The eager content script runs on every page, and the polyfill would triple its CPU cost on
    // a non-article page (bench/FINDINGS.md: content suite). It gets the browser's own API
    // (Chromium's `chrome`, Firefox's own `browser`), looked up only when first used
    // (lib/page/lazy-browser.ts), which the shared code already uses only in the shapes both
    // accept: promise-returning calls, and listeners that answer through `sendResponse` +
    // `return true`.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.name === EAGER_CONTENT_SCRIPT)) return;
      config.resolve ??= {};
      config.resolve.alias = [PLAIN_BROWSER, ...aliasList(config.resolve.alias)];
      config.plugins = [...(config.plugins ?? []), compileHint()];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `scripting` + http(s) hosts: the background injects the reading view into a tab on demand.
    // `alarms`: sync runs on a schedule that survives the MV3 worker being stopped.
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms', ...(browser === 'chrome' ? ['offscreen'] : [])],
    host_permissions: ['http://*/*', 'https://*/*'],
    // The eager content script is declared here, not through WXT's content-script entrypoint,
    // whose context announces each start to the page (entrypoints/eager-content.ts says more).
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], js: [`${EAGER_CONTENT_SCRIPT}.js`], run_at: 'document_idle' },
    ],
    action: { default_title: '__MSG_extName__' },
    // The reading view and a live page's note editor are extension pages framed in the page
    // (components/page/reading-view-frame.ts, components/annotation/EditorFrame.tsx): web pages
    // must be allowed to load them, and nothing else of ours.
    web_accessible_resources: [
      { resources: ['reading-frame.html', 'note-frame.html'], matches: ['http://*/*', 'https://*/*'] },
    ],
    commands: {
      [READING_VIEW_COMMAND]: {
        // Not Alt+Shift+R: Chromium keeps that for itself and silently leaves the command unset
        // (tests/e2e/commands.e2e.test.ts reads what each browser really assigns).
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_commandToggleReadingView__',
      },
      // Firefox opens the sidebar itself for its reserved name; Chrome's command is ours.
      [sidePanelCommand(browser)]: {
        suggested_key: { default: SIDE_PANEL_KEYS },
        description: '__MSG_commandOpenSidePanel__',
      },
    },
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'glossa@glossa.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          }
        : undefined,
  }),
  vite: () => ({
    plugins: [grayMatterForBrowsers(), noHtmlSinks()],
  }),
});

/** The entrypoint that runs on every page, kept free of the polyfill. */
const EAGER_CONTENT_SCRIPT = 'eager-content';

/** The browser's own API, looked up on first use (the module's alias would point at the polyfill). */
const PLAIN_BROWSER: Alias = {
  find: /^wxt\/browser$/,
  replacement: path.join(path.dirname(fileURLToPath(import.meta.url)), 'lib/page/lazy-browser.ts'),
};

/** Vite takes aliases as an object or a list; the first matching list entry wins. */
function aliasList(alias: Record<string, string> | readonly Alias[] | undefined): Alias[] {
  if (!alias) return [];
  if (Array.isArray(alias)) return [...alias];
  return Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
}
