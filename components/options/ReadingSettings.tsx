/**
 * Reading settings: theme, font, font size, line spacing, text width and the default highlight
 * colour, with a live preview in the reader's own styles. Every change is saved at once (no
 * Save button to forget) and open reader pages follow it through the storage watch.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../lib/model';
import { errorText } from '../../lib/shared/error-text';
import { type MessageKey, t } from '../../lib/shared/i18n';
import { lastHighlightColor, loadLastColor } from '../../lib/shared/settings/highlight-prefs';
import {
  FONT_SIZE,
  FONTS,
  type Font,
  LINE_SPACINGS,
  type LineSpacing,
  loadReaderPrefs,
  type ReaderPrefs,
  readerAttributes,
  repairReaderPrefs,
  saveReaderPrefs,
  THEMES,
  type Theme,
  WIDTHS,
  type Width,
  watchReaderPrefs,
} from '../../lib/shared/settings/reader-prefs';
import { colorName } from '../annotation/color-names';

const THEME_LABEL: Record<Theme, MessageKey> = { light: 'themeLight', dark: 'themeDark', sepia: 'themeSepia' };
const FONT_LABEL: Record<Font, MessageKey> = { classic: 'fontClassic', sans: 'fontSans', serif: 'fontSerif' };
const LINE_LABEL: Record<LineSpacing, MessageKey> = {
  compact: 'lineCompact',
  normal: 'lineNormal',
  relaxed: 'lineRelaxed',
  loose: 'lineLoose',
};
const WIDTH_LABEL: Record<Width, MessageKey> = { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' };

/**
 * Sample text for the preview, in both scripts whatever the UI language: the settings shape
 * Latin and Chinese text differently, so the reader should see both. Content, not UI strings.
 */
const SAMPLE = [
  {
    lang: 'zh-CN',
    text: '华盛顿与基辅就莫斯科危机进行磋商。分析人士认为，停火线附近的局势仍然紧张，各方呼吁通过对话解决分歧。',
  },
  {
    lang: 'en',
    text: 'Officials said talks would resume next week, while analysts warned that the situation near the line of contact remained tense.',
  },
];

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/** A labelled select over a fixed set of values. */
function Select<T extends string>(props: {
  label: string;
  value: T;
  values: readonly T[];
  labels: Record<T, MessageKey>;
  onChange: (value: T) => void;
}) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
        {props.values.map((v) => (
          <option key={v} value={v}>
            {t(props.labels[v])}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A radio group in a fieldset. */
function Radios<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  values: readonly T[];
  label: (value: T) => ComponentChildren;
  onChange: (value: T) => void;
  describedBy?: string;
}) {
  return (
    <fieldset class="radios" aria-describedby={props.describedBy}>
      <legend>{props.legend}</legend>
      {props.values.map((v) => (
        <label key={v}>
          <input
            type="radio"
            name={props.name}
            value={v}
            checked={props.value === v}
            onChange={() => props.onChange(v)}
          />
          {props.label(v)}
        </label>
      ))}
    </fieldset>
  );
}

/** The reading section of the options page. */
export function ReadingSettings() {
  const [prefs, setPrefs] = useState<ReaderPrefs | null>(null);
  const [color, setColor] = useState<HighlightColor | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    void loadReaderPrefs().then(setPrefs);
    void loadLastColor().then(setColor);
    const stopPrefs = watchReaderPrefs(setPrefs);
    const stopColor = lastHighlightColor.watch((c) => c && HIGHLIGHT_COLORS.includes(c) && setColor(c));
    return () => {
      stopPrefs();
      stopColor();
    };
  }, []);

  const saved = (write: Promise<unknown>) =>
    write.then(
      () => setStatus({ kind: 'saved' }),
      (e: unknown) => setStatus({ kind: 'failed', message: errorText(e) }),
    );
  const update = (patch: Partial<ReaderPrefs>) => {
    if (!prefs) return;
    const next = repairReaderPrefs({ ...prefs, ...patch });
    setPrefs(next);
    void saved(saveReaderPrefs(next));
  };
  const chooseColor = (c: HighlightColor) => {
    setColor(c);
    void saved(lastHighlightColor.setValue(c));
  };

  if (!prefs || !color) return <p role="status">{t('optionsLoading')}</p>;
  return (
    <div class="reading">
      <div class="controls">
        <Radios
          legend={t('readerTheme')}
          name="theme"
          value={prefs.theme}
          values={THEMES}
          label={(v) => t(THEME_LABEL[v])}
          onChange={(theme) => update({ theme })}
        />
        <Select
          label={t('optionsFont')}
          value={prefs.font}
          values={FONTS}
          labels={FONT_LABEL}
          onChange={(font) => update({ font })}
        />
        <div class="field">
          <label for="font-size">{t('readerFontSize')}</label>
          <input
            id="font-size"
            type="range"
            min={FONT_SIZE.min}
            max={FONT_SIZE.max}
            step={FONT_SIZE.step}
            value={prefs.fontSize}
            aria-valuetext={t('readerFontSizeValue', prefs.fontSize)}
            onInput={(e) => update({ fontSize: Number(e.currentTarget.value) })}
          />
          <output for="font-size">{t('readerFontSizeValue', prefs.fontSize)}</output>
        </div>
        <Select
          label={t('optionsLineSpacing')}
          value={prefs.lineSpacing}
          values={LINE_SPACINGS}
          labels={LINE_LABEL}
          onChange={(lineSpacing) => update({ lineSpacing })}
        />
        <Select
          label={t('optionsWidth')}
          value={prefs.width}
          values={WIDTHS}
          labels={WIDTH_LABEL}
          onChange={(width) => update({ width })}
        />
        <Radios
          legend={t('optionsHighlightColor')}
          name="highlight-color"
          value={color}
          values={HIGHLIGHT_COLORS}
          describedBy="highlight-color-help"
          label={(c) => (
            <>
              <span class={`swatch swatch-${c}`} aria-hidden="true" />
              {colorName(c)}
            </>
          )}
          onChange={chooseColor}
        />
        <p class="help" id="highlight-color-help">
          {t('optionsHighlightColorHelp')}
        </p>
        <p class="status" role="status">
          {status.kind === 'saved' && t('optionsSaved')}
          {status.kind === 'failed' && t('optionsSaveFailed', status.message)}
        </p>
      </div>
      <figure class="preview">
        <figcaption>{t('optionsPreview')}</figcaption>
        <div class="glossa-reader" {...readerAttributes(prefs)}>
          <article>
            {SAMPLE.map((s) => (
              <p key={s.lang} lang={s.lang}>
                {s.text}
              </p>
            ))}
          </article>
        </div>
      </figure>
    </div>
  );
}
