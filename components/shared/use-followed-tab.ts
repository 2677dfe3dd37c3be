/**
 * The tab the side panel (and the popup's "Feeds on this page") speaks about, and its URL as it
 * changes. By default the active tab of the page's own window, followed as the reader switches
 * tabs or a tab navigates; with `?tab=<id>` (tests, or a reader who keeps the panel in a tab of
 * its own) always that tab.
 * The URL of an http(s) tab is visible to us through the host permissions; no `tabs` permission.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** The followed tab: its id and URL (undefined while unknown, or when the tab is closed). */
export interface FollowedTab {
  tabId: number | null;
  url: string | undefined;
}

/** Follows tab `pinned`, or the active tab of this window when `pinned` is null. */
export function useFollowedTab(pinned: number | null): FollowedTab {
  const [tab, setTab] = useState<FollowedTab>({ tabId: pinned, url: undefined });

  useEffect(() => {
    let cancelled = false;
    let followed = pinned;
    let windowId: number | undefined;
    const show = (tabId: number | null, url: string | undefined) => {
      if (cancelled) return;
      followed = tabId;
      setTab((old) => (old.tabId === tabId && old.url === url ? old : { tabId, url }));
    };
    const look = async (tabId: number) => {
      const found = await browser.tabs.get(tabId).catch(() => undefined);
      show(tabId, found?.url);
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (pinned === null && info.windowId === windowId) void look(info.tabId);
    };
    const onUpdated = (tabId: number, change: { url?: string; status?: string }) => {
      if (tabId === followed && (change.url !== undefined || change.status === 'complete')) void look(tabId);
    };
    const onRemoved = (tabId: number) => {
      if (tabId === followed) show(pinned === null ? null : tabId, undefined);
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    if (pinned !== null) void look(pinned);
    else {
      void browser.windows.getCurrent().then(async (win) => {
        windowId = win.id;
        const [active] = await browser.tabs.query({ active: true, windowId: win.id });
        if (active?.id !== undefined) show(active.id, active.url);
      });
    }
    return () => {
      cancelled = true;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    };
  }, [pinned]);

  return tab;
}
