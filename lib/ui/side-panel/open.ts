/**
 * Opening the browser's side panel on Glossa's panel page, from a click in one of our pages.
 * Both browsers accept the call only while handling the reader's gesture, so nothing may be
 * awaited before it: the window id Chrome needs is looked up in advance ({@link currentWindowId}).
 * Chrome has `sidePanel.open({ windowId })`; Firefox has `sidebarAction.open()`, which WXT's
 * Chrome-shaped `browser` types do not describe, hence the small typed view below.
 */
import { browser } from 'wxt/browser';

/** Firefox's sidebar API, as far as Glossa uses it. */
interface SidebarAction {
  open(): Promise<void>;
}

function firefoxSidebar(): SidebarAction | undefined {
  return (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
}

/** Whether this browser lets an extension open its side panel at all. */
export function canOpenSidePanel(): boolean {
  return firefoxSidebar() !== undefined || typeof browser.sidePanel?.open === 'function';
}

/** The id of the window this page belongs to (for Chrome's `sidePanel.open`). */
export async function currentWindowId(): Promise<number | undefined> {
  return (await browser.windows.getCurrent()).id;
}

/**
 * Opens the side panel in window `windowId` (Chrome) or the current window (Firefox). Call it
 * synchronously from the click handler. Rejects when the browser refuses.
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const sidebar = firefoxSidebar();
  if (sidebar) return sidebar.open();
  if (windowId === undefined) return Promise.reject(new Error('No window to open the side panel in.'));
  return browser.sidePanel.open({ windowId });
}
