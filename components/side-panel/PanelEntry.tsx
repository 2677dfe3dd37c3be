/**
 * One highlight or note in the side panel: what it marks, its note (rendered from its light
 * Markdown, never as HTML), and its controls — colour, note, delete. The panel is an extension
 * page, so notes are shown and typed here; they never travel to the web page. Every control's
 * name says which entry it acts on, so a list of many reads well to a screen reader.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../lib/model';
import { t } from '../../lib/shared/i18n';
import { colorName } from '../annotation/color-names';
import { NoteText } from '../annotation/NoteText';

/** Props of {@link PanelEntry}. */
export interface PanelEntryProps {
  highlight: Highlight;
  /** What the entry is called: its quote, clipped, or "Note on paragraph 3". */
  title: string;
  /** Shown as a quote (orphans) rather than a heading-like line. */
  orphan?: boolean;
  onColor: (id: string, color: HighlightColor) => void;
  onNote: (id: string, note: string) => void;
  onDelete: (id: string) => void;
  /** Scrolls the followed tab to this entry (placed entries only: an orphan has no place). */
  onGoTo?: (id: string) => void;
}

/** The entry. */
export function PanelEntry({ highlight: h, title, orphan, onColor, onNote, onDelete, onGoTo }: PanelEntryProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(h.note);
  const box = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    // Focus follows the editor in and back out to the button that opened it.
    if (editing) box.current?.focus();
    else if (wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const isNote = h.kind !== 'highlight';
  // A page note has one of its kind per article: its controls say so, not "the note on Page note".
  const page = h.kind === 'page-note';
  const noteId = `note-help-${h.id}`;
  return (
    <li data-color={isNote ? undefined : h.color} data-kind={h.kind} data-id={h.id}>
      {orphan ? <blockquote class="title">{title}</blockquote> : <p class="title">{title}</p>}
      {!editing && h.note && <NoteText note={h.note} />}
      {editing && (
        <div class="note-edit">
          <textarea
            ref={box}
            rows={4}
            aria-label={page ? t('pageNoteTitle') : t('sidePanelNoteOf', title)}
            aria-describedby={noteId}
            value={draft}
            onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setEditing(false);
            }}
          />
          <p id={noteId} class="help">
            {t('hlNoteHelp')}
          </p>
          <div class="row">
            <button
              type="button"
              class="primary"
              onClick={() => {
                onNote(h.id, draft);
                setEditing(false);
              }}
            >
              {t('hlSaveNote')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('hlCancel')}
            </button>
          </div>
        </div>
      )}
      <div class="row">
        {onGoTo && !orphan && !page && (
          <button type="button" aria-label={t('sidePanelGoToOf', title)} onClick={() => onGoTo(h.id)}>
            {t('sidePanelGoTo')}
          </button>
        )}
        {!isNote && (
          <select
            aria-label={t('sidePanelColorOf', title)}
            value={h.color}
            onChange={(e) => {
              const value = (e.target as HTMLSelectElement).value;
              const color = HIGHLIGHT_COLORS.find((c) => c === value);
              if (color) onColor(h.id, color);
            }}
          >
            {HIGHLIGHT_COLORS.map((color) => (
              <option key={color} value={color}>
                {colorName(color)}
              </option>
            ))}
          </select>
        )}
        {!editing && (
          <button
            type="button"
            ref={editButton}
            aria-label={page ? t('pageNoteEdit') : t(h.note ? 'sidePanelEditNoteOf' : 'sidePanelAddNoteOf', title)}
            onClick={() => {
              setDraft(h.note);
              setEditing(true);
            }}
          >
            {h.note ? t('hlEditNote') : t('hlAddNote')}
          </button>
        )}
        <button
          type="button"
          aria-label={page ? t('pageNoteDelete') : t('sidePanelDeleteOf', title)}
          onClick={() => onDelete(h.id)}
        >
          {isNote ? t('hlDeleteNote') : t('hlDelete')}
        </button>
      </div>
    </li>
  );
}
