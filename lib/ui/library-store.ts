/**
 * The annotation stores of extension pages: straight to the library, with other views' changes
 * arriving over the library's change channel. The reader shows a stored article; the reading
 * view's frame shows a live page's article that may not be saved yet, so its store saves it
 * with the first highlight (through the background, which binds the save to the tab's address).
 */
import type { AnnotationStore } from '../shared/highlighting/store';
import { type Library, onLibraryChange } from '../storage';

/** A store for the highlights of `articleId`. */
export function libraryStore(library: Promise<Library>, articleId: string): AnnotationStore {
  return savingStore(library, { current: articleId }, async () => articleId);
}

/**
 * A store for an article known by `id.current`, or not saved yet (`null`): the first write
 * calls `save` and keeps the id it answers.
 */
export function savingStore(
  library: Promise<Library>,
  id: { current: string | null },
  save: () => Promise<string>,
): AnnotationStore {
  return {
    list: async () => (id.current ? (await library).listHighlights(id.current) : []),
    put: async (highlight) => {
      id.current ??= await save();
      const record = { ...highlight, articleId: id.current };
      await (await library).putHighlight(record);
      return record;
    },
    subscribe: (listener) =>
      onLibraryChange((change) => {
        if (change.store === 'highlights') listener();
      }),
  };
}
