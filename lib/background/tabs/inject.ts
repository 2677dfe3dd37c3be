/**
 * Loads Glossa's page scripts into a tab on demand. The eager content script only decides
 * whether a page is an article (it runs on every page); the page agent, the reading view
 * (extraction, sanitizing, the Preact UI), the highlighting layer and the feed reader weigh far
 * more, so the background runs them in the tab's isolated world only when they are needed: the
 * agent once the page is an article, the others when the reader or a page of ours asks.
 */
import { browser } from 'wxt/browser';

/** Path of the unlisted script built from `entrypoints/page-agent.ts`. */
export const PAGE_AGENT_SCRIPT = '/page-agent.js' as const;
/** Path of the unlisted script built from `entrypoints/reading-view.ts`. */
export const READING_VIEW_SCRIPT = '/reading-view.js' as const;
/** Path of the unlisted script built from `entrypoints/annotator.ts` (highlighting on live pages). */
export const ANNOTATOR_SCRIPT = '/annotator.js' as const;
/** Path of the unlisted script built from `entrypoints/page-feeds.ts` (its value: the page's feeds). */
export const PAGE_FEEDS_SCRIPT = '/page-feeds.js' as const;

type PageScript = typeof PAGE_AGENT_SCRIPT | typeof READING_VIEW_SCRIPT | typeof ANNOTATOR_SCRIPT;

/** The MV2 fallback for browsers without `scripting` (Firefox has both; older ones only this). */
interface LegacyTabs {
  executeScript?: (tabId: number, details: { file: string; frameId?: number }) => Promise<unknown[]>;
}

/**
 * Which document of the tab: Chrome names the one that sent a message (`documentId`), so a
 * script meant for it never lands in the page the tab went on to; elsewhere, the top frame.
 */
export interface ScriptTarget {
  tabId: number;
  documentId?: string;
}

/**
 * Runs `files` in order in the top frame of the target, in the content scripts' world, and
 * resolves with the last one's value there.
 */
async function run(target: ScriptTarget, files: string[]): Promise<unknown> {
  if (browser.scripting?.executeScript) {
    const { tabId, documentId } = target;
    const where = documentId === undefined ? { tabId, frameIds: [0] } : { tabId, documentIds: [documentId] };
    const results = await browser.scripting.executeScript({ target: where, files: files as PageScript[] });
    return results[0]?.result;
  }
  const tabs = browser.tabs as unknown as LegacyTabs;
  const { executeScript } = tabs;
  if (!executeScript) throw new Error('This browser cannot inject scripts into tabs.');
  let last: unknown[] = [];
  for (const file of files) last = await executeScript.call(tabs, target.tabId, { file, frameId: 0 });
  return last[0];
}

/**
 * Runs one of our page scripts after the page agent: the reading view and the layer hear the
 * background's calls through it. The agent runs once per frame however often it is injected.
 */
export async function injectScript(target: number | ScriptTarget, file: PageScript): Promise<void> {
  const files = file === PAGE_AGENT_SCRIPT ? [file] : [PAGE_AGENT_SCRIPT, file];
  await run(typeof target === 'number' ? { tabId: target } : target, files);
}

/** Runs the reading-view script in the top frame of `tabId`. */
export function injectReadingView(tabId: number): Promise<void> {
  return injectScript(tabId, READING_VIEW_SCRIPT);
}

/** The raw report of the feeds tab `tabId` declares (unchecked: the page can shape it). */
export function readPageFeeds(tabId: number): Promise<unknown> {
  return run({ tabId }, [PAGE_FEEDS_SCRIPT]);
}
