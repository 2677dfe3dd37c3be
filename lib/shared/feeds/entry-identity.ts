/**
 * Which article a feed entry is. Refreshes see the same entries again and again, sometimes
 * edited, sometimes listed twice in one document, so identity is decided in a fixed order
 * (issue 17): the entry's own id (`guid` / Atom `id` / JSON `id`), else its link, else a hash of
 * its content. The article id follows from that key and never from the text, so an edited entry
 * lands on the same record (and keeps its highlights) while its `contentHash` changes.
 *
 * An entry whose key is a link — or whose guid is its own link, as WordPress writes them — gets
 * the id a web save of that page gets (`articleIdFor`), so the page saved from the browser and
 * the same post arriving by feed are one article. Other guids only mean something inside their
 * feed, so they are scoped by the subscription's id.
 */
import type { FeedEntry } from '../../model';
import { ARTICLE_ID_PREFIX, articleIdFor, normalizeUrl, sha256Hex } from '../article/ids';

/** The dedupe key of an entry: `guid:…`, else `url:…`, else `hash:…`. */
export async function entryKey(entry: FeedEntry): Promise<string> {
  if (entry.guid !== null && entry.guid !== '') return `guid:${entry.guid}`;
  const link = entry.link === null ? null : normalizeUrl(entry.link);
  if (link !== null) return `url:${link}`;
  return `hash:${await sha256Hex(`${entry.title}\n${entry.html}`)}`;
}

/** The article id for an entry with `key`, read from the subscription `subscriptionId`. */
export async function entryArticleId(entry: FeedEntry, key: string, subscriptionId: string): Promise<string> {
  const link = entry.link === null ? null : normalizeUrl(entry.link);
  const guidIsLink = key.startsWith('guid:') && link !== null && normalizeUrl(key.slice(5)) === link;
  if (key.startsWith('url:') || guidIsLink) {
    return articleIdFor({ url: link, title: entry.title, published: entry.published, source: null });
  }
  const hex = await sha256Hex(`feed:${JSON.stringify([subscriptionId, key])}`);
  return ARTICLE_ID_PREFIX + hex.slice(0, 24);
}

/** When an entry last changed, for choosing among duplicates ('' when it does not say). */
const stampOf = (entry: FeedEntry): string => {
  const date = entry.updated ?? entry.published;
  const ms = date === null ? Number.NaN : Date.parse(date);
  return Number.isNaN(ms) ? '' : String(ms).padStart(16, '0');
};

/**
 * One entry per key, in first-seen order. Of entries sharing a key the most recently updated
 * wins (a feed that lists a post twice usually lists an edit); on a tie, the first listed.
 */
export async function dedupeEntries(entries: readonly FeedEntry[]): Promise<Array<{ key: string; entry: FeedEntry }>> {
  const byKey = new Map<string, FeedEntry>();
  for (const entry of entries) {
    const key = await entryKey(entry);
    const seen = byKey.get(key);
    if (seen === undefined || stampOf(entry) > stampOf(seen)) byKey.set(key, entry);
  }
  return [...byKey].map(([key, entry]) => ({ key, entry }));
}
