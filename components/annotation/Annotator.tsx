/**
 * Highlighting and notes over an article body, wherever it is shown: the reader page (stored
 * copy), the reading view and the live page. It watches the selection (toolbar), clicks on
 * highlights (editor), the keyboard (Alt+Shift+H: highlight in the last colour; Alt+Shift+A:
 * focus the toolbar; Escape: close), and renders the side panel and the undo bar. The body
 * element (`root`) is the page's or the reader's; only this component's own UI is rendered here.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Highlight, HighlightColor } from '../../lib/model';
import { changed, newHighlight, pageNotesOf } from '../../lib/model';
import { buildTextIndex, describeRange } from '../../lib/shared/anchoring';
import { selectionIn, toolbarPosition } from '../../lib/shared/highlighting/selection';
import type { AnnotationStore } from '../../lib/shared/highlighting/store';
import { t } from '../../lib/shared/i18n';
import { useMounted } from '../shared/use-mounted';
import { AnnotationPanel } from './AnnotationPanel';
import { copySelection, rangeOf } from './annotator-dom';
import { EDITOR_FRAME_SIZE, EditorFrame } from './EditorFrame';
import { type EditorFrameHost, type EditorState, editorLabel } from './editor-state';
import { HighlightEditor } from './HighlightEditor';
import { MarginControls } from './MarginControls';
import { SelectionToolbar } from './SelectionToolbar';
import { StatusLine, useUndo } from './StatusLine';
import { useAnnotations } from './use-annotations';
import { type GoToRequests, useGoTo } from './use-go-to';
import { type ParagraphNotesMode, useParagraphNotes } from './use-paragraph-notes';
import { useReaderInput } from './use-reader-input';

export type { EditorFrameHost } from './editor-state';

/** Props of {@link Annotator}. */
export interface AnnotatorProps {
  /** The article body: highlights are made and drawn inside it. */
  root: HTMLElement;
  store: AnnotationStore;
  /** Article id new highlights get (a live page's store may replace it when it saves). */
  articleId: string;
  /** Where highlight styles go: the document, or the shadow root the body lives in. */
  styleTarget: Document | ShadowRoot;
  /** Paragraph notes: controls in the body (stored copies) or in our own layer (`'margin'`, live pages). */
  paragraphNotes?: ParagraphNotesMode;
  /** Show the side panel, or (live pages) only the orphans (when some exist). */
  panel?: boolean | 'orphans';
  /** Colour of the first highlight, and the colour remembered after each choice. */
  lastColor: HighlightColor;
  onLastColor: (color: HighlightColor) => void;
  /** Bumped by the host when the body's text changed (a live page updating itself). */
  contentVersion?: number;
  /**
   * Which events on the body and document may act (shortcuts, clicks on highlights). On a live
   * page only the reader's own (trusted) events; in our extension pages, which no web page can
   * reach, every event.
   */
  acceptEvent?: (event: Event) => boolean;
  /** Edit highlights in a frame of ours (live pages: notes never enter the page). */
  editorFrame?: EditorFrameHost;
  /**
   * Where the side panel's "Go to" requests arrive: subscribe with a listener that scrolls to
   * the highlight and answers whether it is here (placed in this body).
   */
  goToRequests?: GoToRequests;
  /** The selection toolbar's "Open side panel" (where the browser allows it from this view). */
  onOpenPanel?: () => void;
}

const acceptAll = () => true;

