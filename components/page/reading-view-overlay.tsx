/**
 * Puts the reading view over the live page and takes it away again without a trace. The view
 * lives in a closed shadow root on a host appended after `<body>`: page CSS cannot reach into
 * it, and its CSS (the reader's, loaded as a string into the shadow root) cannot reach out.
 * While open, the overlay's own scroll container (with `overscroll-behavior: contain`) keeps
 * the page underneath still without styling it; closing removes the host and restores scroll
 * position and focus (see page-freeze.ts), so the page's DOM is exactly as before.
 */
import { render } from 'preact';
import type { Result } from '../../lib/model';
import { extractArticle } from '../../lib/page/extract/extract';
import { freezePage } from '../../lib/page/page-freeze';
import { pageStore } from '../../lib/page/page-store';
import { sanitizeArticleDom } from '../../lib/shared/article/sanitize';
import { readingMinutes } from '../../lib/shared/article/text-stats';
import { type WebPageSave, webPageSave } from '../../lib/shared/article/web-page';
import { preparePainting } from '../../lib/shared/highlighting/layer';
import annotatorCss from '../annotation/annotator.css?inline';
import readerCss from '../article/reader.css?inline';
import { GLOSSA_TAG_PREFIX } from './page-control';
import { ReadingView, type ReadingViewArticle } from './ReadingView';

/** Tag of the reading view's host element. */
export const READING_VIEW_TAG = `${GLOSSA_TAG_PREFIX}reading-view`;

const HOST_CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important;
  display: block !important; }
.g-overlay { position: absolute; inset: 0; overflow: auto; overscroll-behavior: contain; min-height: 0; }
.g-view-actions { display: flex; gap: 0.5rem; align-items: center; justify-content: flex-end; padding: 0.5rem 1rem;
  background: var(--g-surface); border-bottom: 1px solid var(--g-rule); font: 14px/1.4 system-ui, sans-serif; }
.g-save-status { margin-inline-end: auto; order: -1; color: var(--g-muted); }
`;

/** Sends a page to the library; the error is a sentence for the user. */
export type SavePage = (page: WebPageSave) => Promise<Result<unknown, string>>;

/**
 * Extracts the article of `doc` (on a clone), sanitizes it, and shows it over the page.
 * Returns the function that closes the view; `onClosed` runs after any close (button, Escape).
 */
export function openReadingView(doc: Document, save: SavePage, onClosed: () => void = () => undefined): () => void {
  const win = doc.defaultView;
  if (!win) throw new Error('The document has no window to show the reading view in.');
  const url = doc.URL;
  const extracted = extractArticle(doc, url);
  const prepared = extracted ? sanitizeArticleDom(extracted.html, win, { baseUrl: url }) : null;
  const article: ReadingViewArticle =
    extracted && prepared
      ? {
          meta: {
            title: extracted.title,
            author: extracted.byline,
            source: extracted.siteName,
            categories: [],
            published: extracted.published,
            heroImage: extracted.leadImage,
            lang: extracted.lang,
            dir: extracted.dir === 'rtl' ? 'rtl' : 'ltr',
            readingMinutes: readingMinutes(extracted.text),
            url: extracted.canonicalUrl,
          },
          body: prepared.root,
          bodyImages: prepared.images,
        }
      : null;

  const restore = freezePage(doc);
  const host = doc.createElement(READING_VIEW_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = readerCss + annotatorCss + HOST_CSS;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  // Highlight styles before the article renders (added later, they restyle all of it).
  const releasePainting = preparePainting(shadow);
  // Keys typed in the view are ours: the page's own shortcuts must not act on them.
  host.addEventListener('keydown', (event) => event.stopPropagation());
  doc.documentElement.append(host);

  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    win.removeEventListener('keydown', onKey, true);
    render(null, mount);
    releasePainting();
    host.remove();
    restore();
    onClosed();
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopImmediatePropagation();
    event.preventDefault();
    close();
  };
  win.addEventListener('keydown', onKey, true);

  const onSave = () =>
    extracted && prepared
      ? save(webPageSave(extracted, url, prepared.root.innerHTML))
      : Promise.resolve<Result<unknown, string>>({ ok: false, error: 'no article' });
  const toSave = () => (extracted && prepared ? webPageSave(extracted, url, prepared.root.innerHTML) : null);
  const annotate = { store: pageStore(doc, toSave), styleTarget: shadow };
  render(<ReadingView article={article} onClose={close} onSave={onSave} annotate={annotate} />, mount);
  return close;
}
