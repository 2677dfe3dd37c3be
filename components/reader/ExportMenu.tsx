/**
 * The reader's Export menu for the article on screen: Obsidian Markdown (with its highlights
 * and notes), the seed's Hexo format, or W3C Web Annotation JSON-LD, each downloaded as a file.
 * A disclosure button rather than an ARIA menu: the choices are plain buttons in tab order, and
 * Escape closes the list and returns focus to the button.
 */
import { useId, useRef, useState } from 'preact/hooks';
import type { Article, Highlight } from '../../lib/model';
import { sanitizeArticleHtml } from '../../lib/shared/article/sanitize';
import { errorText } from '../../lib/shared/error-text';
import { type MessageKey, t } from '../../lib/shared/i18n';
import { type ArticleFormat, exportArticle } from '../../lib/ui/export';
import { downloadFile } from '../shared/download';
import { markdownLabels } from '../shared/export-labels';

const FORMAT_LABEL: Record<ArticleFormat, MessageKey> = {
  markdown: 'exportMarkdown',
  hexo: 'exportHexo',
  jsonld: 'exportJsonLd',
};

/** Props of {@link ExportMenu}. */
export interface ExportMenuProps {
  article: Article;
  /** The article's live highlights, read when an export starts (so it has the latest). */
  loadHighlights: () => Promise<Highlight[]>;
}

/** The Export button and its list of formats. */
export function ExportMenu({ article, loadHighlights }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);

  const run = async (format: ArticleFormat) => {
    try {
      const highlights = format === 'hexo' ? [] : await loadHighlights();
      const file = exportArticle(format, article, highlights, {
        labels: markdownLabels(),
        sanitizeHtml: (html) => sanitizeArticleHtml(html, window).html,
      });
      downloadFile(file);
      setStatus(t('exportDone', file.name));
    } catch (e) {
      setStatus(t('exportFailed', errorText(e)));
    }
    setOpen(false);
    toggle.current?.focus();
  };

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <div class="g-export">
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={closeOnEscape}
      >
        {t('exportMenu')}
      </button>
      <ul id={listId} class="g-export-list" aria-label={t('exportMenuLabel')} hidden={!open}>
        {(Object.keys(FORMAT_LABEL) as ArticleFormat[]).map((format) => (
          <li key={format}>
            <button type="button" onClick={() => void run(format)} onKeyDown={closeOnEscape}>
              {t(FORMAT_LABEL[format])}
            </button>
          </li>
        ))}
      </ul>
      <output class="g-export-status" aria-live="polite">
        {status}
      </output>
    </div>
  );
}
