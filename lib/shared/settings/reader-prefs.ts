/**
 * The reader's typography preferences, remembered across pages and restarts. One storage item
 * with a version, so a later shape change is an explicit migration rather than a guess.
 * The reader page, the in-page reading view and the options page all read and write it.
 */
import { storage } from 'wxt/utils/storage';

/** Colour themes of the reading view. */
export const THEMES = ['light', 'dark', 'sepia'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Font families: `classic` is serif for Latin text and sans-serif (hei) for Chinese, the
 * default because a thin Song face is hard on low-resolution screens; the others apply one
 * family to both scripts.
 */
export const FONTS = ['classic', 'sans', 'serif'] as const;
export type Font = (typeof FONTS)[number];

/** Line spacing steps; each scales the script's own base line height (1.65 Latin, 1.85 CJK). */
export const LINE_SPACINGS = ['compact', 'normal', 'relaxed', 'loose'] as const;
export type LineSpacing = (typeof LINE_SPACINGS)[number];
const LINE_SCALE: Record<LineSpacing, number> = { compact: 0.9, normal: 1, relaxed: 1.12, loose: 1.25 };

/** Text column widths; each scales the script's own measure (~70 Latin / ~38 CJK characters). */
export const WIDTHS = ['narrow', 'medium', 'wide'] as const;
export type Width = (typeof WIDTHS)[number];
const WIDTH_SCALE: Record<Width, number> = { narrow: 0.8, medium: 1, wide: 1.3 };

/** What the reader chose for reading. */
export interface ReaderPrefs {
  theme: Theme;
  /** Body font size in CSS pixels. */
  fontSize: number;
  font: Font;
  lineSpacing: LineSpacing;
  width: Width;
}

/** Smallest, largest and step of the font-size control. */
export const FONT_SIZE = { min: 14, max: 28, step: 2, initial: 18 } as const;

/** What a new install reads with. */
export const DEFAULT_READER_PREFS: ReaderPrefs = {
  theme: 'light',
  fontSize: FONT_SIZE.initial,
  font: 'classic',
  lineSpacing: 'normal',
  width: 'medium',
};

/** Version 1: theme and font size only. */
interface ReaderPrefsV1 {
  theme: Theme;
  fontSize: number;
}

/** The stored preferences item (`storage.local`: typography is per device). */
export const readerPrefs = storage.defineItem<ReaderPrefs>('local:readerPrefs', {
  fallback: DEFAULT_READER_PREFS,
  version: 2,
  migrations: {
    // v2 added font, line spacing and width: keep what the reader chose, default the rest.
    2: (old: ReaderPrefsV1): ReaderPrefs => ({ ...DEFAULT_READER_PREFS, theme: old.theme, fontSize: old.fontSize }),
  },
});

/** Keeps a font size within the control's range and on its step. */
export function clampFontSize(size: number): number {
  const stepped = Math.round(size / FONT_SIZE.step) * FONT_SIZE.step;
  return Math.min(FONT_SIZE.max, Math.max(FONT_SIZE.min, stepped));
}

/** `value` when it is one of `allowed`, else `fallback`. */
function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Repairs stored values that are out of range or unknown (a hand edit, a newer version's value). */
export function repairReaderPrefs(stored: Partial<Record<keyof ReaderPrefs, unknown>>): ReaderPrefs {
  const d = DEFAULT_READER_PREFS;
  return {
    theme: oneOf(THEMES, stored.theme, d.theme),
    fontSize: clampFontSize(Number(stored.fontSize) || d.fontSize),
    font: oneOf(FONTS, stored.font, d.font),
    lineSpacing: oneOf(LINE_SPACINGS, stored.lineSpacing, d.lineSpacing),
    width: oneOf(WIDTHS, stored.width, d.width),
  };
}

/** Reads the preferences, repairing stored values that are out of range. */
export async function loadReaderPrefs(): Promise<ReaderPrefs> {
  return repairReaderPrefs(await readerPrefs.getValue());
}

/** Saves preferences (repaired first); resolves with what was stored. */
export async function saveReaderPrefs(prefs: ReaderPrefs): Promise<ReaderPrefs> {
  const fixed = repairReaderPrefs(prefs);
  await readerPrefs.setValue(fixed);
  return fixed;
}

/** Calls `listener` with the repaired preferences whenever another view changes them. */
export function watchReaderPrefs(listener: (prefs: ReaderPrefs) => void): () => void {
  return readerPrefs.watch((value) => listener(repairReaderPrefs(value ?? DEFAULT_READER_PREFS)));
}

/**
 * The attributes that apply `prefs` to a `.glossa-reader` element (reader.css reads them):
 * theme and font as data attributes, sizes as custom properties.
 */
export function readerAttributes(prefs: ReaderPrefs): {
  'data-theme': Theme;
  'data-font': Font;
  style: Record<string, string>;
} {
  return {
    'data-theme': prefs.theme,
    'data-font': prefs.font,
    style: {
      '--g-font-size': `${prefs.fontSize}px`,
      '--g-line-scale': String(LINE_SCALE[prefs.lineSpacing]),
      '--g-width-scale': String(WIDTH_SCALE[prefs.width]),
    },
  };
}
