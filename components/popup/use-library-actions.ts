/**
 * What the reader does to articles from the popup: tag, archive, delete with undo, mark a
 * feed's articles read. Each write
 * goes to the library (which announces it, so every open view refreshes) and is shown here at
 * once through `onChanged` / `onRemoved`; a failure becomes a sentence, never a silent no-op.
 */
import { useCallback, useState } from 'preact/hooks';
import type { ArticleMeta } from '../../lib/model';
import { errorText } from '../../lib/shared/error-text';
import { t } from '../../lib/shared/i18n';
import { tCount } from '../../lib/shared/i18n/plural';
import type { Library } from '../../lib/storage';
import { type DeletedArticle, deleteWithUndo, undoDelete } from '../../lib/ui/library-view';

/** The last notice: a deletion that can be undone, or an error. */
export type ActionNotice =
  | { kind: 'deleted'; deleted: DeletedArticle; message: string }
  | { kind: 'error'; message: string }
  | null;

/** Callbacks that show a change before the library's change notice reloads the lists. */
export interface ActionEffects {
  onChanged: (meta: ArticleMeta) => void;
  onRemoved: (id: string) => void;
  /** These feed articles were marked read at `at`. */
  onRead: (ids: readonly string[], at: number) => void;
}

/** The popup's article actions over `lib`. */
export function useLibraryActions(lib: () => Promise<Library>, effects: ActionEffects) {
  const [notice, setNotice] = useState<ActionNotice>(null);
  const { onChanged, onRemoved, onRead } = effects;

  const fail = useCallback(
    (e: unknown) => setNotice({ kind: 'error', message: t('popupActionFailed', errorText(e)) }),
    [],
  );

  const setTags = useCallback(
    (article: ArticleMeta, tags: readonly string[]) => {
      lib()
        .then((db) => db.updateArticleFields(article.id, { tags: [...tags] }))
        .then((meta) => meta && onChanged(meta), fail);
    },
    [lib, onChanged, fail],
  );

  const setArchived = useCallback(
    (article: ArticleMeta, archived: boolean) => {
      lib()
        .then((db) => db.updateArticleFields(article.id, { archived }))
        .then((meta) => meta && onChanged(meta), fail);
    },
    [lib, onChanged, fail],
  );

  const remove = useCallback(
    (article: ArticleMeta) => {
      lib()
        .then((db) => deleteWithUndo(db, article.id))
        .then((deleted) => {
          onRemoved(article.id);
          if (!deleted) return;
          const n = deleted.highlights.length;
          const message = n === 0 ? t('popupDeleted', article.title) : tCount('popupDeletedWith', n, article.title);
          setNotice({ kind: 'deleted', deleted, message });
        }, fail);
    },
    [lib, onRemoved, fail],
  );

  const undo = useCallback(() => {
    if (notice?.kind !== 'deleted') return;
    const { deleted } = notice;
    setNotice(null);
    // The restored article comes back into the lists with the library's change notice.
    lib()
      .then((db) => undoDelete(db, deleted))
      .catch(fail);
  }, [lib, notice, fail]);

  const markRead = useCallback(
    (articleIds: readonly string[]) => {
      const at = Date.now();
      lib()
        .then((db) => db.markFeedArticlesRead(articleIds, at))
        .then((marked) => onRead(marked, at), fail);
    },
    [lib, onRead, fail],
  );

  const dismiss = useCallback(() => setNotice(null), []);

  return { notice, setTags, setArchived, remove, undo, markRead, dismiss };
}
