import { defineConfig } from 'wxt';
import { grayMatterForBrowsers } from './scripts/vite-gray-matter';
import { noHtmlSinks } from './scripts/vite-no-html-sinks';

/**
 * One codebase, two browsers. Chrome gets MV3 (service worker + offscreen document for DOM
 * work), Firefox gets WXT's default MV2 event page, which has a DOM of its own.
 */
export default defineConfig({
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `scripting` + http(s) hosts: the background injects the reading view into a tab on demand.
    // `alarms`: sync runs on a schedule that survives the MV3 worker being stopped.
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms', ...(browser === 'chrome' ? ['offscreen'] : [])],
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
    // The reading view and a live page's note editor are extension pages framed in the page
    // (components/page/reading-view-frame.ts, components/annotation/EditorFrame.tsx): web pages
    // must be allowed to load them, and nothing else of ours.
    web_accessible_resources: [
      { resources: ['reading-frame.html', 'note-frame.html'], matches: ['http://*/*', 'https://*/*'] },
    ],
    commands: {
      'toggle-reading-view': {
        // Not Alt+Shift+R: Chromium keeps that for itself and silently leaves the command unset
        // (tests/e2e/commands.e2e.test.ts reads what each browser really assigns).
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_commandToggleReadingView__',
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
