/**
 * The reading view: a live page's article laid out exactly as the reader page lays out a
 * stored one (same ArticleView, ReaderToolbar, themes and typography), plus the two actions
 * that only make sense over the live page: Save to the library, and Close back to the page.
 * A modal dialog: focus starts on the primary action, Escape closes (handled by the frame).
 * Its paragraphs have the stored copy's margin controls: a note made here is the same
 * paragraph note there (same selectors), and the body is our own sanitized copy in our own
 * frame, so the controls may live inside it.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Result } from '../../lib/model';
import { errorText } from '../../lib/shared/error-text';
import type { AnnotationStore } from '../../lib/shared/highlighting/store';
import { t } from '../../lib/shared/i18n';
import { DEFAULT_READER_PREFS, readerAttributes } from '../../lib/shared/settings/reader-prefs';
import { pointAtLocalCopies } from '../../lib/ui/images/local-images';
import { canOpenSidePanel, currentWindowId, openSidePanel } from '../../lib/ui/side-panel/open';
import { Annotator } from '../annotation/Annotator';
import { ArticleView, type ArticleViewProps } from '../article/ArticleView';
import { ReaderToolbar } from '../article/ReaderToolbar';
import { useReadingPrefs } from '../article/use-reading-prefs';

/** The extracted, sanitized article, or null when the page has none Readability can find. */
export type ReadingViewArticle = Pick<ArticleViewProps, 'meta' | 'body' | 'bodyImages'> | null;

/** Props of {@link ReadingView}. */
export interface ReadingViewProps {
  article: ReadingViewArticle;
  onClose: () => void;
  /** Saves the article; the error is a sentence for the user. */
  onSave: () => Promise<Result<unknown, string>>;
  /** Highlighting in the view: where its annotations are read and written. */
  annotate?: { store: AnnotationStore };
  /** Saved copies of the body's pictures, by web address (once the article is saved). */
  savedImages?: ReadonlyMap<string, string>;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/** The reading view's content (its frame, an extension page, renders it). */
export function ReadingView({ article, onClose, onSave, annotate, savedImages }: ReadingViewProps) {
  const { prefs, updatePrefs, lastColor, updateLastColor } = useReadingPrefs();
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const first = useRef<HTMLButtonElement>(null);

  const [body, setBody] = useState<HTMLElement | null>(null);
  const onBody = useCallback((element: HTMLElement) => setBody(element), []);
  const openPanel = useOpenPanel();
  useEffect(() => {
    first.current?.focus();
  }, []);
  useEffect(() => {
    if (body && savedImages) pointAtLocalCopies(body, savedImages);
  }, [body, savedImages]);

  const doSave = async () => {
    setSave({ kind: 'saving' });
    const result = await onSave().catch((e: unknown) => ({ ok: false as const, error: errorText(e) }));
    setSave(result.ok ? { kind: 'saved' } : { kind: 'failed', message: result.error });
  };

  const current = readerAttributes(prefs ?? DEFAULT_READER_PREFS);
  return (
    <div
      class="glossa-reader g-overlay"
      role="dialog"
      aria-modal="true"
      aria-label={t('readingViewLabel')}
      {...current}
    >
      <div class="g-view-actions">
        {article && (
          <button
            type="button"
            ref={first}
            class="g-save"
            disabled={save.kind === 'saving' || save.kind === 'saved'}
            onClick={() => void doSave()}
          >
            {save.kind === 'saved' ? t('readingViewSaved') : t('readingViewSave')}
          </button>
        )}
        <output class="g-save-status" aria-live="polite">
          {save.kind === 'saving' && t('readingViewSaving')}
          {save.kind === 'failed' && t('readingViewSaveFailed', save.message)}
        </output>
        <button type="button" ref={article ? undefined : first} class="g-close" onClick={onClose}>
          {t('readingViewClose')}
        </button>
      </div>
      {prefs && <ReaderToolbar prefs={prefs} onChange={updatePrefs} />}
      <main>
        {article ? (
          <ArticleView meta={article.meta} body={article.body} bodyImages={article.bodyImages} onBody={onBody} />
        ) : (
          <p class="g-status" role="alert">
            {t('readingViewNoArticle')}
          </p>
        )}
      </main>
      {article && body && annotate && (
        <Annotator
          root={body}
          store={annotate.store}
          articleId=""
          styleTarget={document}
          lastColor={lastColor}
          onLastColor={updateLastColor}
          paragraphNotes
          panel="orphans"
          onOpenPanel={openPanel}
        />
      )}
    </div>
  );
}

/**
 * The selection toolbar's "Open side panel" in the view (an extension page, so both browsers
 * accept it from the reader's click): the window id Chrome needs is looked up in advance, and
 * the click calls the browser at once. Undefined where the browser has no extension panel.
 */
function useOpenPanel(): (() => void) | undefined {
  const windowId = useRef<number | undefined>(undefined);
  const available = canOpenSidePanel();
  useEffect(() => {
    if (available)
      void currentWindowId().then(
        (id) => (windowId.current = id),
        () => undefined,
      );
  }, [available]);
  return available ? () => void openSidePanel(windowId.current).catch(() => undefined) : undefined;
}
