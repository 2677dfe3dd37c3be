/**
 * Highlighting and notes over an article body, wherever it is shown: the reader page (stored
 * copy), the reading view and the live page. It watches the selection (toolbar), clicks on
 * highlights (editor), the keyboard (Alt+Shift+H: highlight in the last colour; Alt+Shift+A:
 * focus the toolbar; Escape: close), and renders the side panel and the undo bar. The body
 * element (`root`) is the page's or the reader's; only this component's own UI is rendered here.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Highlight, HighlightColor } from '../../lib/model';
import { changed, newHighlight, quoteOf } from '../../lib/model';
import { buildTextIndex, describeParagraph, describeRange } from '../../lib/shared/anchoring';
import { caretAt, selectionIn, toolbarPosition } from '../../lib/shared/highlighting/selection';
import type { AnnotationStore } from '../../lib/shared/highlighting/store';
import { t } from '../../lib/shared/i18n';
import { useMounted } from '../shared/use-mounted';
import { AnnotationPanel } from './AnnotationPanel';
import { isEditable, rangeOf } from './annotator-dom';
import { HighlightEditor } from './HighlightEditor';
import { SelectionToolbar } from './SelectionToolbar';
import { useAnnotations } from './use-annotations';
import { useParagraphControls } from './use-paragraph-controls';

/** Props of {@link Annotator}. */
export interface AnnotatorProps {
  /** The article body: highlights are made and drawn inside it. */
  root: HTMLElement;
  store: AnnotationStore;
  /** Article id new highlights get (a live page's store may replace it when it saves). */
  articleId: string;
  /** Where highlight styles go: the document, or the shadow root the body lives in. */
  styleTarget: Document | ShadowRoot;
  /** Paragraph notes (stored copies). */
  paragraphNotes?: boolean;
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
}

interface EditorState {
  /** A stored highlight's id, or an unsaved paragraph note. */
  target: string | Highlight;
  editing: boolean;
  /** What to place the dialog next to. */
  anchor: Range | Element;
  /** Where focus goes back to on close. */
  returnTo: HTMLElement | null;
}

const UNDO_MS = 10_000;

const acceptAll = () => true;

