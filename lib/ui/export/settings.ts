/**
 * The settings a backup carries: the reader's typography and the last highlight colour, read
 * through `lib/shared/settings` so the values are the repaired ones the UI uses. Restoring them is
 * `lib/ui/import/settings.ts`. A new setting joins the backup by getting a field here and a check
 * there.
 */

import type { HighlightColor } from '../../model';
import { loadLastColor } from '../../shared/settings/highlight-prefs';
import { loadReaderPrefs, type ReaderPrefs } from '../../shared/settings/reader-prefs';

/** Settings as a backup holds them. */
export interface BackupSettings {
  readerPrefs: ReaderPrefs;
  lastHighlightColor: HighlightColor;
}

/** Reads the settings to back up. */
export async function readBackupSettings(): Promise<BackupSettings> {
  const [readerPrefs, lastHighlightColor] = await Promise.all([loadReaderPrefs(), loadLastColor()]);
  return { readerPrefs, lastHighlightColor };
}
