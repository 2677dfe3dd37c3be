/**
 * The reader's "Fetch full text" for a feed article that came with only a summary: the
 * background fetches the entry's page, extracts and sanitizes its article and stores it as the
 * body (same article, highlights kept); the reader then shows the new body. A status line says
 * what is happening, and names the error when it fails (the stored article is then unchanged).
 */
import { useState } from 'preact/hooks';
import type { Article } from '../../lib/model';
import { fullTextErrorText } from '../../lib/shared/feeds/full-text';
import { t } from '../../lib/shared/i18n';
import { call } from '../../lib/shared/messaging';
import { useMounted } from '../shared/use-mounted';

/** Props of {@link FullTextButton}. */
export interface FullTextButtonProps {
  article: Article;
  /** The body was replaced: load the article again. */
  onUpdated: () => void;
}

/** Whether `article` is a feed's, with a web page to fetch. */
export function canFetchFullText(article: Article): boolean {
  return article.origin === 'feed' && article.url !== null && /^https?:\/\//i.test(article.url);
}

/** The button and its status line. */
export function FullTextButton({ article, onUpdated }: FullTextButtonProps) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);
  const mounted = useMounted();

  const fetchFullText = async () => {
    setBusy(true);
    setStatus({ text: t('fullTextFetching'), problem: false });
    const answer = await call('background', 'feeds/full-text', { articleId: article.id });
    if (!mounted.current) return;
    setBusy(false);
    if (!answer.ok) setStatus({ text: t('fullTextFailed', answer.error.message), problem: true });
    else if (!answer.value.ok)
      setStatus({ text: t('fullTextFailed', fullTextErrorText(answer.value.error)), problem: true });
    else {
      setStatus({ text: t('fullTextDone'), problem: false });
      onUpdated();
    }
  };

  return (
    <div class="g-full-text">
      <button type="button" disabled={busy} onClick={() => void fetchFullText()}>
        {t('fullTextFetch')}
      </button>
      <output class={status?.problem ? 'g-full-text-status problem' : 'g-full-text-status'} aria-live="polite">
        {status?.text ?? ''}
      </output>
    </div>
  );
}
