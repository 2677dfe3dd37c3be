/**
 * The controls of one article in the list, behind one disclosure button so the list keeps a
 * single tab stop per article until the reader asks: tags, archive/unarchive, delete.
 */
import { useState } from 'preact/hooks';
import type { ArticleMeta } from '../../lib/model';
import { t } from '../../lib/shared/i18n';
import { TagEditor } from './TagEditor';

/** What the list does when an article's controls are used. */
export interface ArticleActionHandlers {
  onTags: (article: ArticleMeta, tags: readonly string[]) => void;
  onArchived: (article: ArticleMeta, archived: boolean) => void;
  onDelete: (article: ArticleMeta) => void;
  /** The panel opened: tag suggestions are wanted. */
  onOpenPanel: () => void;
}

/** Props of {@link ArticleActions}. */
export interface ArticleActionsProps extends ArticleActionHandlers {
  article: ArticleMeta;
  knownTags: readonly string[];
}

/** The disclosure button and, when open, the article's controls. */
export function ArticleActions({ article, knownTags, onTags, onArchived, onDelete, onOpenPanel }: ArticleActionsProps) {
  const [open, setOpen] = useState(false);
  const panelId = `actions-${article.id}`;
  return (
    <div class="actions">
      <button
        type="button"
        class="disclose"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('popupOrganise', article.title)}
        onClick={() => {
          if (!open) onOpenPanel();
          setOpen(!open);
        }}
      >
        ⋯
      </button>
      {open && (
        <div class="panel" id={panelId}>
          <TagEditor
            articleId={article.id}
            tags={article.tags}
            knownTags={knownTags}
            onChange={(tags) => onTags(article, tags)}
          />
          <div class="buttons">
            <button type="button" onClick={() => onArchived(article, !article.archived)}>
              {article.archived ? t('popupUnarchive') : t('popupArchive')}
            </button>
            <button type="button" class="danger" onClick={() => onDelete(article)}>
              {t('popupDelete')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
