/**
 * Reading settings: theme and font size. Buttons with pressed state rather than a select, so
 * each choice is one keystroke and has its own accessible name.
 */

import type { ComponentChildren } from 'preact';
import { type MessageKey, t } from '../../lib/shared/i18n';
import { FONT_SIZE, type ReaderPrefs, THEMES, type Theme } from '../../lib/shared/settings/reader-prefs';

const THEME_LABEL: Record<Theme, MessageKey> = { light: 'themeLight', dark: 'themeDark', sepia: 'themeSepia' };

/** Props of {@link ReaderToolbar}. */
export interface ReaderToolbarProps {
  prefs: ReaderPrefs;
  onChange: (prefs: ReaderPrefs) => void;
  /** More controls at the end of the bar (the reader's Export menu). */
  children?: ComponentChildren;
}

/** The reader's settings bar. */
export function ReaderToolbar({ prefs, onChange, children }: ReaderToolbarProps) {
  return (
    <section class="g-toolbar" aria-label={t('readerSettings')}>
      <fieldset>
        <legend>{t('readerTheme')}</legend>
        {THEMES.map((theme) => (
          <button
            key={theme}
            type="button"
            aria-pressed={prefs.theme === theme}
            onClick={() => onChange({ ...prefs, theme })}
          >
            {t(THEME_LABEL[theme])}
          </button>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('readerFontSize')}</legend>
        <button
          type="button"
          aria-label={t('readerFontSmaller')}
          disabled={prefs.fontSize <= FONT_SIZE.min}
          onClick={() => onChange({ ...prefs, fontSize: prefs.fontSize - FONT_SIZE.step })}
        >
          A−
        </button>
        <output aria-live="polite">{t('readerFontSizeValue', prefs.fontSize)}</output>
        <button
          type="button"
          aria-label={t('readerFontLarger')}
          disabled={prefs.fontSize >= FONT_SIZE.max}
          onClick={() => onChange({ ...prefs, fontSize: prefs.fontSize + FONT_SIZE.step })}
        >
          A+
        </button>
      </fieldset>
      {children}
    </section>
  );
}
