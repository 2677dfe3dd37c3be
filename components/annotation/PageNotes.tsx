/**
 * The page note area, first in the stored copy's panel: a note on the whole article. The reader
 * keeps one per article (editing reuses it); two made offline on two devices both reach here
 * through sync and both are shown, so neither is lost. It is an extension page's UI only: the
 * live page never shows or receives a page note.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Highlight } from '../../lib/model';
import { t } from '../../lib/shared/i18n';
import { NoteText } from './NoteText';

/** Props of {@link PageNotes}. */
export interface PageNotesProps {
  /** The article's live page notes, oldest first. */
  notes: readonly Highlight[];
  /** Writes `note` to `existing`, or to a new page note when null; an empty note deletes. */
  onSave: (existing: Highlight | null, note: string) => void;
  onDelete: (note: Highlight) => void;
}

/** Which note is being edited: a stored one's id, `new`, or none. */
type Editing = string | 'new' | null;

/** The area. */
export function PageNotes({ notes, onSave, onDelete }: PageNotesProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const [draft, setDraft] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (editing) box.current?.focus();
  }, [editing]);

  const open = (which: Editing, text: string) => {
    setDraft(text);
    setEditing(which);
  };
  const form = (existing: Highlight | null) => (
    <div class="g-page-note-edit">
      <textarea
        ref={box}
        rows={4}
        aria-label={t('pageNoteTitle')}
        aria-describedby="g-page-note-help"
        value={draft}
        onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setEditing(null);
        }}
      />
      <p id="g-page-note-help" class="g-help">
        {t('hlNoteHelp')}
      </p>
      <div class="g-row">
        <button
          type="button"
          onClick={() => {
            onSave(existing, draft.trim());
            setEditing(null);
          }}
        >
          {t('pageNoteSave')}
        </button>
        <button type="button" onClick={() => setEditing(null)}>
          {t('hlCancel')}
        </button>
      </div>
    </div>
  );

  return (
    <section class="g-page-note" aria-labelledby="g-page-note-title">
      <h2 id="g-page-note-title">{t('pageNoteTitle')}</h2>
      {notes.map((h) =>
        editing === h.id ? (
          <div key={h.id}>{form(h)}</div>
        ) : (
          <div key={h.id} class="g-page-note-item" data-kind="page-note">
            <NoteText note={h.note} />
            <div class="g-row">
              <button type="button" onClick={() => open(h.id, h.note)}>
                {t('pageNoteEdit')}
              </button>
              <button type="button" onClick={() => onDelete(h)}>
                {t('pageNoteDelete')}
              </button>
            </div>
          </div>
        ),
      )}
      {notes.length === 0 &&
        (editing === 'new' ? (
          form(null)
        ) : (
          <>
            <p class="g-help">{t('pageNoteHelp')}</p>
            <button type="button" onClick={() => open('new', '')}>
              {t('pageNoteAdd')}
            </button>
          </>
        ))}
    </section>
  );
}
