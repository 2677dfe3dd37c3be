/**
 * The side panel's "Go to" for a reader page in a tab: the request names the tab, and only the
 * reader page in that tab answers it (BroadcastChannel reaches every page of ours).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onReaderGoTo, requestReaderGoTo } from '../../../lib/ui/go-to';

afterEach(() => vi.restoreAllMocks());

/** A page of ours listening in tab `tabId` (undefined: not in a tab), and what it heard. */
function pageIn(tabId: number | undefined) {
  const heard: string[] = [];
  vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValueOnce(
    (tabId === undefined ? undefined : { id: tabId }) as Awaited<ReturnType<typeof fakeBrowser.tabs.getCurrent>>,
  );
  const stop = onReaderGoTo((id) => heard.push(id));
  return { heard, stop };
}

describe('reader Go to', () => {
  it('reaches the reader page of the named tab only', async () => {
    const seven = pageIn(7);
    const eight = pageIn(8);
    const panel = pageIn(undefined);
    requestReaderGoTo(7, 'h-1');
    requestReaderGoTo(8, 'h-2');
    await vi.waitFor(() => {
      expect(seven.heard).toEqual(['h-1']);
      expect(eight.heard).toEqual(['h-2']);
    });
    expect(panel.heard).toEqual([]);
    seven.stop();
    requestReaderGoTo(7, 'h-3');
    requestReaderGoTo(8, 'h-4');
    await vi.waitFor(() => expect(eight.heard).toEqual(['h-2', 'h-4']));
    expect(seven.heard).toEqual(['h-1']);
    eight.stop();
    panel.stop();
  });
});
