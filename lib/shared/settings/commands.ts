/**
 * The browser commands (manifest `commands`): names and suggested keys, with no imports, so the
 * build config that writes the manifest and the code that runs them share one definition.
 */

/** The reading view's command. */
export const READING_VIEW_COMMAND = 'toggle-reading-view';

/**
 * The side panel's command. Firefox opens an extension's sidebar itself for the reserved
 * `_execute_sidebar_action`; Chrome has no such name, so its command is ours and the background
 * opens the panel (lib/background/tabs/commands.ts).
 */
export function sidePanelCommand(browserName: string): string {
  return browserName === 'firefox' ? '_execute_sidebar_action' : 'open-side-panel';
}

/**
 * Suggested keys of the side panel's command: Alt+Shift+S ("side"). Chromium silently leaves
 * Alt+Shift+N and Alt+Shift+P unset (install probes read `commands.getAll()`), as it does Alt+Shift+R.
 */
export const SIDE_PANEL_KEYS = 'Alt+Shift+S';
