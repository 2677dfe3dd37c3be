/**
 * Loads the reading view into a tab on demand. Extraction, sanitizing and the Preact UI weigh
 * far more than detection, so they are not part of the eager content script: the background
 * injects `/reading-view.js` into the tab's isolated world only when the user asks for it.
 */
import { browser } from 'wxt/browser';

/** Path of the unlisted script built from `entrypoints/reading-view.ts`. */
export const READING_VIEW_SCRIPT = '/reading-view.js';

/** The MV2 fallback for browsers without `scripting` (Firefox has both; older ones only this). */
interface LegacyTabs {
  executeScript?: (tabId: number, details: { file: string; frameId?: number }) => Promise<unknown>;
}

/** Runs the reading-view script in the top frame of `tabId`, in the content scripts' world. */
export async function injectReadingView(tabId: number): Promise<void> {
  if (browser.scripting?.executeScript) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [READING_VIEW_SCRIPT] });
    return;
  }
  const tabs = browser.tabs as unknown as LegacyTabs;
  if (!tabs.executeScript) throw new Error('This browser cannot inject scripts into tabs.');
  await tabs.executeScript(tabId, { file: READING_VIEW_SCRIPT, frameId: 0 });
}
