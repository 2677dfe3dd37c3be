/**
 * The Trash, as the popup and the options page show it: what was deleted (by the reader, or by
 * sync from elsewhere) and when, with Restore — which brings an article back with its highlights
 * and notes, or a note as it was — and, on the options page, Delete forever.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { quoteOf } from '../../lib/model';
import { errorText } from '../../lib/shared/error-text';
import { t } from '../../lib/shared/i18n';
import { tCount } from '../../lib/shared/i18n/plural';
import { type LibraryConnection, onLibraryChange, type TrashEntry } from '../../lib/storage';
import { timeAgo } from '../../lib/ui/sync-describe';

/** Props of {@link TrashList}. */
export interface TrashListProps {
  library: LibraryConnection;
  /** Offer "Delete forever" too (the options page). */
  canPurge?: boolean;
}

/** What an entry is called in the list. */
function titleOf(entry: TrashEntry): string {
  if (entry.kind === 'article') return entry.meta.title;
  return t('trashHighlightTitle', quoteOf(entry.highlight).slice(0, 40));
}

/** When and by whom it was removed, in words. */
function whenOf(entry: TrashEntry): string {
  const when = timeAgo(entry.deletedAt);
  if (entry.kind === 'highlight') return t('trashReplacedNote', when);
  if (entry.replaced) return t('trashReplacedText', when);
  return t(entry.by === 'local' ? 'trashDeletedLocal' : 'trashDeletedSync', when);
}

/** The Trash, live: it follows changes made anywhere. */
export function TrashList({ library, canPurge = false }: TrashListProps) {
  const [entries, setEntries] = useState<TrashEntry[] | null>(null);
  const [status, setStatus] = useState('');
  const load = useCallback(() => {
    void library()
      .then((lib) => lib.listTrash())
      .then(setEntries, (e: unknown) => setStatus(errorText(e)));
  }, [library]);
  useEffect(() => {
    load();
    return onLibraryChange(load);
  }, [load]);

  const restore = async (entry: TrashEntry) => {
    await (await library()).restoreFromTrash(entry.key);
    setStatus(t('trashRestored', titleOf(entry)));
    load();
  };
  const purge = async (entry: TrashEntry) => {
    await (await library()).removeFromTrash(entry.key);
    load();
  };

  return (
    <div class="g-trash">
      {entries === null ? null : entries.length === 0 ? (
        <p>{t('trashEmpty')}</p>
      ) : (
        <>
          <p>{tCount('trashCount', entries.length)}</p>
          <ul aria-label={t('trashHeading')}>
            {entries.map((entry) => {
              const title = titleOf(entry);
              return (
                <li key={entry.key}>
                  <span class="g-trash-title">{title}</span> <small>{whenOf(entry)}</small>{' '}
                  <button type="button" aria-label={t('trashRestoreLabel', title)} onClick={() => void restore(entry)}>
                    {t('trashRestore')}
                  </button>
                  {canPurge && (
                    <button
                      type="button"
                      aria-label={t('trashDeleteForeverLabel', title)}
                      onClick={() => void purge(entry)}
                    >
                      {t('trashDeleteForever')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p role="status">{status}</p>
    </div>
  );
}
