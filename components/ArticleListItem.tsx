/**
 * One saved article in the popup list. The whole card is one link (one tab stop, one name:
 * the title); source, date, categories and highlight count describe it.
 */
import type { TargetedKeyboardEvent } from 'preact';
import { formatDate, t } from '../lib/i18n';
import type { ArticleMeta } from '../lib/storage/types';

/** Props of {@link ArticleListItem}. */
export interface ArticleListItemProps {
  article: ArticleMeta;
  highlightCount: number;
  href: string;
  onOpen: (article: ArticleMeta) => void;
  onKeyDown: (e: TargetedKeyboardEvent<HTMLAnchorElement>) => void;
}

/** A card linking to the reader page of one article. */
export function ArticleListItem({ article, highlightCount, href, onOpen, onKeyDown }: ArticleListItemProps) {
  const titleId = `t-${article.id}`;
  const metaId = `m-${article.id}`;
  const date = formatDate(article.published ?? article.savedAt);
  return (
    <li class="item">
      <a
        href={href}
        aria-labelledby={titleId}
        aria-describedby={metaId}
        onKeyDown={onKeyDown}
        onClick={(e) => {
          e.preventDefault();
          onOpen(article);
        }}
      >
        {article.heroImage ? (
          <img class="thumb" src={article.heroImage} alt="" loading="lazy" referrerpolicy="no-referrer" />
        ) : (
          <span class="thumb" aria-hidden="true" />
        )}
        <span class="text">
          <span class="title" id={titleId} lang={article.lang ?? undefined}>
            {article.title}
          </span>
          <span class="meta" id={metaId}>
            {[
              article.source,
              date,
              article.categories.join(' / '),
              highlightCount > 0
                ? t(highlightCount === 1 ? 'popupHighlightCountOne' : 'popupHighlightCount', highlightCount)
                : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </span>
      </a>
    </li>
  );
}
