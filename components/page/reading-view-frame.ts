/**
 * Puts the reading view over the live page and takes it away again without a trace. The view
 * itself is an extension page (`/reading-frame.html`) in an iframe: a web page cannot reach into
 * a frame of another origin — not its DOM, its selection, its highlight registry or its keys —
 * so nothing the reader sees or types there (notes included) is visible to the page. Only the
 * iframe's host lives in the page: an element after `<body>` holding a closed shadow root, with
 * untrusted events stopped at it. Plain DOM, no Preact: this runs in the page's isolated world.
 *
 * The page can still navigate a frame it contains. The view's first load is ours; any later
 * load means someone replaced it, so the view closes rather than show what the page put there.
 * Closing removes the host and restores scroll position and focus (page-freeze.ts): the page's
 * DOM is exactly as before.
 */
import { freezePage } from '../../lib/page/page-freeze';
import { ignoreUntrustedEvents } from '../../lib/page/trusted';
import { t } from '../../lib/shared/i18n';
import { watchKeysReleased } from '../../lib/shared/keys-released';
import { GLOSSA_TAG_PREFIX } from './page-control';

/** Tag of the reading view's host element. */
export const READING_VIEW_TAG = `${GLOSSA_TAG_PREFIX}reading-view`;

const CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important;
  display: block !important; }
iframe { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; margin: 0; padding: 0;
  color-scheme: normal; background: transparent; }`;

/**
 * Shows the frame at `src` over the page; returns the function that closes it. `onClosed` runs
 * after any close: the returned function, Escape pressed on the page, or the frame replaced.
 */
export function mountReadingViewFrame(doc: Document, src: string, onClosed: () => void): () => void {
  const win = doc.defaultView;
  if (!win) throw new Error('The document has no window to show the reading view in.');
  const restore = freezePage(doc);
  const host = doc.createElement(READING_VIEW_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const stopGuard = ignoreUntrustedEvents(shadow);
  const style = doc.createElement('style');
  style.textContent = CSS;
  const frame = doc.createElement('iframe');
  frame.src = src;
  frame.title = t('readingViewLabel');
  shadow.append(style, frame);

  let open = true;
  let loads = 0;
  // Registered before onKey, so the Escape that closes is counted as held when onKey hears it.
  const keys = watchKeysReleased(win);
  const close = () => {
    if (!open) return;
    open = false;
    keys.stop();
    win.removeEventListener('keydown', onKey, true);
    stopGuard();
    host.remove();
    restore();
    onClosed();
  };
  const onKey = (event: KeyboardEvent) => {
    // Keys typed in the view stay in its frame; this hears Escape pressed on the page around it.
    if (event.key !== 'Escape' || !event.isTrusted) return;
    event.stopImmediatePropagation();
    event.preventDefault();
    // Not on keydown: focus may be on its way into the frame, and its keyup with it.
    keys.whenReleased(close);
  };
  frame.addEventListener('load', () => {
    loads++;
    if (loads > 1) close();
    else frame.focus();
  });
  win.addEventListener('keydown', onKey, true);
  // After <body>, not in it: frameworks that re-render <body> would otherwise drop it.
  doc.documentElement.append(host);
  return close;
}
