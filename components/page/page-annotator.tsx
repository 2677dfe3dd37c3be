/**
 * Highlighting on the live page. The page's own body is the text; our toolbar lives in a closed
 * shadow root on a host after `<body>`, so page CSS cannot reach it and ours cannot reach the
 * page; only the reader's own (trusted) events act on it or on highlights. Notes never enter the
 * page: the page's store reads highlights without them, and the editor is a frame of ours
 * (lib/page/note-frame.ts); each paragraph's note control sits in our layer beside it
 * (components/annotation/MarginControls.tsx), not in the page. Highlights are painted with the
 * CSS Custom Highlight API: the page's DOM is not rewritten. Late-loading pages are re-placed a
 * few times as their text changes.
 */
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { HighlightColor } from '../../lib/model';
import { announcePageHighlightsChanged, onPageGoTo } from '../../lib/page/annotator-handle';
import { pageEditorFrame } from '../../lib/page/note-frame';
import { pageStore } from '../../lib/page/page-store';
import { pageToSave } from '../../lib/page/page-to-save';
import { ignoreUntrustedEvents, isReaderEvent } from '../../lib/page/trusted';
import { call } from '../../lib/shared/messaging';
import { lastHighlightColor, loadLastColor } from '../../lib/shared/settings/highlight-prefs';
import { Annotator } from '../annotation/Annotator';
import annotatorCss from '../annotation/annotator.css?inline';
import { GLOSSA_TAG_PREFIX } from './page-control';

/**
 * Asks the background to open Chrome's side panel (Firefox opens its sidebar only from its own
 * UI or a shortcut, never for a page's toolbar, so there the button is not shown).
 */
const openPanel = () => void call('background', 'panel/open', null);

/** Tag of the highlighting layer's host element. */
export const ANNOTATOR_TAG = `${GLOSSA_TAG_PREFIX}annotator`;

const HOST_CSS = ':host { all: initial !important; position: static !important; display: block !important; }';
/** Most times a changing page's annotations are placed again, and the quiet time before each. */
const MAX_REPLACEMENTS = 8;
const SETTLE_MS = 600;

function PageAnnotator({ doc, host }: { doc: Document; host: Element }) {
  const store = useMemo(() => pageStore(doc, () => pageToSave(doc)), [doc]);
  const editorFrame = useMemo(() => pageEditorFrame(() => (store.isSaved() ? null : pageToSave(doc))), [doc, store]);
  const [lastColor, setLastColor] = useState<HighlightColor>('yellow');
  const [contentVersion, setContentVersion] = useState(0);
  useEffect(() => {
    void loadLastColor().then(setLastColor, () => undefined);
  }, []);
  useEffect(() => {
    const win = doc.defaultView;
    if (!win) return;
    let count = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let url = doc.URL;
    const observer = new win.MutationObserver((records) => {
      if (records.every((r) => host.contains(r.target))) return;
      // A single-page app moved to another article: load that article's highlights.
      if (doc.URL !== url) {
        url = doc.URL;
        announcePageHighlightsChanged();
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        count++;
        setContentVersion((v) => v + 1);
        if (count >= MAX_REPLACEMENTS) observer.disconnect();
      }, SETTLE_MS);
    });
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [doc, host]);
  return (
    <Annotator
      root={doc.body}
      store={store}
      articleId=""
      styleTarget={doc}
      lastColor={lastColor}
      onLastColor={(color) => {
        setLastColor(color);
        void lastHighlightColor.setValue(color);
      }}
      contentVersion={contentVersion}
      panel="orphans"
      acceptEvent={isReaderEvent}
      editorFrame={editorFrame}
      paragraphNotes="margin"
      goToRequests={onPageGoTo}
      onOpenPanel={import.meta.env.FIREFOX ? undefined : openPanel}
    />
  );
}

/** Mounts the highlighting layer on `doc`; returns the function that removes it. */
export function mountPageAnnotator(doc: Document): () => void {
  const host = doc.createElement(ANNOTATOR_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  // The toolbar and editor act only on the reader's input, never on a page script's events.
  ignoreUntrustedEvents(shadow);
  const style = doc.createElement('style');
  style.textContent = annotatorCss + HOST_CSS;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  doc.documentElement.append(host);
  render(<PageAnnotator doc={doc} host={host} />, mount);
  return () => {
    render(null, mount);
    host.remove();
  };
}
