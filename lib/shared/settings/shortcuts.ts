/**
 * Every keyboard shortcut Glossa has, for the options page's help table. Browser commands
 * (manifest `commands`) can be re-bound by the user, so their keys are read live from
 * `commands.getAll()` where possible; the in-page shortcuts are fixed. A unit test checks that
 * every manifest command is listed here.
 */
import { browser } from 'wxt/browser';
import type { MessageKey } from '../i18n';
import { READING_VIEW_COMMAND, SIDE_PANEL_KEYS, sidePanelCommand } from './commands';

export { READING_VIEW_COMMAND, SIDE_PANEL_KEYS, sidePanelCommand } from './commands';

/** Where a shortcut works. */
export type ShortcutScope = 'browser' | 'selection' | 'list';

/** One row of the shortcut table. */
export interface Shortcut {
  /** The manifest command name, for browser commands; null for in-page keys. */
  command: string | null;
  /** The keys as the manifest suggests them (or the fixed keys). */
  keys: string;
  action: MessageKey;
  scope: ShortcutScope;
}

/** The shortcuts of the build for `browserName`, browser commands first. */
export function shortcutsFor(browserName: string): readonly Shortcut[] {
  return [
    { command: READING_VIEW_COMMAND, keys: 'Alt+Shift+G', action: 'commandToggleReadingView', scope: 'browser' },
    { command: sidePanelCommand(browserName), keys: SIDE_PANEL_KEYS, action: 'commandOpenSidePanel', scope: 'browser' },
    { command: null, keys: 'Alt+Shift+H', action: 'shortcutHighlight', scope: 'selection' },
    { command: null, keys: 'Alt+Shift+A', action: 'shortcutToolbar', scope: 'selection' },
    { command: null, keys: '↑ ↓ Home End', action: 'shortcutListMove', scope: 'list' },
  ];
}

/** The shortcuts of this build. */
export const SHORTCUTS: readonly Shortcut[] = shortcutsFor(import.meta.env.BROWSER);

/** A browser command as `commands.getAll()` reports it. */
export interface LiveCommand {
  name?: string;
  shortcut?: string;
}

/**
 * The shortcuts with each browser command's current keys: the user's binding, '' when the user
 * removed it (the table says "not set"), the suggested keys when the browser did not say.
 */
export function withLiveKeys(shortcuts: readonly Shortcut[], live: readonly LiveCommand[]): Shortcut[] {
  return shortcuts.map((s) => {
    const found = s.command === null ? undefined : live.find((c) => c.name === s.command);
    return found && found.shortcut !== undefined ? { ...s, keys: found.shortcut } : { ...s };
  });
}

/**
 * The keys the browser really has for `command`: '' when none is set (Chrome skips a suggested
 * key another extension or the browser itself holds) or the commands API cannot say.
 */
export async function liveCommandKeys(command: string): Promise<string> {
  try {
    const live: LiveCommand[] = await browser.commands.getAll();
    return live.find((c) => c.name === command)?.shortcut ?? '';
  } catch {
    return '';
  }
}

/**
 * Opens the browser's page for changing extension shortcuts: Firefox has an API for it; Chrome's
 * page is `chrome://extensions/shortcuts`, which an extension may open in a tab.
 */
export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
  if (commands.openShortcutSettings) return commands.openShortcutSettings();
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
