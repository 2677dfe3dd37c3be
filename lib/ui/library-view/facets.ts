/**
 * The values the filter menus offer (tags and source categories in use) and the live highlight
 * count per article, computed from the whole library once the user asks to filter.
 */
import type { ArticleMeta, Highlight, Subscription } from '../../model';
import type { FeedArticleLink } from '../../storage';
import { tagKey } from './tags';

/** One menu entry: a value and how many articles carry it. */
export interface Facet {
  value: string;
  count: number;
}

/** What the filter menus offer. */
export interface LibraryFacets {
  tags: Facet[];
  categories: Facet[];
}

/** Counts values, keeping the first spelling met for each `key`, sorted by the UI collation. */
function tally(lists: Iterable<readonly string[]>, key: (value: string) => string, locale: string): Facet[] {
  const found = new Map<string, Facet>();
  for (const list of lists) {
    // An article counts once per value, even if a sloppy import repeated it.
    for (const value of new Set(list.map(key))) {
      const spelled = list.find((v) => key(v) === value) ?? value;
      const facet = found.get(value);
      if (facet) facet.count += 1;
      else found.set(value, { value: spelled, count: 1 });
    }
  }
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  return [...found.values()].sort((a, b) => collator.compare(a.value, b.value));
}

/** Tags (compared ignoring case and width) and categories (exact) of `metas`, with counts. */
export function libraryFacets(metas: readonly ArticleMeta[], locale: string): LibraryFacets {
  return {
    tags: tally(
      metas.map((m) => m.tags),
      tagKey,
      locale,
    ),
    categories: tally(
      metas.map((m) => m.categories),
      (v) => v,
      locale,
    ),
  };
}

/** Live (not deleted) highlights and notes per article id. */
export function liveHighlightCounts(highlights: Iterable<Highlight>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const h of highlights) if (!h.deleted) counts.set(h.articleId, (counts.get(h.articleId) ?? 0) + 1);
  return counts;
}

/** One feed in the feed menu: the subscription, how many of its articles are listed, unread. */
export interface FeedFacet {
  id: string;
  title: string;
  count: number;
  unread: number;
}

/**
 * The feed menu: every subscription (by the order given, the options page's), with the number of
 * listed articles it brought in and how many of those are unread.
 */
export function feedFacets(
  subscriptions: readonly Subscription[],
  metas: readonly ArticleMeta[],
  links: ReadonlyMap<string, FeedArticleLink>,
): FeedFacet[] {
  const tally = new Map(subscriptions.map((s) => [s.id, { id: s.id, title: s.title || s.url, count: 0, unread: 0 }]));
  for (const meta of metas) {
    const link = links.get(meta.id);
    const facet = link && tally.get(link.feedId);
    if (!facet) continue;
    facet.count += 1;
    if (link.readAt === undefined) facet.unread += 1;
  }
  return [...tally.values()];
}
