/**
 * The highlight editor of a live page, shown as a frame of ours (`/note-frame.html#<token>`)
 * instead of in the page: notes are the reader's private words, and a web page can read
 * anything rendered or typed in its own document — even in a closed shadow root (key events are
 * composed; selection and highlight registries are shared). It cannot reach into a frame of
 * another origin. The page can still navigate a frame it contains: our first load is ours, any
 * later one means the page replaced it, so the editor closes rather than show what it put there.
 */
import { useRef } from 'preact/hooks';

/** The frame's size: the editor dialog, with room for a note being written. */
export const EDITOR_FRAME_SIZE = { width: 340, height: 320 } as const;

/** Props of {@link EditorFrame}. */
export interface EditorFrameProps {
  src: string;
  /** The accessible name: what the editor is about. */
  label: string;
  position: { top: number; left: number };
  /** The frame was navigated by someone else: close it. */
  onReplaced: () => void;
}

/** The framed editor, focused once it loads. */
export function EditorFrame({ src, label, position, onReplaced }: EditorFrameProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const loads = useRef(0);
  const top = Math.max(8, Math.min(position.top, window.innerHeight - EDITOR_FRAME_SIZE.height - 8));
  return (
    <iframe
      ref={frame}
      class="g-editor-frame"
      src={src}
      title={label}
      style={{ top: `${top}px`, left: `${position.left}px` }}
      data-glossa-ui=""
      onLoad={() => {
        loads.current++;
        if (loads.current > 1) onReplaced();
        else frame.current?.focus();
      }}
    />
  );
}
