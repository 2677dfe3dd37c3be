/**
 * The small toolbar over a fresh selection: one button per colour, "Add note", "Copy", and where
 * the browser allows it from here, "Open side panel" (the reader's notes listed beside the page).
 * Buttons keep the selection (no focus steal on mouse down), so a mouse user picks a colour in
 * one click; a keyboard user reaches the bar with Alt+Shift+A or highlights at once with
 * Alt+Shift+H (the last colour).
 */
import { useEffect, useRef } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../lib/model';
import { t } from '../../lib/shared/i18n';
import { colorName } from './color-names';

/** Props of {@link SelectionToolbar}. */
export interface SelectionToolbarProps {
  position: { top: number; left: number };
  lastColor: HighlightColor;
  /** Move keyboard focus into the bar (after Alt+Shift+A). */
  focus: boolean;
  onHighlight: (color: HighlightColor) => void;
  onNote: () => void;
  onCopy: () => void;
  /** Opens the browser's side panel; no button when absent. */
  onOpenPanel?: (() => void) | undefined;
}

const keepSelection = (event: MouseEvent) => event.preventDefault();

/** The toolbar. */
export function SelectionToolbar(props: SelectionToolbarProps) {
  const { position, lastColor, focus, onHighlight, onNote, onCopy, onOpenPanel } = props;
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus) first.current?.focus();
  }, [focus]);
  return (
    <div
      class="g-float g-selection-toolbar"
      role="toolbar"
      aria-label={t('hlToolbarLabel')}
      style={{ top: `${position.top}px`, left: `${position.left}px` }}
      data-glossa-ui=""
    >
      {HIGHLIGHT_COLORS.map((color, i) => (
        <button
          key={color}
          ref={i === 0 ? first : undefined}
          type="button"
          class="g-swatch"
          data-color={color}
          aria-label={t('hlHighlightIn', colorName(color))}
          title={t('hlHighlightIn', colorName(color))}
          aria-current={color === lastColor ? 'true' : undefined}
          onMouseDown={keepSelection}
          onClick={() => onHighlight(color)}
        />
      ))}
      <button type="button" onMouseDown={keepSelection} onClick={onNote}>
        {t('hlAddNote')}
      </button>
      <button type="button" onMouseDown={keepSelection} onClick={onCopy}>
        {t('hlCopy')}
      </button>
      {onOpenPanel && (
        <button type="button" onMouseDown={keepSelection} onClick={onOpenPanel}>
          {t('sidePanelOpen')}
        </button>
      )}
    </div>
  );
}
