/**
 * The reader's typography preferences, remembered across pages and restarts. One storage item
 * with a version, so a later shape change is an explicit migration rather than a guess.
 */
import { storage } from 'wxt/utils/storage';

/** Colour themes of the reading view. */
export const THEMES = ['light', 'dark', 'sepia'] as const;
export type Theme = (typeof THEMES)[number];

/** What the reader chose for reading. */
export interface ReaderPrefs {
  theme: Theme;
  /** Body font size in CSS pixels. */
  fontSize: number;
}

/** Smallest, largest and step of the font-size control. */
export const FONT_SIZE = { min: 14, max: 28, step: 2, initial: 18 } as const;

const DEFAULTS: ReaderPrefs = { theme: 'light', fontSize: FONT_SIZE.initial };

/** The stored preferences item (`storage.local`: typography is per device). */
export const readerPrefs = storage.defineItem<ReaderPrefs>('local:readerPrefs', {
  fallback: DEFAULTS,
  version: 1,
});

/** Keeps a font size within the control's range and on its step. */
export function clampFontSize(size: number): number {
  const stepped = Math.round(size / FONT_SIZE.step) * FONT_SIZE.step;
  return Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, stepped));
}

/** Reads the preferences, repairing any stored value that is out of range. */
export async function loadReaderPrefs(): Promise<ReaderPrefs> {
  const stored = await readerPrefs.getValue();
  const theme = THEMES.includes(stored.theme) ? stored.theme : DEFAULTS.theme;
  return { theme, fontSize: clampFontSize(Number(stored.fontSize) || DEFAULTS.fontSize) };
}
