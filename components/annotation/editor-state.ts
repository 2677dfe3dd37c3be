/**
 * The annotation layer's editor: what it is open on, and how a live page hosts it in a frame of
 * ours (components/annotation/EditorFrame.tsx) so that notes never enter the page.
 */
import type { Highlight } from '../../lib/model';

/** How a live page opens the framed editor and hears it close. */
export interface EditorFrameHost {
  /** The frame's address for highlight `id` (opening straight into note editing when `editing`). */
  open(id: string, editing: boolean): Promise<string>;
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
