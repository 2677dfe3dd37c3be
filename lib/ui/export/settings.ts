/**
 * The settings a backup carries: the reader's typography and the last highlight colour, read
 * through `lib/settings` so the values are the repaired ones the UI uses. Restoring them is
 * `lib/import/settings.ts`. A new setting joins the backup by getting a field here and a check
 * there.
 */
import { loadLastColor } from '../settings/highlight-prefs';
import { loadReaderPrefs, type ReaderPrefs } from '../settings/reader-prefs';
import type { HighlightColor } from '../storage/types';

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
