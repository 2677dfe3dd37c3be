/**
 * The annotation layer's editor: what it is open on, and how a live page hosts it in a frame of
 * ours (components/annotation/EditorFrame.tsx) so that notes never enter the page.
 */
import { type Highlight, type HighlightColor, quoteOf, type Selector } from '../../lib/model';
import { t } from '../../lib/shared/i18n';

/** How a live page opens the framed editor and hears it close. */
export interface EditorFrameHost {
  /** The frame's address for highlight `id` (opening straight into note editing when `editing`). */
  open(id: string, editing: boolean): Promise<string>;
  /** The frame's address for a new paragraph note on `selectors` (stored by the frame, if written). */
  openParagraph(selectors: Selector[], color: HighlightColor): Promise<string>;
  /** Calls `listener` when the frame asks to close (`deletedId`: it deleted that highlight). */
  onClose(listener: (deletedId: string | null) => void): () => void;
}

/** Where the editor is open: on what, next to what, and where focus returns. */
export interface EditorState {
  /** A stored highlight's id, or an unsaved paragraph note. */
  target: string | Highlight;
  editing: boolean;
  /** What to place the dialog next to. */
  anchor: Range | Element;
  /** Where focus goes back to on close. */
  returnTo: HTMLElement | null;
  /** The framed editor's address (live pages), once known. */
  frame?: string;
}

/** The editor's accessible name: "Note on paragraph 3", or the highlight's quote. */
export function editorLabel(edited: Highlight, paragraphNumber: number): string {
  return edited.kind === 'paragraph-note' && paragraphNumber > 0
    ? t('paraNoteLabel', paragraphNumber)
    : t('hlEditorLabel', quoteOf(edited).slice(0, 60));
}
