/**
 * The reader page: one stored article, sanitized again at render (defence in depth: the
 * stored copy may come from an older sanitizer or a sync peer), with the reader's theme and
 * font size applied and remembered.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Article } from '../../lib/model';
import { sanitizeArticleDom } from '../../lib/shared/article/sanitize';
import { preparePainting } from '../../lib/shared/highlighting/layer';
import { t } from '../../lib/shared/i18n';
import { DEFAULT_READER_PREFS, readerAttributes } from '../../lib/shared/settings/reader-prefs';
import { type Library, onLibraryChange, openLibrary } from '../../lib/storage';
import { libraryStore } from '../../lib/ui/library-store';
import { Annotator } from '../annotation/Annotator';
import { ArticleView } from '../article/ArticleView';
import { ReaderToolbar } from '../article/ReaderToolbar';
import { useReadingPrefs } from '../article/use-reading-prefs';
import { ExportMenu } from './ExportMenu';

type LoadState =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; article: Article };

/** Props of {@link ReaderApp}. */
export interface ReaderAppProps {
  articleId: string | null;
}

/** The whole reader page. */
export function ReaderApp({ articleId }: ReaderAppProps) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const { prefs, updatePrefs, lastColor, updateLastColor } = useReadingPrefs();
  // One connection for the page's life, closed when the reader goes away.
  const library = useRef<Promise<Library> | null>(null);
  useEffect(
    () => () => {
      void library.current?.then((lib) => lib.close());
    },
    [],
  );
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
    library.current ??= openLibrary();
    return articleId ? libraryStore(library.current, articleId) : null;
  }, [articleId]);

  useEffect(() => {
    if (!articleId) {
      setState({ kind: 'missing' });
      return;
    }
    let cancelled = false;
    library.current ??= openLibrary();
    library.current
      .then((lib) => lib.getArticle(articleId))
      .then(
        (article) => !cancelled && setState(article ? { kind: 'ready', article } : { kind: 'missing' }),
        (e: unknown) => !cancelled && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      cancelled = true;
    };
  }, [articleId, version]);

  const prepared = useMemo(
    () => (state.kind === 'ready' ? sanitizeArticleDom(state.article.html, window) : null),
    [state],
  );

  useEffect(() => {
    if (state.kind === 'ready') document.title = state.article.title;
  }, [state]);

  const current = readerAttributes(prefs ?? DEFAULT_READER_PREFS);
  return (
    <div class="glossa-reader" {...current}>
      {prefs && (
        <ReaderToolbar prefs={prefs} onChange={updatePrefs}>
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
          <ArticleView meta={state.article} body={prepared.root} bodyImages={prepared.images} onBody={onBody} />
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
        />
      )}
    </div>
  );
}
