/**
 * What a browser command (a keyboard shortcut the browser owns) does. The reading view's
 * shortcut acts on the tab it was pressed in; Firefox before 126 passes no tab, so then it acts
 * on the focused window's active tab. The side panel's shortcut opens Chrome's panel in the
 * window it was pressed in, at once: Chrome accepts `sidePanel.open` only while the key's gesture
 * lasts, so nothing is awaited before it (Firefox opens its sidebar itself, for its reserved
 * command name). Kept apart from the listener so the choice is tested:
 * neither browser's shortcut layer can be driven by a headless test harness, whose key events
 * go straight to the page (tests/e2e/commands.e2e.test.ts).
 */
import { READING_VIEW_COMMAND, sidePanelCommand } from '../../shared/settings/commands';

/** What a command needs from the browser. */
export interface CommandDeps {
  /** The active tab of the focused window. */
  activeTab(): Promise<number | undefined>;
  /** Opens or closes the reading view in a tab. */
  toggleReadingView(tabId: number): Promise<unknown>;
  /** Opens the side panel in a window (Chrome). */
  openSidePanel(windowId: number): Promise<unknown>;
}

/** Runs `command`, pressed in `tab` (if the browser said); unknown commands do nothing. */
export async function runCommand(
  command: string,
  tab: { id?: number; windowId?: number } | undefined,
  deps: CommandDeps,
): Promise<void> {
  if (command === sidePanelCommand('chrome')) {
    if (tab?.windowId !== undefined) await deps.openSidePanel(tab.windowId);
    return;
  }
  if (command !== READING_VIEW_COMMAND) return;
  const tabId = tab?.id ?? (await deps.activeTab());
  if (tabId !== undefined) await deps.toggleReadingView(tabId);
}
