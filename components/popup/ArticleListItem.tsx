/**
 * One saved article in the popup list. The card is one link (one tab stop, one name: the
 * title); source, date, categories, tags, archive state and highlight count describe it. The
 * article's own controls (tags, archive, delete) come after the link as `children`. Its picture
 * is the thumbnail stored at save time, never the article's hero image from the web.
 */
import type { ComponentChildren, TargetedKeyboardEvent } from 'preact';
import type { ArticleMeta } from '../../lib/model';
import { formatDate, t } from '../../lib/shared/i18n';
import { tCount } from '../../lib/shared/i18n/plural';

/** Props of {@link ArticleListItem}. */
export interface ArticleListItemProps {
  article: ArticleMeta;
  highlightCount: number;
  /** Object URL of the article's stored thumbnail, or null (a neutral placeholder then). */
  thumb: string | null;
  href: string;
  onOpen: (article: ArticleMeta) => void;
  onKeyDown: (e: TargetedKeyboardEvent<HTMLAnchorElement>) => void;
  children?: ComponentChildren;
}

/** A card linking to the reader page of one article. */
export function ArticleListItem(props: ArticleListItemProps) {
  const { article, highlightCount, thumb, href, onOpen, onKeyDown, children } = props;
  const titleId = `t-${article.id}`;
  const metaId = `m-${article.id}`;
  const date = formatDate(article.published ?? article.savedAt);
  return (
    <li class={article.archived ? 'item archived' : 'item'}>
      <a
        class="entry"
        href={href}
        aria-labelledby={titleId}
        aria-describedby={metaId}
        onKeyDown={onKeyDown}
        onClick={(e) => {
          e.preventDefault();
          onOpen(article);
        }}
      >
        {thumb ? <img class="thumb" src={thumb} alt="" /> : <span class="thumb" aria-hidden="true" />}
        <span class="text">
          <span class="title" id={titleId} lang={article.lang ?? undefined}>
            {article.title}
          </span>
          <span class="meta" id={metaId}>
            {[
              article.source,
              date,
              article.categories.join(' / '),
              highlightCount > 0 ? tCount('popupHighlightCount', highlightCount) : '',
              article.archived ? t('popupArchived') : '',
              article.tags.length > 0 ? t('popupTagList', article.tags.map((tag) => `#${tag}`).join(' ')) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </span>
      </a>
      {children}
    </li>
  );
}
