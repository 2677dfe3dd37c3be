/**
 * The reading preferences and last highlight colour, as the reader page and the reading view
 * both use them: loaded once, saved on change, and followed live when the options page or
 * another reader tab changes them.
 */
import { useEffect, useState } from 'preact/hooks';
import type { HighlightColor } from '../../lib/model';
import { lastHighlightColor, loadLastColor } from '../../lib/shared/settings/highlight-prefs';
import {
  loadReaderPrefs,
  type ReaderPrefs,
  repairReaderPrefs,
  saveReaderPrefs,
  watchReaderPrefs,
} from '../../lib/shared/settings/reader-prefs';

/** What a reading surface needs: `prefs` is null until loaded. */
export interface ReadingPrefs {
  prefs: ReaderPrefs | null;
  updatePrefs: (next: ReaderPrefs) => void;
  lastColor: HighlightColor;
  updateLastColor: (color: HighlightColor) => void;
}

/** Loads, saves and follows the reading preferences. */
export function useReadingPrefs(): ReadingPrefs {
  const [prefs, setPrefs] = useState<ReaderPrefs | null>(null);
  const [lastColor, setLastColor] = useState<HighlightColor>('yellow');
  useEffect(() => {
    void loadReaderPrefs().then(setPrefs, () => undefined);
    void loadLastColor().then(setLastColor, () => undefined);
    return watchReaderPrefs(setPrefs);
  }, []);
  return {
    prefs,
    lastColor,
    updatePrefs: (next) => {
      const fixed = repairReaderPrefs(next);
      setPrefs(fixed);
      void saveReaderPrefs(fixed).catch(() => undefined);
    },
    updateLastColor: (color) => {
      setLastColor(color);
      void lastHighlightColor.setValue(color);
    },
  };
}
