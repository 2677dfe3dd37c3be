/**
 * The annotation layer's live region: what just happened ("Copied"), the undo offer after a
 * delete, and a failed save in words. Polite, so a screen reader hears it without losing its
 * place.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/shared/i18n';

/** How long a delete can be undone. */
const UNDO_MS = 10_000;

/** An undoable change: what to restore, and the message that offers it. */
export interface UndoOffer<T> {
  item: T;
  message: string;
}

/** The current undo offer, withdrawn by itself after {@link UNDO_MS}. */
export function useUndo<T>(): [UndoOffer<T> | null, (offer: UndoOffer<T> | null) => void] {
  const [undo, setUndo] = useState<UndoOffer<T> | null>(null);
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);
  return [undo, setUndo];
}

/** Props of {@link StatusLine}. */
export interface StatusLineProps {
  status: string;
  /** The message of an undoable delete, or null. */
  undo: string | null;
  onUndo: () => void;
  /** Why the last save failed, or null. */
  error: string | null;
}

/** The status line. */
export function StatusLine({ status, undo, onUndo, error }: StatusLineProps) {
  return (
    <div class="g-live" role="status" aria-live="polite">
      {undo ? (
        <span class="g-undo">
          {undo}{' '}
          <button type="button" onClick={onUndo}>
            {t('hlUndo')}
          </button>
        </span>
      ) : (
        status
      )}
      {error && <span class="g-error">{t('hlSaveFailed', error)}</span>}
    </div>
  );
}
