/**
 * The side panel's "Go to" for a stored copy open in a tab. The background can message a web
 * page's content script but not one of our pages in a tab, so the panel tells reader pages
 * directly over a BroadcastChannel (every context of our origin hears it) and names the tab:
 * each reader page knows its own tab and answers only requests for it.
 */
import { browser } from 'wxt/browser';

const CHANNEL = 'glossa:go-to';

/** A request to scroll tab `tabId`'s reader page to highlight `highlightId`. */
interface GoToRequest {
  tabId: number;
  highlightId: string;
}

/** Asks the reader page in tab `tabId` to go to highlight `highlightId`. */
export function requestReaderGoTo(tabId: number, highlightId: string): void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ tabId, highlightId } satisfies GoToRequest);
  channel.close();
}

/**
 * Calls `listener` for every request addressed to this page's tab (none when this page is not
 * in a tab: a popup or a side panel); returns an unsubscribe function.
 */
export function onReaderGoTo(listener: (highlightId: string) => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  const ownTab = browser.tabs.getCurrent().then(
    (tab) => tab?.id,
    () => undefined,
  );
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const request = event.data as Partial<GoToRequest> | null;
    if (typeof request?.tabId !== 'number' || typeof request.highlightId !== 'string') return;
    const { tabId, highlightId } = request;
    void ownTab.then((own) => {
      if (own === tabId) listener(highlightId);
    });
  };
  return () => channel.close();
}
