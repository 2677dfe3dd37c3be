/**
 * The annotation store of extension pages (the reader): straight to the library, with other
 * views' changes arriving over the library's change channel.
 */

import type { AnnotationStore } from '../shared/highlighting/store';
import { type Library, onLibraryChange } from '../storage';

/** A store for the highlights of `articleId`. */
export function libraryStore(library: Promise<Library>, articleId: string): AnnotationStore {
  return {
    list: async () => (await library).listHighlights(articleId),
    put: async (highlight) => {
      await (await library).putHighlight(highlight);
      return highlight;
    },
    subscribe: (listener) =>
      onLibraryChange((change) => {
        if (change.store === 'highlights') listener();
      }),
  };
}
