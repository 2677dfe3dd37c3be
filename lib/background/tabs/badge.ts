/**
 * The toolbar button tells the user, per tab, that the page is an article. Chrome MV3 calls the
 * button `action`; Firefox MV2 calls it `browserAction` (and WXT's `browser.action` is undefined
 * there), so the one place that touches it picks whichever exists.
 */
import { browser } from 'wxt/browser';
import { t } from '../../shared/i18n';
import { liveCommandKeys, READING_VIEW_COMMAND } from '../../shared/settings/shortcuts';

/** The part of `action` / `browserAction` the badge needs (same shape in both). */
interface ToolbarButton {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

/** The toolbar button API of this browser, or null in a context without one. */
export function toolbarButton(): ToolbarButton | null {
  const api = browser as unknown as { action?: ToolbarButton; browserAction?: ToolbarButton };
  return api.action ?? api.browserAction ?? null;
}

/**
 * Marks tab `tabId` as showing an article (badge, and a title naming the reading view's real
 * shortcut), or clears the mark. Tab-specific
 * values reset when the tab navigates, so a stale badge never outlives its page.
 */
export async function setArticleBadge(tabId: number, isArticle: boolean): Promise<void> {
  const button = toolbarButton();
  if (!button) return;
  // The title names the key the browser really has (the reader may have changed or removed it).
  const keys = isArticle ? await liveCommandKeys(READING_VIEW_COMMAND) : '';
  const title = !isArticle ? t('extName') : keys ? t('actionTitleArticle', keys) : t('actionTitleArticleNoKey');
  await Promise.all([
    button.setBadgeText({ tabId, text: isArticle ? t('badgeArticle') : '' }),
    button.setTitle({ tabId, title }),
  ]);
}
