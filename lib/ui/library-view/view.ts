/**
 * Which articles the library list shows, and in what order: a filter (tag, source category,
 * feed, unread, highlights, archive state) and a sort key. Pure functions over metas, so the popup stays a
 * thin view and every rule is tested without a browser.
 *
 * The default view (everything, newest saved first) is the order the storage index already
 * keeps, so the popup pages through it without loading the whole library; every other view
 * needs every meta and is computed here.
 */
import type { ArticleMeta } from '../../model';
import type { FeedArticleLink } from '../../storage';
import { hasTag } from './tags';

/** Whether to keep articles with highlights, without, or both. */
export type HighlightFilter = 'all' | 'with' | 'without';
/** Archive ("read") state to keep: all, only not yet archived, only archived. */
export type ArchiveFilter = 'all' | 'unarchived' | 'archived';
/** Read state to keep: all, or only the feed articles not yet opened. */
export type ReadFilter = 'all' | 'unread';
/** Sort keys of the list. */
export const SORT_KEYS = ['saved', 'published', 'title'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** What the list shows. A `null` tag or category does not filter. */
export interface LibraryView {
  tag: string | null;
  category: string | null;
  /** A subscription's id: only the articles that feed brought in. */
  feed: string | null;
  read: ReadFilter;
  highlights: HighlightFilter;
  archive: ArchiveFilter;
  sort: SortKey;
}

/** Everything, newest saved first: the storage's own order. */
export const DEFAULT_VIEW: LibraryView = {
  tag: null,
  category: null,
  feed: null,
  read: 'all',
  highlights: 'all',
  archive: 'all',
  sort: 'saved',
};

/** Whether `view` is the default one, which the popup can page through without loading all metas. */
export function isDefaultView(view: LibraryView): boolean {
  return (
    view.tag === null &&
    view.category === null &&
    view.feed === null &&
    view.read === 'all' &&
    view.highlights === 'all' &&
    view.archive === 'all' &&
    view.sort === 'saved'
  );
}

/**
 * Whether one article passes the view's filter. `highlightCount` counts live highlights; `link`
 * is its feed link (absent when no feed brought it in, so it is neither a feed's nor unread).
 */
export function matchesView(
  meta: ArticleMeta,
  highlightCount: number,
  view: LibraryView,
  link?: FeedArticleLink,
): boolean {
  if (view.tag !== null && !hasTag(meta.tags, view.tag)) return false;
  if (view.category !== null && !meta.categories.includes(view.category)) return false;
  if (view.feed !== null && link?.feedId !== view.feed) return false;
  if (view.read === 'unread' && (link === undefined || link.readAt !== undefined)) return false;
  if (view.highlights === 'with' && highlightCount === 0) return false;
  if (view.highlights === 'without' && highlightCount > 0) return false;
  if (view.archive === 'archived' && !meta.archived) return false;
  if (view.archive === 'unarchived' && meta.archived) return false;
  return true;
}

/** Milliseconds of a stored publication date, or null when absent or unreadable. */
function publishedTime(meta: ArticleMeta): number | null {
  if (meta.published === null) return null;
  const time = Date.parse(meta.published);
  return Number.isNaN(time) ? null : time;
}

/** The storage's order, used to break every tie: newest saved first, then id descending. */
function bySaved(a: ArticleMeta, b: ArticleMeta): number {
  return b.savedAt - a.savedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * A comparator for `sort`. Titles compare with `Intl.Collator` in the UI language, so a
 * Chinese UI sorts Chinese titles by pinyin (ICU's default for zh) and digits numerically;
 * articles without a publication date go last when sorting by it.
 */
export function comparator(sort: SortKey, locale: string): (a: ArticleMeta, b: ArticleMeta) => number {
  if (sort === 'title') {
    const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    return (a, b) => collator.compare(a.title, b.title) || bySaved(a, b);
  }
  if (sort === 'published') {
    return (a, b) => {
      const ta = publishedTime(a);
      const tb = publishedTime(b);
      if (ta === tb) return bySaved(a, b);
      if (ta === null) return 1;
      if (tb === null) return -1;
      return tb - ta;
    };
  }
  return bySaved;
}

/**
 * The list for `view`: the metas that pass its filter, sorted. `counts` holds live highlight
 * counts by article id (absent means none), `links` the feed links by article id. Returns a new
 * array; the input is left alone.
 */
export function applyView(
  metas: readonly ArticleMeta[],
  counts: ReadonlyMap<string, number>,
  view: LibraryView,
  locale: string,
  links: ReadonlyMap<string, FeedArticleLink> = new Map(),
): ArticleMeta[] {
  return metas
    .filter((m) => matchesView(m, counts.get(m.id) ?? 0, view, links.get(m.id)))
    .sort(comparator(view.sort, locale));
}
