/**
 * The page note area, first in the stored copy's panel: a note on the whole article. The reader
 * keeps one per article (editing reuses it); two made offline on two devices both reach here
 * through sync and both are shown, so neither is lost. It is an extension page's UI only: the
 * live page never shows or receives a page note.
 */
import { useState } from 'preact/hooks';
import type { Highlight } from '../../lib/model';
import { t } from '../../lib/shared/i18n';
import { NoteText } from './NoteText';
import { PageNoteForm } from './PageNoteForm';

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
  const form = (existing: Highlight | null) => (
    <PageNoteForm
      initial={existing?.note ?? ''}
      onSave={(note) => {
        onSave(existing, note);
        setEditing(null);
      }}
      onCancel={() => setEditing(null)}
    />
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
              <button type="button" onClick={() => setEditing(h.id)}>
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
            <button type="button" onClick={() => setEditing('new')}>
              {t('pageNoteAdd')}
            </button>
          </>
        ))}
    </section>
  );
}
