/**
 * "Add a page note" in the side panel, for an article that has none: a note on the whole
 * article, typed here (an extension page) and written to the library, so the stored copy's
 * panel and every other panel show it at once. With one, the panel's entry edits it instead.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/shared/i18n';

/** Props of {@link NewPageNote}. */
export interface NewPageNoteProps {
  /** Stores the (non-empty, trimmed) note. */
  onAdd: (note: string) => void;
}

/** The control, then its form. */
export function NewPageNote({ onAdd }: NewPageNoteProps) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    // Focus goes into the form, and back to the button when it closes.
    if (open) box.current?.focus();
    else if (wasOpen.current) button.current?.focus();
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
  const save = () => {
    if (draft.trim()) onAdd(draft.trim());
    setDraft('');
    setOpen(false);
  };
  return (
    <div class="note-edit new-page-note">
      <textarea
        ref={box}
        rows={4}
        aria-label={t('pageNoteTitle')}
        aria-describedby="new-page-note-help"
        value={draft}
        onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
        }}
      />
      <p id="new-page-note-help" class="help">
        {t('hlNoteHelp')}
      </p>
      <div class="row">
        <button type="button" onClick={save}>
          {t('pageNoteSave')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('hlCancel')}
        </button>
      </div>
    </div>
  );
}
