/**
 * Loads Glossa's page scripts into a tab on demand. The eager content script only decides
 * whether a page is an article (it runs on every page); the page agent, the reading view
 * (extraction, sanitizing, the Preact UI) and the highlighting layer weigh far more, so the
 * background injects them into the tab's isolated world only when they are needed: the agent
 * once the page is an article, the others when the reader asks.
 */
import { browser } from 'wxt/browser';

/** Path of the unlisted script built from `entrypoints/page-agent.ts`. */
export const PAGE_AGENT_SCRIPT = '/page-agent.js' as const;
/** Path of the unlisted script built from `entrypoints/reading-view.ts`. */
export const READING_VIEW_SCRIPT = '/reading-view.js' as const;
/** Path of the unlisted script built from `entrypoints/annotator.ts` (highlighting on live pages). */
export const ANNOTATOR_SCRIPT = '/annotator.js' as const;

type PageScript = typeof PAGE_AGENT_SCRIPT | typeof READING_VIEW_SCRIPT | typeof ANNOTATOR_SCRIPT;

/** The MV2 fallback for browsers without `scripting` (Firefox has both; older ones only this). */
interface LegacyTabs {
  executeScript?: (tabId: number, details: { file: string; frameId?: number }) => Promise<unknown>;
}

/**
 * Runs one of our page scripts in the top frame of `tabId`, in the content scripts' world, after
 * the page agent: the reading view and the layer hear the background's calls through it. The
 * agent runs once per frame however often it is injected.
 */
export async function injectScript(tabId: number, file: PageScript): Promise<void> {
  const files = file === PAGE_AGENT_SCRIPT ? [file] : [PAGE_AGENT_SCRIPT, file];
  if (browser.scripting?.executeScript) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files });
    return;
  }
  const tabs = browser.tabs as unknown as LegacyTabs;
  const { executeScript } = tabs;
  if (!executeScript) throw new Error('This browser cannot inject scripts into tabs.');
  for (const one of files) await executeScript.call(tabs, tabId, { file: one, frameId: 0 });
}

/** Runs the reading-view script in the top frame of `tabId`. */
export function injectReadingView(tabId: number): Promise<void> {
  return injectScript(tabId, READING_VIEW_SCRIPT);
}
