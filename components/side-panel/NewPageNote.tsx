/**
 * "Add a page note" in the side panel, for an article that has none: a note on the whole
 * article, typed here (an extension page) in the same form as the stored copy's panel, and
 * written to the library, so the stored copy's panel and every other panel show it at once.
 * With one, the panel's entry edits it instead.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/shared/i18n';
import { PageNoteForm } from '../annotation/PageNoteForm';

/** Props of {@link NewPageNote}. */
export interface NewPageNoteProps {
  /** Stores the (non-empty, trimmed) note. */
  onAdd: (note: string) => void;
}

/** The control, then its form. */
export function NewPageNote({ onAdd }: NewPageNoteProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    // Focus goes back to the button when the form closes (the form takes it when it opens).
    if (!open && wasOpen.current) button.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open) {
    return (
      <p class="new-page-note">
        <button type="button" ref={button} onClick={() => setOpen(true)}>
          {t('pageNoteAdd')}
        </button>
      </p>
    );
  }
  return (
    <div class="new-page-note">
      <PageNoteForm
        initial=""
        onSave={(note) => {
          if (note) onAdd(note);
          setOpen(false);
        }}
        onCancel={() => setOpen(false)}
      />
    </div>
  );
}
