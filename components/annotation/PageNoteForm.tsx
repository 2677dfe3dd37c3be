/**
 * The form a page note is written in, wherever one is written: the stored copy's panel
 * (PageNotes) and the browser's side panel (side-panel/NewPageNote). One form, so both take the
 * same keys (Escape cancels, Ctrl/⌘+Enter saves) and say the same things; it carries the class
 * names of both stylesheets (`g-` inside the reader's annotator, plain in the side panel).
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/shared/i18n';

/** Props of {@link PageNoteForm}. */
export interface PageNoteFormProps {
  /** The note as it is now ('' for a new one). */
  initial: string;
  /** Called with the note as typed, trimmed ('' when emptied). */
  onSave: (note: string) => void;
  onCancel: () => void;
}

/** The text box (focused when shown), its help, Save and Cancel. */
export function PageNoteForm({ initial, onSave, onCancel }: PageNoteFormProps) {
  const [draft, setDraft] = useState(initial);
  const box = useRef<HTMLTextAreaElement>(null);
  const helpId = useId();
  useEffect(() => box.current?.focus(), []);
  const save = () => onSave(draft.trim());
  return (
    <div class="g-page-note-edit note-edit">
      <textarea
        ref={box}
        rows={4}
        aria-label={t('pageNoteTitle')}
        aria-describedby={helpId}
        value={draft}
        onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
          else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
        }}
      />
      <p id={helpId} class="g-help help">
        {t('hlNoteHelp')}
      </p>
      <div class="g-row row">
        <button type="button" onClick={save}>
          {t('pageNoteSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('hlCancel')}
        </button>
      </div>
    </div>
  );
}
