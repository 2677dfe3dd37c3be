/**
 * The background's page scripts (lib/background/tabs/inject.ts): the reading view and the
 * highlighting layer always come after the page agent, in one injection, because the background
 * reaches them through the agent's listener — on a page that is not an article nothing else has
 * put it there (the eager content script only decides). The agent alone is injected alone.
 * Real injection, in Chromium and Firefox, is driven by tests/e2e/live-web.e2e.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import {
  ANNOTATOR_SCRIPT,
  injectReadingView,
  injectScript,
  PAGE_AGENT_SCRIPT,
} from '../../../../lib/background/tabs/inject';

afterEach(() => vi.restoreAllMocks());

function spyInjections(): Array<{ tabId: number; frameIds?: number[]; files?: string[] }> {
  const seen: Array<{ tabId: number; frameIds?: number[]; files?: string[] }> = [];
  vi.spyOn(browser.scripting, 'executeScript').mockImplementation((async (details: {
    target: { tabId: number; frameIds?: number[] };
    files?: string[];
  }) => {
    seen.push({ ...details.target, files: details.files });
    return [];
  }) as never);
  return seen;
}

describe('page scripts', () => {
  it('puts the page agent ahead of the reading view and the layer, in the top frame', async () => {
    const seen = spyInjections();
    await injectReadingView(7);
    await injectScript(8, ANNOTATOR_SCRIPT);
    await injectScript(9, PAGE_AGENT_SCRIPT);
    expect(seen).toEqual([
      { tabId: 7, frameIds: [0], files: ['/page-agent.js', '/reading-view.js'] },
      { tabId: 8, frameIds: [0], files: ['/page-agent.js', '/annotator.js'] },
      { tabId: 9, frameIds: [0], files: ['/page-agent.js'] },
    ]);
  });
});
