/**
 * The live page's way to the note editor: the background registers which highlight the frame
 * edits (only one of this page's own article) and answers a one-time token; the frame is our
 * extension page `/note-frame.html#<token>`, so the note is read and typed where the page
 * cannot reach (see components/annotation/EditorFrame.tsx).
 */
import { browser } from 'wxt/browser';
import { call } from '../shared/messaging';
import { onNoteFrameClose } from './annotator-handle';

/** Opens the framed editor on highlight `id`: the frame's address. */
export async function noteFrameAddress(id: string, editing: boolean): Promise<string> {
  const answer = await call('background', 'note-frame/open', { highlightId: id, editing });
  if (!answer.ok) throw new Error(answer.error.message);
  return browser.runtime.getURL(`/note-frame.html#${answer.value.token}`);
}

/** The live page's editor-frame host, for the highlighting layer. */
export const pageEditorFrame = { open: noteFrameAddress, onClose: onNoteFrameClose };
