/**
 * Which tabs show which saved article, so that a change made in another view (a reader tab, a
 * second tab of the same page) reaches them at once. Extension pages hear the library's change
 * channel themselves; web pages cannot, so the background keeps this map and tells them.
 *
 * The map lives in the background's memory: when an MV3 worker is stopped it is lost, and a
 * tab hears about changes again after its next read (every page load reads its highlights).
 */

/** The watch over tabs. */
export interface PageWatch {
  /** Tab `tabId` shows article `articleId` (it read or wrote its highlights). */
  seen(tabId: number, articleId: string | null): void;
  /** Tab `tabId` closed or navigated away. */
  forget(tabId: number): void;
  /** Tells every tab showing one of `articleIds` to reload its highlights. */
  changed(articleIds: ReadonlySet<string>): Promise<void>;
}

/** A watch that calls `notify` for each tab to tell (a failed call forgets the tab). */
export function createPageWatch(notify: (tabId: number) => Promise<boolean>): PageWatch {
  const tabs = new Map<number, string>();
  return {
    seen(tabId, articleId) {
      if (articleId) tabs.set(tabId, articleId);
    },
    forget(tabId) {
      tabs.delete(tabId);
    },
    async changed(articleIds) {
      const targets = [...tabs].filter(([, id]) => articleIds.has(id)).map(([tabId]) => tabId);
      const answers = await Promise.all(targets.map((tabId) => notify(tabId).catch(() => false)));
      targets.forEach((tabId, i) => {
        if (!answers[i]) tabs.delete(tabId);
      });
    },
  };
}
