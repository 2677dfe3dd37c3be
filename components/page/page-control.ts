/**
 * The small "Reading view" button Glossa puts in the corner of an article page. Plain DOM, not
 * Preact: it ships in the eager content script, which every http(s) page pays for. It lives in
 * a closed shadow root, so the page's CSS cannot restyle it and its CSS cannot leak out; the
 * host's `all: initial` (important, so page rules on the host lose) shields it from inherited
 * page styles. Only trusted clicks (the reader's) press its buttons.
 */
import { ignoreUntrustedEvents, isReaderEvent } from '../../lib/page/trusted';
import { t } from '../../lib/shared/i18n';

/** Prefix of every host element Glossa adds to a page (custom-element names never collide with the page's). */
export const GLOSSA_TAG_PREFIX = 'glossa-';
/** Tag of the control's host element. */
export const PAGE_CONTROL_TAG = `${GLOSSA_TAG_PREFIX}page-control`;

const CSS = `
:host { all: initial !important; position: fixed !important; right: 16px !important; bottom: 16px !important;
  z-index: 2147483646 !important; display: block !important; }
.bar { display: flex; align-items: stretch; font: 14px/1.2 system-ui, sans-serif; color: #1f2328;
  background: #fdfdfb; border: 1px solid #d8dee4; border-radius: 999px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.15);
  overflow: hidden; }
button { all: unset; cursor: pointer; padding: 8px 12px; }
button:hover { background: #f2f4f6; }
button:focus-visible { outline: 2px solid #0b5cad; outline-offset: -2px; }
.dismiss { padding: 8px 10px; border-inline-start: 1px solid #d8dee4; color: #59636e; }
@media (prefers-color-scheme: dark) {
  .bar { color: #e3e6ea; background: #16181c; border-color: #30363d; }
  button:hover { background: #22262c; }
}`;

/** What the control does when used. */
export interface PageControlActions {
  onOpen: () => void;
  onDismiss: () => void;
}

/** Adds the control to the page; returns the host so the caller can remove it. */
export function mountPageControl(doc: Document, actions: PageControlActions): HTMLElement {
  const host = doc.createElement(PAGE_CONTROL_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  // Only the reader presses these buttons: a page's script clicking them is ignored.
  ignoreUntrustedEvents(root);
  const style = doc.createElement('style');
  style.textContent = CSS;
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', t('pageControlLabel'));
  const open = button(doc, t('pageControlOpen'), actions.onOpen);
  const dismiss = button(doc, '×', actions.onDismiss);
  dismiss.className = 'dismiss';
  dismiss.setAttribute('aria-label', t('pageControlDismiss'));
  dismiss.title = t('pageControlDismiss');
  bar.append(open, dismiss);
  root.append(style, bar);
  // After <body>, not in it: frameworks that re-render <body> would otherwise drop it.
  doc.documentElement.append(host);
  return host;
}

function button(doc: Document, label: string, onClick: () => void): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', (event) => {
    event.stopPropagation();
    if (isReaderEvent(event)) onClick();
  });
  return b;
}