/** The annotation layer. */
export function Annotator(props: AnnotatorProps) {
  const { root, store, articleId, styleTarget, lastColor, onLastColor } = props;
  const accept = props.acceptEvent ?? acceptAll;
  const doc = root.ownerDocument;
  const win = doc.defaultView as Window;
  const { highlights, placement, painter, save, settled, error } = useAnnotations(root, store, styleTarget, {
    contentVersion: props.contentVersion,
  });
  const [selection, setSelection] = useState<Range | null>(null);
  const [toolbarFocus, setToolbarFocus] = useState(false);
  const [editor, setEditor] = useState<EditorState | null>(null);
  const [undo, setUndo] = useUndo<Highlight>();
  const [status, setStatus] = useState('');
  const [, setFrame] = useState(0);
  const alive = useMounted();

  const find = (id: string) => highlights.find((h) => h.id === id);
  const framed = props.editorFrame;
  const openEditor = useCallback(
    (target: EditorState['target'], anchor: Range | Element, editing: boolean) => {
      const active = doc.activeElement as HTMLElement | null;
      setEditor({ target, anchor, editing, returnTo: active });
      painter?.setActive(typeof target === 'string' ? target : null);
      if (!framed || typeof target !== 'string') return;
      // The frame reads the stored record: a highlight drawn a moment ago may still be on its way.
      void settled(target)
        .then(() => framed.open(target, editing))
        .then(
          (frame) => setEditor((now) => (now?.target === target ? { ...now, frame } : now)),
          (e: unknown) => setStatus(t('hlSaveFailed', e instanceof Error ? e.message : String(e))),
        );
    },
    [doc, painter, framed, settled],
  );
  const closeEditor = useCallback(() => {
    painter?.setActive(null);
    setEditor((current) => {
      current?.returnTo?.focus?.();
      return null;
    });
  }, [painter]);

  const {
    paragraphs,
    numbers,
    open: openParagraph,
  } = useParagraphNotes({
    root,
    placement,
    mode: props.paragraphNotes ?? false,
    contentVersion: props.contentVersion,
    articleId,
    lastColor,
    framed,
    openEditor,
    setEditor,
    onError: useCallback((message: string) => setStatus(t('hlSaveFailed', message)), []),
  });

  const highlightSelection = useCallback(
    async (color: HighlightColor, withNote = false) => {
      const range = selectionIn(root);
      if (!range) return;
      const selectors = describeRange(buildTextIndex(root), range);
      if (!selectors) return;
      const h = newHighlight(articleId, selectors, color);
      onLastColor(color);
      doc.getSelection()?.removeAllRanges();
      setSelection(null);
      setToolbarFocus(false);
      const stored = await save(h);
      if (stored && withNote && alive.current) openEditor(stored.id, range, true);
    },
    [root, articleId, doc, save, onLastColor, openEditor],
  );

  useReaderInput({
    root,
    painter,
    accept,
    onSelection: (range) => {
      setSelection(range);
      if (!range) setToolbarFocus(false);
    },
    onShortcut: (which) => (which === 'highlight' ? void highlightSelection(lastColor) : setToolbarFocus(true)),
    onEscape: () => {
      setSelection(null);
      setToolbarFocus(false);
      closeEditor();
    },
    onHighlightClick: (id, range) => openEditor(id, range, false),
    onMove: () => setFrame((n) => n + 1),
  });

  // The framed editor closed itself; a highlight it deleted can be restored from here (the
  // background keeps its note: a page never writes one).
  const highlightsNow = useRef(highlights);
  highlightsNow.current = highlights;
  useEffect(
    () =>
      framed?.onClose((deletedId) => {
        const gone = deletedId ? highlightsNow.current.find((h) => h.id === deletedId) : undefined;
        closeEditor();
        if (gone) setUndo({ item: gone, message: t('hlDeleted') });
      }),
    [framed, closeEditor],
  );

  const remove = async (h: Highlight) => {
    closeEditor();
    if ((await save(changed(h, { deleted: true }))) && alive.current) {
      const message = {
        highlight: t('hlDeleted'),
        'paragraph-note': t('hlNoteDeleted'),
        'page-note': t('pageNoteDeleted'),
      };
      setUndo({ item: h, message: message[h.kind] });
    }
  };
  const copy = async () => {
    await copySelection(root);
    setStatus(t('hlCopied'));
  };
  const goTo = (id: string) => {
    const placed = placement?.placed.find((p) => p.highlight.id === id);
    if (!placed) return;
    const target = placed.paragraph ?? placed.range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center' });
    openEditor(id, placed.paragraph ?? placed.range, false);
  };
  useGoTo(props.goToRequests, placement, painter, typeof editor?.target === 'string' ? editor.target : null);

  const reattach = (id: string) => {
    const h = find(id);
    const range = selectionIn(root);
    const selectors = range && describeRange(buildTextIndex(root), range);
    if (h && selectors) void save(changed(h, { selectors }));
  };
  const savePageNote = (existing: Highlight | null, note: string) => {
    if (existing) void (note ? save(changed(existing, { note })) : remove(existing));
    else if (note) void save(newHighlight(articleId, [], lastColor, { kind: 'page-note', note }));
  };

  const edited = editor ? (typeof editor.target === 'string' ? find(editor.target) : editor.target) : undefined;
  const paragraphNumber = (el: Element | null) => (el ? (numbers[paragraphs.indexOf(el)] ?? 0) : 0);
  return (
    <div class="g-annotator" data-glossa-ui="">
      {props.paragraphNotes === 'margin' && (
        <MarginControls {...{ paragraphs, numbers, placement, accept }} onOpen={openParagraph} />
      )}
      {selection && !editor && (
        <SelectionToolbar
          position={toolbarPosition(selection, win)}
          lastColor={lastColor}
          focus={toolbarFocus}
          onHighlight={(color) => void highlightSelection(color)}
          onNote={() => void highlightSelection(lastColor, true)}
          onCopy={() => void copy()}
          onOpenPanel={props.onOpenPanel}
        />
      )}
      {editor && edited && editor.frame && (
        <EditorFrame
          key={editor.frame}
          src={editor.frame}
          label={editorLabel(edited, paragraphNumber(editor.anchor as Element))}
          position={toolbarPosition(rangeOf(editor.anchor), win, EDITOR_FRAME_SIZE.width)}
          onReplaced={closeEditor}
        />
      )}
      {editor && edited && !framed && (
        <HighlightEditor
          key={edited.id}
          highlight={edited}
          label={editorLabel(edited, paragraphNumber(editor.anchor as Element))}
          position={toolbarPosition(rangeOf(editor.anchor), win, 320)}
          editing={editor.editing}
          onColor={(color) => {
            onLastColor(color);
            void save(changed(edited, { color }));
          }}
          onNote={(note) => {
            if (typeof editor.target !== 'string' && !note) return closeEditor();
            void save(changed(edited, { note })).then((stored) => {
              // A new paragraph note becomes a stored one, if its dialog is still open.
              if (!stored || !alive.current) return;
              setEditor((now) =>
                now && typeof now.target !== 'string' ? { ...now, target: stored.id, editing: false } : now,
              );
            });
          }}
          onDelete={() => (typeof editor.target === 'string' ? void remove(edited) : closeEditor())}
          onClose={closeEditor}
        />
      )}
      {props.panel && placement && (
        <AnnotationPanel
          placed={placement.placed}
          orphans={placement.orphans}
          pageNotes={pageNotesOf(highlights)}
          onPageNote={savePageNote}
          paragraphNumber={(p) => paragraphNumber(p.paragraph)}
          canReattach={selection !== null}
          onGoTo={goTo}
          onEdit={(id) => {
            const placed = placement.placed.find((p) => p.highlight.id === id);
            if (placed) openEditor(id, placed.paragraph ?? placed.range, true);
          }}
          onDelete={(id) => {
            const h = find(id);
            if (h) void remove(h);
          }}
          onReattach={reattach}
          compact={props.panel === 'orphans'}
        />
      )}
      <StatusLine
        status={status}
        undo={undo?.message ?? null}
        onUndo={() => {
          if (undo) void save(changed(undo.item, { deleted: false }));
          setUndo(null);
        }}
        error={error}
      />
    </div>
  );
}