/** The annotation layer. */
export function Annotator(props: AnnotatorProps) {
  const { root, store, articleId, styleTarget, lastColor, onLastColor } = props;
  const accept = props.acceptEvent ?? acceptAll;
  const doc = root.ownerDocument;
  const win = doc.defaultView as Window;
  const { highlights, placement, painter, save, error } = useAnnotations(root, store, styleTarget, {
    contentVersion: props.contentVersion,
  });
  const [selection, setSelection] = useState<Range | null>(null);
  const [toolbarFocus, setToolbarFocus] = useState(false);
  const [editor, setEditor] = useState<EditorState | null>(null);
  const [undo, setUndo] = useState<{ highlight: Highlight; message: string } | null>(null);
  const [status, setStatus] = useState('');
  const [, setFrame] = useState(0);
  const alive = useMounted();

  const find = (id: string) => highlights.find((h) => h.id === id);
  const openEditor = useCallback(
    (target: EditorState['target'], anchor: Range | Element, editing: boolean) => {
      const active = doc.activeElement as HTMLElement | null;
      setEditor({ target, anchor, editing, returnTo: active });
      painter?.setActive(typeof target === 'string' ? target : null);
    },
    [doc, painter],
  );
  const closeEditor = useCallback(() => {
    painter?.setActive(null);
    setEditor((current) => {
      current?.returnTo?.focus?.();
      return null;
    });
  }, [painter]);

  const paragraphs = useParagraphControls(
    root,
    placement,
    props.paragraphNotes ?? false,
    useCallback(
      (paragraph: Element, control: HTMLElement) => {
        const existing = placement?.placed.find((p) => p.paragraph === paragraph);
        if (existing) return openEditor(existing.highlight.id, paragraph, false);
        const selectors = describeParagraph(buildTextIndex(root), paragraph);
        const draft = newHighlight(articleId, selectors, lastColor, { kind: 'paragraph-note' });
        setEditor({ target: draft, anchor: paragraph, editing: true, returnTo: control });
      },
      [placement, root, articleId, lastColor, openEditor],
    ),
    props.contentVersion,
  );

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

  // Selection, clicks on highlights, keyboard, and keeping floating UI next to its text.
  useEffect(() => {
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = (fn: () => void) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(fn);
    };
    // A timer, not a frame: a tab in the background gets no frames, but keyboard selection and
    // Alt+Shift+A must still work the moment it is shown.
    const onSelection = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const range = selectionIn(root);
        setSelection(range);
        if (!range) setToolbarFocus(false);
      }, 30);
    };
    const onClick = (event: MouseEvent) => {
      if (!accept(event)) return;
      if (selectionIn(root) || (event.target as Element | null)?.closest?.('a, button, [data-glossa-ui]')) return;
      const at = caretAt(doc, event.clientX, event.clientY);
      const ids = at ? (painter?.idsAt(at.node, at.offset) ?? []) : [];
      const id = ids[ids.length - 1];
      const range = id ? painter?.rangeOf(id) : null;
      if (id && range) openEditor(id, range, false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!accept(event)) return;
      // Only with text selected in the article, and never while typing: Option+Shift+H types
      // "Ó" on a Mac, and the page may have shortcuts of its own.
      const shortcut = event.altKey && event.shiftKey && (event.code === 'KeyH' || event.code === 'KeyA');
      if (shortcut && !isEditable(event.target) && selectionIn(root)) {
        event.preventDefault();
        if (event.code === 'KeyH') void highlightSelection(lastColor);
        else setToolbarFocus(true);
      } else if (event.key === 'Escape') {
        setSelection(null);
        setToolbarFocus(false);
        closeEditor();
      }
    };
    const onMove = () => later(() => setFrame((n) => n + 1));
    // Mounted after a selection was made (a live page loads this layer on the first one).
    onSelection();
    doc.addEventListener('selectionchange', onSelection);
    root.addEventListener('click', onClick);
    // Keys are heard where they bubble to: inside a reading view they reach its shadow root
    // (its host stops them there); with focus on the page they reach the document.
    const keys = [...new Set([root.getRootNode() as Document | ShadowRoot, doc])];
    for (const target of keys) target.addEventListener('keydown', onKey as EventListener);
    win.addEventListener('scroll', onMove, { passive: true, capture: true });
    win.addEventListener('resize', onMove);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      doc.removeEventListener('selectionchange', onSelection);
      root.removeEventListener('click', onClick);
      for (const target of keys) target.removeEventListener('keydown', onKey as EventListener);
      win.removeEventListener('scroll', onMove, { capture: true });
      win.removeEventListener('resize', onMove);
    };
  }, [root, doc, win, painter, lastColor, highlightSelection, openEditor, closeEditor, accept]);

  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);

  const remove = async (h: Highlight) => {
    closeEditor();
    if ((await save(changed(h, { deleted: true }))) && alive.current) {
      setUndo({ highlight: h, message: h.kind === 'paragraph-note' ? t('hlNoteDeleted') : t('hlDeleted') });
    }
  };
  const copy = async () => {
    const text = selectionIn(root)?.toString() ?? '';
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      doc.execCommand('copy');
    }
    setStatus(t('hlCopied'));
  };
  const goTo = (id: string) => {
    const placed = placement?.placed.find((p) => p.highlight.id === id);
    if (!placed) return;
    const target = placed.paragraph ?? placed.range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center' });
    openEditor(id, placed.paragraph ?? placed.range, false);
  };
  const reattach = (id: string) => {
    const h = find(id);
    const range = selectionIn(root);
    const selectors = range && describeRange(buildTextIndex(root), range);
    if (h && selectors) void save(changed(h, { selectors }));
  };

  const edited = editor ? (typeof editor.target === 'string' ? find(editor.target) : editor.target) : undefined;
  const paragraphNumber = (el: Element | null) => (el ? paragraphs.indexOf(el) + 1 : 0);
  return (
    <div class="g-annotator" data-glossa-ui="">
      {selection && !editor && (
        <SelectionToolbar
          position={toolbarPosition(selection, win)}
          lastColor={lastColor}
          focus={toolbarFocus}
          onHighlight={(color) => void highlightSelection(color)}
          onNote={() => void highlightSelection(lastColor, true)}
          onCopy={() => void copy()}
        />
      )}
      {editor && edited && (
        <HighlightEditor
          key={edited.id}
          highlight={edited}
          label={
            edited.kind === 'paragraph-note'
              ? t('paraNoteLabel', paragraphNumber(editor.anchor as Element))
              : t('hlEditorLabel', quoteOf(edited).slice(0, 60))
          }
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
      <div class="g-live" role="status" aria-live="polite">
        {undo ? (
          <span class="g-undo">
            {undo.message}{' '}
            <button
              type="button"
              onClick={() => {
                void save(changed(undo.highlight, { deleted: false }));
                setUndo(null);
              }}
            >
              {t('hlUndo')}
            </button>
          </span>
        ) : (
          status
        )}
        {error && <span class="g-error">{t('hlSaveFailed', error)}</span>}
      </div>
    </div>
  );
}
