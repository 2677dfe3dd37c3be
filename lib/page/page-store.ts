/**
 * The annotation store of a live web page: every read and write goes through the background
 * (a content script cannot reach the extension's IndexedDB). A page that is not saved yet is
 * extracted and saved with its first highlight, so the highlight and the stored copy appear
 * together in the library.
 */
import type { WebPageSave } from '../shared/article/web-page';
import type { AnnotationStore } from '../shared/highlighting/store';
import { call } from '../shared/messaging';
import { onPageHighlightsChanged } from './annotator-handle';
import { canonicalLink } from './canonical-link';

/** A store for the page in `doc`; `toSave` extracts the page when it must be saved. */
export function pageStore(doc: Document, toSave: () => WebPageSave | null): AnnotationStore {
  let articleId: string | null = null;
  let seenUrl = doc.URL;
  /** The page's URLs now: a single-page app changes them without reloading us. */
  const currentUrls = () => {
    if (doc.URL !== seenUrl) {
      seenUrl = doc.URL;
      articleId = null;
    }
    const canonical = canonicalLink(doc);
    return [canonical, doc.URL].filter((u): u is string => u !== null);
  };
  return {
    async list() {
      const urls = currentUrls();
      const answer = await call('background', 'highlights/for-page', { urls });
      if (!answer.ok) throw new Error(answer.error.message);
      articleId = answer.value.articleId;
      return answer.value.highlights;
    },
    async put(highlight) {
      currentUrls();
      const send = (page: WebPageSave | null) =>
        call('background', 'highlights/put', { highlight: { ...highlight, articleId: articleId ?? '' }, page });
      const page = articleId ? null : toSave();
      if (!articleId && !page) throw new Error('Glossa found no article on this page to save.');
      let answer = await send(page);
      // Saved under a canonical URL on another host of the site: the background asks the page
      // to prove which article it is by sending itself.
      const again = articleId && !answer.ok ? toSave() : null;
      if (again) answer = await send(again);
      if (!answer.ok) throw new Error(answer.error.message);
      articleId = answer.value.articleId;
      return answer.value;
    },
    // Web pages cannot join the library's change channel: the background tells the tab (see
    // lib/background/tabs/page-watch.ts) and the content script passes it on here.
    subscribe: (listener) => onPageHighlightsChanged(listener),
  };
}
