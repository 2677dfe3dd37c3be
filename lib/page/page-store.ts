/**
 * The annotation store of a live web page: every read and write goes through the background
 * (a content script cannot reach the extension's IndexedDB), which binds each to the page's own
 * address (lib/background/page-access.ts). A page that is not saved yet is extracted and saved
 * with its first highlight, so the highlight and the stored copy appear together in the library.
 */
import type { WebPageSave } from '../shared/article/web-page';
import type { AnnotationStore } from '../shared/highlighting/store';
import { call } from '../shared/messaging';
import { onPageHighlightsChanged } from './annotator-handle';
import { currentGesture } from './gestures';

/** A live page's store; `isSaved` tells whether the page's article is known to be saved. */
export type PageStore = AnnotationStore & { isSaved(): boolean };

/** A store for the page in `doc`; `toSave` extracts the page when it must be saved. */
export function pageStore(doc: Document, toSave: () => WebPageSave | null): PageStore {
  let articleId: string | null = null;
  let seenUrl = doc.URL;
  /** A single-page app changes its address without reloading us: forget the old article. */
  const followAddress = () => {
    if (doc.URL === seenUrl) return;
    seenUrl = doc.URL;
    articleId = null;
  };
  return {
    isSaved() {
      followAddress();
      return articleId !== null;
    },
    async list() {
      followAddress();
      const answer = await call('background', 'highlights/for-page', null);
      if (!answer.ok) throw new Error(answer.error.message);
      articleId = answer.value.articleId;
      return answer.value.highlights;
    },
    async put(highlight) {
      followAddress();
      const page = articleId ? null : toSave();
      if (!articleId && !page) throw new Error('Glossa found no article on this page to save.');
      const answer = await call('background', 'highlights/put', {
        highlight: { ...highlight, articleId: articleId ?? '' },
        page,
        gesture: currentGesture(),
      });
      if (!answer.ok) throw new Error(answer.error.message);
      articleId = answer.value.articleId;
      return answer.value;
    },
    // Web pages cannot join the library's change channel: the background tells the tab (see
    // lib/background/tabs/page-watch.ts) and the content script passes it on here.
    subscribe: (listener) => onPageHighlightsChanged(listener),
  };
}
