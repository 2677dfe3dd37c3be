/**
 * The notice after deleting an article, with Undo. It stays until the reader dismisses it or
 * deletes something else: no timer races a screen reader or a slow hand.
 */
import { t } from '../../lib/shared/i18n';

/** Props of {@link UndoBar}. */
export interface UndoBarProps {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
}

/** The notice with Undo and Dismiss; the caller places it in a live region that is always there. */
export function UndoBar({ message, onUndo, onDismiss }: UndoBarProps) {
  return (
    <div class="undo">
      <span>{message}</span>
      <button type="button" onClick={onUndo}>
        {t('popupUndo')}
      </button>
      <button type="button" aria-label={t('popupDismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
