/**
 * The panel beside a page that is no saved article: the most recently saved articles, each a
 * link to its stored copy, so the panel is useful on every tab. Kept deliberately small (the
 * popup is the full library with search, filters and organising); it refreshes when the
 * library changes.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ArticleMeta } from '../../lib/model';
import { errorText } from '../../lib/shared/error-text';
import { formatDate, t } from '../../lib/shared/i18n';
import { type LibraryConnection, onLibraryChange } from '../../lib/storage';
import { readerUrl } from '../../lib/ui/reader-url';
import { useMounted } from '../shared/use-mounted';

/** How many articles the panel lists. */
const RECENT = 20;

/** Props of {@link RecentArticles}. */
export interface RecentArticlesProps {
  library: LibraryConnection;
}

/** The list, or a status line while loading or when empty. */
export function RecentArticles({ library }: RecentArticlesProps) {
  const [items, setItems] = useState<ArticleMeta[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const mounted = useMounted();

  useEffect(() => onLibraryChange((c) => c.store === 'articles' && setVersion((v) => v + 1)), []);
  useEffect(() => {
    library()
      .then((lib) => lib.listArticles({ limit: RECENT }))
      .then(
        (page) => mounted.current && setItems(page.items),
        (e: unknown) => mounted.current && setError(errorText(e)),
      );
  }, [library, version, mounted]);

  return (
    <section class="recent" aria-labelledby="panel-recent">
      <p class="help">{t('sidePanelLibraryHelp')}</p>
      <h1 id="panel-recent">{t('sidePanelRecent')}</h1>
      {error && <p role="alert">{t('popupError', error)}</p>}
      {!error && items === null && <p role="status">{t('sidePanelLoading')}</p>}
      {items?.length === 0 && <p role="status">{t('popupEmpty')}</p>}
      {items && items.length > 0 && (
        <ul>
          {items.map((a) => (
            <li key={a.id}>
              <a href={readerUrl(a.id)} target="_blank" rel="noopener" lang={a.lang ?? undefined}>
                {a.title}
              </a>
              <span class="meta">{[a.source, formatDate(a.published ?? a.savedAt)].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
