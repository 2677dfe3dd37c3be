/**
 * The reader page: one stored article, sanitized again at render (defence in depth: the
 * stored copy may come from an older sanitizer or a sync peer), with the reader's theme and
 * font size applied and remembered.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Article } from '../../lib/model';
import { sanitizeArticleDom } from '../../lib/shared/article/sanitize';
import { errorText } from '../../lib/shared/error-text';
import { preparePainting } from '../../lib/shared/highlighting/layer';
import { t } from '../../lib/shared/i18n';
import { DEFAULT_READER_PREFS, readerAttributes } from '../../lib/shared/settings/reader-prefs';
import { type LibraryConnection, onLibraryChange } from '../../lib/storage';
import { onReaderGoTo } from '../../lib/ui/go-to';
import { showLocalImages } from '../../lib/ui/images/local-images';
import { libraryStore } from '../../lib/ui/library-store';
import { Annotator } from '../annotation/Annotator';
import type { GoToRequests } from '../annotation/use-go-to';
import { ArticleView } from '../article/ArticleView';
import { ReaderToolbar } from '../article/ReaderToolbar';
import { useReadingPrefs } from '../article/use-reading-prefs';
import { useLocalImages } from '../shared/use-local-images';
import { ExportMenu } from './ExportMenu';
import { canFetchFullText, FullTextButton } from './FullTextButton';

type LoadState =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; article: Article };

/** Props of {@link ReaderApp}. */
export interface ReaderAppProps {
  articleId: string | null;
  /** The page's connection to the library (its entrypoint opens it). */
  library: LibraryConnection;
}

/** The side panel's "Go to" reaches this page through its tab (lib/ui/go-to.ts). */
const readerGoTo: GoToRequests = (listener) => onReaderGoTo((id) => void listener(id));

/** The whole reader page. */
export function ReaderApp({ articleId, library }: ReaderAppProps) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const { prefs, updatePrefs, lastColor, updateLastColor } = useReadingPrefs();
  // Bumped when another context changes this article, to load it again.
  const [version, setVersion] = useState(0);

  useEffect(
    () =>
      onLibraryChange((change) => {
        if (change.store === 'articles' && articleId && change.ids.includes(articleId)) setVersion((v) => v + 1);
      }),
    [articleId],
  );

  // Highlight styles go in before the article: added later, they would restyle all of it.
  useEffect(() => preparePainting(document), []);
  const [body, setBody] = useState<HTMLElement | null>(null);
  // Bumped each time the body is (re)filled, so annotations are placed on the new text.
  const [bodyVersion, setBodyVersion] = useState(0);
  const onBody = useCallback((element: HTMLElement) => {
    setBody(element);
    setBodyVersion((v) => v + 1);
  }, []);
  const store = useMemo(() => {
    return articleId ? libraryStore(library(), articleId) : null;
  }, [articleId, library]);

  useEffect(() => {
    if (!articleId) {
      setState({ kind: 'missing' });
      return;
    }
    let cancelled = false;
    library()
      .then((lib) => lib.getArticle(articleId))
      .then(
        (article) => !cancelled && setState(article ? { kind: 'ready', article } : { kind: 'missing' }),
        (e: unknown) => !cancelled && setState({ kind: 'error', message: errorText(e) }),
      );
    return () => {
      cancelled = true;
    };
  }, [articleId, version, library]);

  // The body is built only once the saved pictures are known: it never loads an image from the web.
  const images = useLocalImages(library, articleId);
  const prepared = useMemo(() => {
    if (state.kind !== 'ready' || !images) return null;
    const sanitized = sanitizeArticleDom(state.article.html, window);
    showLocalImages(sanitized.root, images.bySrc, { notSaved: t('readerImageNotSaved') });
    return sanitized;
  }, [state, images]);
  const hero = state.kind === 'ready' && state.article.heroImage ? state.article.heroImage : null;

  useEffect(() => {
    if (state.kind === 'ready') document.title = state.article.title;
  }, [state]);
  // Opening a feed's article marks it read (the popup's "unread" filter); others have no such state.
  // Best effort: if the write fails the article stays unread, and it is shown all the same.
  const shownId = state.kind === 'ready' ? state.article.id : null;
  useEffect(() => {
    if (shownId)
      void library().then(
        (lib) => lib.markFeedArticlesRead([shownId]),
        () => undefined,
      );
  }, [shownId, library]);

  const current = readerAttributes(prefs ?? DEFAULT_READER_PREFS);
  return (
    <div class="glossa-reader" {...current}>
      {prefs && (
        <ReaderToolbar prefs={prefs} onChange={updatePrefs}>
          {state.kind === 'ready' && canFetchFullText(state.article) && (
            <FullTextButton article={state.article} onUpdated={() => setVersion((v) => v + 1)} />
          )}
          {state.kind === 'ready' && (
            <ExportMenu article={state.article} loadHighlights={() => store?.list() ?? Promise.resolve([])} />
          )}
        </ReaderToolbar>
      )}
      <main>
        {state.kind === 'loading' && <p class="g-status">{t('readerLoading')}</p>}
        {state.kind === 'missing' && (
          <p class="g-status" role="alert">
            {t('readerNotFound')}
          </p>
        )}
        {state.kind === 'error' && (
          <p class="g-status" role="alert">
            {t('readerError', state.message)}
          </p>
        )}
        {state.kind === 'ready' && prepared && (
          <ArticleView
            meta={state.article}
            body={prepared.root}
            bodyImages={prepared.images}
            heroSrc={hero ? (images?.bySrc.get(hero) ?? null) : null}
            onBody={onBody}
          />
        )}
      </main>
      {state.kind === 'ready' && body && store && (
        <Annotator
          root={body}
          store={store}
          articleId={state.article.id}
          styleTarget={document}
          paragraphNotes
          panel
          contentVersion={bodyVersion}
          lastColor={lastColor}
          onLastColor={updateLastColor}
          goToRequests={readerGoTo}
        />
      )}
    </div>
  );
}
