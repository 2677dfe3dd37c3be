/**
 * Paragraph notes in the annotation layer: which paragraphs have a margin control (in the body
 * of a stored copy, or — `'margin'`, live pages — in our own layer beside the page's
 * paragraphs), and what pressing one does: open the paragraph's note, or start a new one. On a
 * stored copy the new note is a draft in the editor; on a live page the draft goes to our note
 * frame, which stores it only if the reader writes one (a page never creates a note).
 */
import { useCallback, useMemo } from 'preact/hooks';
import type { HighlightColor } from '../../lib/model';
import { newHighlight } from '../../lib/model';
import { buildTextIndex, describeParagraph } from '../../lib/shared/anchoring';
import { marginParagraphs } from '../../lib/shared/highlighting/margin-paragraphs';
import type { Placement } from '../../lib/shared/highlighting/placement';
import type { EditorFrameHost, EditorState } from './editor-state';
import { useParagraphControls } from './use-paragraph-controls';

/** Where paragraph notes are offered: nowhere, in the body (stored copies), in our margin layer. */
export type ParagraphNotesMode = boolean | 'margin';

/** What {@link useParagraphNotes} needs from the layer. */
export interface ParagraphNotesOptions {
  root: HTMLElement;
  placement: Placement | null;
  mode: ParagraphNotesMode;
  contentVersion?: number;
  articleId: string;
  lastColor: HighlightColor;
  framed?: EditorFrameHost;
  openEditor: (target: string, anchor: Element, editing: boolean) => void;
  setEditor: (update: (now: EditorState | null) => EditorState | null) => void;
  onError: (message: string) => void;
}

/** The paragraphs with a control, the number each is called by, and what a control does. */
export function useParagraphNotes(options: ParagraphNotesOptions): {
  paragraphs: Element[];
  numbers: number[];
  open: (paragraph: Element, control: HTMLElement) => void;
} {
  const { root, placement, mode, contentVersion, articleId, lastColor, framed, openEditor, setEditor, onError } =
    options;
  const open = useCallback(
    (paragraph: Element, control: HTMLElement) => {
      const existing = placement?.placed.find((p) => p.paragraph === paragraph);
      if (existing) return openEditor(existing.highlight.id, paragraph, false);
      const selectors = describeParagraph(buildTextIndex(root), paragraph);
      const draft = newHighlight(articleId, selectors, lastColor, { kind: 'paragraph-note' });
      setEditor(() => ({ target: draft, anchor: paragraph, editing: true, returnTo: control }));
      if (!framed) return;
      framed.openParagraph(selectors, lastColor).then(
        (frame) => setEditor((now) => (now?.target === draft ? { ...now, frame } : now)),
        (e: unknown) => {
          setEditor((now) => (now?.target === draft ? null : now));
          onError(e instanceof Error ? e.message : String(e));
        },
      );
    },
    [placement, root, articleId, lastColor, framed, openEditor, setEditor, onError],
  );
  const inBody = useParagraphControls(root, placement, mode === true, open, contentVersion);
  const inMargin = useMemo(
    () => (mode === 'margin' ? marginParagraphs(root) : { paragraphs: [], numbers: [] }),
    [root, mode, contentVersion],
  );
  return mode === 'margin' ? { ...inMargin, open } : { paragraphs: inBody, numbers: inBody.map((_, i) => i + 1), open };
}
