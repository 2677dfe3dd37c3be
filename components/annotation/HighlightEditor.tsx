/**
 * What clicking a highlight (or a paragraph's note control) opens: change the colour, read,
 * write or edit the note, delete. A non-modal dialog next to the text; Escape or Close
 * dismisses it and focus goes back where it was.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../lib/model';
import { t } from '../../lib/shared/i18n';
import { colorName } from './color-names';
import { NoteText } from './NoteText';

/** Props of {@link HighlightEditor}. */
export interface HighlightEditorProps {
  highlight: Highlight;
  /** What the dialog is about: the quote, or "Note on paragraph 3". */
  label: string;
  position: { top: number; left: number };
  /** Open straight into note editing ("Add note"). */
  editing: boolean;
  onColor: (color: HighlightColor) => void;
  onNote: (note: string) => void;
  onDelete: () => void;
  onClose: () => void;
}

/** The editor dialog. */
export function HighlightEditor(props: HighlightEditorProps) {
  const { highlight, label, position, onColor, onNote, onDelete, onClose } = props;
  const [editing, setEditing] = useState(props.editing);
  const [draft, setDraft] = useState(highlight.note);
  const dialog = useRef<HTMLDivElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (editing) textarea.current?.focus();
    else dialog.current?.querySelector<HTMLElement>('button')?.focus();
  }, [editing]);

  const isParagraph = highlight.kind === 'paragraph-note';
  const save = () => {
    onNote(draft.trim());
    setEditing(false);
  };
  // Closing never drops what was typed: an edited note is kept, as if saved.
  const close = () => {
    if (editing && draft.trim() !== highlight.note) onNote(draft.trim());
    onClose();
  };
  return (
    <div
      ref={dialog}
      class="g-float g-editor"
      role="dialog"
      aria-label={label}
      style={{ top: `${position.top}px`, left: `${position.left}px` }}
      data-glossa-ui=""
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && editing) {
          event.preventDefault();
          save();
        }
      }}
    >
      {!isParagraph && (
        <fieldset class="g-colors">
          <legend>{t('hlColorLegend')}</legend>
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              class="g-swatch"
              data-color={color}
              aria-label={colorName(color)}
              title={colorName(color)}
              aria-pressed={highlight.color === color}
              onClick={() => onColor(color)}
            />
          ))}
        </fieldset>
      )}
      {editing ? (
        <div class="g-note-edit">
          <textarea
            ref={textarea}
            aria-label={t('hlNote')}
            aria-describedby="g-note-help"
            rows={4}
            value={draft}
            onInput={(event) => setDraft((event.target as HTMLTextAreaElement).value)}
          />
          <p id="g-note-help" class="g-help">
            {t('hlNoteHelp')}
          </p>
          <div class="g-row">
            <button type="button" class="g-primary" onClick={save}>
              {t('hlSaveNote')}
            </button>
            <button
              type="button"
              onClick={() => {
                setDraft(highlight.note);
                if (isParagraph && !highlight.note) onClose();
                else setEditing(false);
              }}
            >
              {t('hlCancel')}
            </button>
          </div>
        </div>
      ) : (
        <div class="g-note-view">
          {highlight.note && <NoteText note={highlight.note} />}
          <button type="button" onClick={() => setEditing(true)}>
            {highlight.note ? t('hlEditNote') : t('hlAddNote')}
          </button>
        </div>
      )}
      <div class="g-row">
        <button type="button" class="g-danger" onClick={onDelete}>
          {isParagraph ? t('hlDeleteNote') : t('hlDelete')}
        </button>
        <button type="button" onClick={close}>
          {t('hlClose')}
        </button>
      </div>
    </div>
  );
}
