/**
 * Loads the reading view into a tab on demand. Extraction, sanitizing and the Preact UI weigh
 * far more than detection, so they are not part of the eager content script: the background
 * injects `/reading-view.js` into the tab's isolated world only when the user asks for it.
 */
import { browser } from 'wxt/browser';

/** Path of the unlisted script built from `entrypoints/reading-view.ts`. */
export const READING_VIEW_SCRIPT = '/reading-view.js' as const;
/** Path of the unlisted script built from `entrypoints/annotator.ts` (highlighting on live pages). */
export const ANNOTATOR_SCRIPT = '/annotator.js' as const;

/** The MV2 fallback for browsers without `scripting` (Firefox has both; older ones only this). */
interface LegacyTabs {
  executeScript?: (tabId: number, details: { file: string; frameId?: number }) => Promise<unknown>;
}

/** Runs one of our unlisted scripts in the top frame of `tabId`, in the content scripts' world. */
export async function injectScript(
  tabId: number,
  file: typeof READING_VIEW_SCRIPT | typeof ANNOTATOR_SCRIPT,
): Promise<void> {
  if (browser.scripting?.executeScript) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [file] });
    return;
  }
  const tabs = browser.tabs as unknown as LegacyTabs;
  if (!tabs.executeScript) throw new Error('This browser cannot inject scripts into tabs.');
  await tabs.executeScript(tabId, { file, frameId: 0 });
}

/** Runs the reading-view script in the top frame of `tabId`. */
export function injectReadingView(tabId: number): Promise<void> {
  return injectScript(tabId, READING_VIEW_SCRIPT);
}
