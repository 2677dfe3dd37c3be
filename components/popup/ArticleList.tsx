/**
 * The list of articles, paged or filtered: arrow keys move between articles, Enter opens one,
 * and the last row loads the next page as it scrolls into view (or when its button is pressed).
 */
import { useEffect, useRef } from 'preact/hooks';
import type { ArticleMeta } from '../../lib/model';
import { t } from '../../lib/shared/i18n';
import type { LibraryConnection } from '../../lib/storage';
import { type ArticleActionHandlers, ArticleActions } from './ArticleActions';
import { ArticleListItem } from './ArticleListItem';
import { moveFocus } from './list-keys';
import { useThumbnails } from './use-thumbnails';

/** Props of {@link ArticleList}. */
export interface ArticleListProps extends ArticleActionHandlers {
  items: readonly ArticleMeta[];
  counts: ReadonlyMap<string, number>;
  knownTags: readonly string[];
  hrefOf: (id: string) => string;
  /** Where the rows' thumbnails are read from (never the web). */
  library: LibraryConnection;
  onOpen: (article: ArticleMeta) => void;
  /** Present when there is a next page. */
  onLoadMore?: () => void;
}

/** The articles with their controls. */
export function ArticleList(props: ArticleListProps) {
  const { items, counts, knownTags, hrefOf, library, onOpen, onLoadMore, ...handlers } = props;
  const sentinel = useRef<HTMLLIElement>(null);
  const thumbs = useThumbnails(
    library,
    items.map((article) => article.id),
  );

  useEffect(() => {
    const node = sentinel.current;
    if (!node || !onLoadMore) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onLoadMore());
    observer.observe(node);
    return () => observer.disconnect();
  }, [onLoadMore]);

  return (
    <ul class="list" aria-label={t('popupArticleList')}>
      {items.map((article) => (
        <ArticleListItem
          key={article.id}
          article={article}
          highlightCount={counts.get(article.id) ?? 0}
          thumb={thumbs.get(article.id) ?? null}
          href={hrefOf(article.id)}
          onOpen={onOpen}
          onKeyDown={moveFocus}
        >
          <ArticleActions article={article} knownTags={knownTags} {...handlers} />
        </ArticleListItem>
      ))}
      {onLoadMore && (
        <li ref={sentinel} class="more">
          <button type="button" onClick={onLoadMore}>
            {t('popupLoadMore')}
          </button>
        </li>
      )}
    </ul>
  );
}
