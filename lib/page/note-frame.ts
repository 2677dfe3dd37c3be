/**
 * The live page's way to the note editor: the background registers which highlight the frame
 * edits (only one of this page's own article) and answers a one-time token; the frame is our
 * extension page `/note-frame.html#<token>`, so the note is read and typed where the page
 * cannot reach (see components/annotation/EditorFrame.tsx).
 */
import { browser } from 'wxt/browser';
import type { HighlightColor, Selector } from '../model';
import type { WebPageSave } from '../shared/article/web-page';
import { call } from '../shared/messaging';
import { onNoteFrameClose } from './annotator-handle';
import { currentGesture } from './gestures';

/** Opens the framed editor on highlight `id`: the frame's address. */
export async function noteFrameAddress(id: string, editing: boolean): Promise<string> {
  const answer = await call('background', 'note-frame/open', { highlightId: id, editing });
  if (!answer.ok) throw new Error(answer.error.message);
  return browser.runtime.getURL(`/note-frame.html#${answer.value.token}`);
}

/**
 * Opens the framed editor on a new paragraph note (`selectors` from `describeParagraph`): the
 * frame's address. `page` saves an unsaved page first, as a first highlight does.
 */
export async function paragraphFrameAddress(
  selectors: Selector[],
  color: HighlightColor,
  page: WebPageSave | null,
): Promise<string> {
  const answer = await call('background', 'note-frame/open-paragraph', {
    selectors,
    color,
    page,
    gesture: currentGesture(),
  });
  if (!answer.ok) throw new Error(answer.error.message);
  return browser.runtime.getURL(`/note-frame.html#${answer.value.token}`);
}

/**
 * The live page's editor-frame host, for the highlighting layer; `toSave` gives the page to save
 * with a first paragraph note (null once its article is saved).
 */
export function pageEditorFrame(toSave: () => WebPageSave | null) {
  return {
    open: noteFrameAddress,
    openParagraph: (selectors: Selector[], color: HighlightColor) => paragraphFrameAddress(selectors, color, toSave()),
    onClose: onNoteFrameClose,
  };
}
