/**
 * Restores the settings a backup carries (see `lib/ui/export/settings.ts`) — but only those this
 * device has never set. Settings carry no clocks, so "never overwrite a newer local edit" can
 * only mean: a choice made here is kept; a fresh install gets the backed-up one. Values are
 * repaired through `lib/shared/settings` first, so a hand-edited backup cannot store nonsense.
 */
import { storage } from 'wxt/utils/storage';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../model';
import { lastHighlightColor } from '../../shared/settings/highlight-prefs';
import { readerPrefs, repairReaderPrefs } from '../../shared/settings/reader-prefs';
import { isRecord } from '../../shared/validate/guards';

/** Whether this device has ever stored a value for `key`. */
async function isSet(key: `local:${string}`): Promise<boolean> {
  return (await storage.getItem<unknown>(key)) !== null;
}

/** Fills in the backup's settings this device never set; answers how many it filled. */
export async function restoreSettings(settings: unknown): Promise<number> {
  if (!isRecord(settings)) return 0;
  let restored = 0;
  if (isRecord(settings.readerPrefs) && !(await isSet(readerPrefs.key as `local:${string}`))) {
    await readerPrefs.setValue(repairReaderPrefs(settings.readerPrefs));
    restored += 1;
  }
  const color = settings.lastHighlightColor;
  if (
    HIGHLIGHT_COLORS.includes(color as HighlightColor) &&
    !(await isSet(lastHighlightColor.key as `local:${string}`))
  ) {
    await lastHighlightColor.setValue(color as HighlightColor);
    restored += 1;
  }
  return restored;
}
