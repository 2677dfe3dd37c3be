/**
 * The reading view's frame: an extension page shown in an iframe over a live page. It redeems
 * its one-time token for the article the page's content script extracted, sanitizes it again
 * (defence in depth: it was made in a world the page can influence) and shows it with the
 * reader's layout, highlighting and notes. Being an extension page, it writes highlights to the
 * library itself; saving the article goes through the background, which binds it to the tab.
 * Once the article is saved, its pictures show from the saved copies as they arrive.
 */
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { blockText } from '../../lib/shared/article/html-text';
import { sanitizeArticleDom } from '../../lib/shared/article/sanitize';
import { readingMinutes } from '../../lib/shared/article/text-stats';
import type { WebPageSave } from '../../lib/shared/article/web-page';
import { errorText } from '../../lib/shared/error-text';
import { t } from '../../lib/shared/i18n';
import type { KeysReleased } from '../../lib/shared/keys-released';
import { call } from '../../lib/shared/messaging';
import type { LibraryConnection } from '../../lib/storage';
import { savingStore } from '../../lib/ui/library-store';
import { useLocalImages } from '../shared/use-local-images';
import { ReadingView, type ReadingViewArticle } from './ReadingView';

/** Props of {@link ReadingFrameApp}. */
export interface ReadingFrameAppProps {
  /** The token from the frame's address. */
  token: string;
  library: LibraryConnection;
  /** The frame's held keys: it closes only once they are up (lib/shared/keys-released.ts). */
  keys: KeysReleased;
}

type LoadState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; page: WebPageSave | null; articleId: string | null };

/** The article as the view shows it. */
function viewOf(page: WebPageSave): ReadingViewArticle {
  const { root, images } = sanitizeArticleDom(page.html, window, { baseUrl: page.url });
  return {
    meta: {
      title: page.title,
      author: page.byline,
      source: page.siteName,
      categories: [],
      published: page.published,
      heroImage: page.leadImage,
      lang: page.lang,
      dir: page.dir ?? 'ltr',
      readingMinutes: readingMinutes(blockText(root)),
      url: page.canonicalUrl ?? page.url,
    },
    body: root,
    bodyImages: images,
  };
}

/**
 * Asks the background to close the view (the frame cannot remove its own iframe), once no key is
 * held in it: an Escape's keyup must not be sent to a frame already gone.
 */
function close(keys: KeysReleased): void {
  keys.whenReleased(() => void call('background', 'reading-view/close', null));
}

/** The whole frame. */
export function ReadingFrameApp({ token, library, keys }: ReadingFrameAppProps) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  useEffect(() => {
    void call('background', 'reading-view/article', { token }).then((answer) =>
      setState(answer.ok ? { kind: 'ready', ...answer.value } : { kind: 'failed', message: answer.error.message }),
    );
  }, [token]);
  // A layout effect runs inside the first render, before the frame's load event gives it focus:
  // an effect would wait for a paint, and an Escape pressed in between reached no handler.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) close(keys);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [keys]);

  const ready = state.kind === 'ready' ? state : null;
  const article = useMemo(() => (ready?.page ? viewOf(ready.page) : null), [ready]);
  // Known once the article is saved (opened saved, or saved from here or by a first highlight).
  const [savedId, setSavedId] = useState<string | null>(null);
  const store = useMemo(() => {
    if (!ready?.page) return null;
    const page = ready.page;
    const save = async () => {
      const answer = await call('background', 'reading-view/save', { page });
      if (!answer.ok) throw new Error(answer.error.message);
      setSavedId(answer.value.id);
      return answer.value.id;
    };
    return { store: savingStore(library(), { current: ready.articleId }, save), save };
  }, [ready, library]);
  const images = useLocalImages(library, savedId ?? ready?.articleId ?? null);

  if (state.kind === 'loading') return null;
  if (state.kind === 'failed') {
    return (
      <p class="g-status" role="alert">
        {t('readingViewFailed', state.message)}
      </p>
    );
  }
  return (
    <ReadingView
      article={article}
      onClose={() => close(keys)}
      onSave={async () => {
        try {
          await store?.save();
          return { ok: true, value: null };
        } catch (e) {
          return { ok: false, error: errorText(e) };
        }
      }}
      annotate={store ? { store: store.store } : undefined}
      savedImages={images?.bySrc}
    />
  );
}
