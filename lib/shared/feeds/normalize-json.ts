/**
 * JSON Feed 1.1 (and 1.0) onto Glossa's {@link Feed} shape. JSON has no `xml:base`: relative
 * URLs resolve against the feed's own address, as a browser would for any document. Plain-text
 * content becomes escaped paragraphs, so `<` in a text item is shown, never parsed.
 */
import type { JsonFeed } from 'feedsmith';
import type { Feed, FeedEntry } from '../../model';
import { parsePublished } from '../article/dates';
import { MAX_CATEGORY } from '../article/post-fields';
import { langTag } from '../validate/fields';
import { categoryList, cleanText, escapeHtml, resolveUrl, textToHtml } from './feed-text';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** JSON Feed: `content_html` / `content_text` are the full text, `summary` is not. */
export function normalizeJson(feed: JsonFeed.Feed<string>, feedUrl: string): Feed {
  const feedAuthor = text(feed.authors?.[0]?.name);
  const entries = (feed.items ?? []).map((item): FeedEntry => {
    const link = resolveUrl(item.url, feedUrl) ?? resolveUrl(item.external_url, feedUrl);
    const contentHtml = text(item.content_html);
    const contentText = text(item.content_text);
    const summary = text(item.summary);
    const full = contentHtml ?? (contentText === null ? null : textToHtml(contentText));
    const author = text(item.authors?.[0]?.name) ?? feedAuthor;
    // An id may be a number in the wild; the spec says string, identity needs one.
    const rawId: unknown = item.id;
    const guid = typeof rawId === 'number' ? String(rawId) : text(rawId);
    return {
      guid: guid?.trim() ?? null,
      link,
      title: cleanText(text(item.title) ?? ''),
      author: author === null ? null : cleanText(author, MAX_CATEGORY) || null,
      published: parsePublished(text(item.date_published) ?? text(item.date_modified)),
      updated: parsePublished(text(item.date_modified)),
      categories: categoryList(Array.isArray(item.tags) ? item.tags : []),
      html: full ?? (summary === null ? '' : `<p>${escapeHtml(summary.trim())}</p>`),
      hasFullContent: full !== null,
      baseUrl: link ?? feedUrl,
    };
  });
  return {
    format: 'json',
    title: cleanText(text(feed.title) ?? ''),
    siteUrl: resolveUrl(feed.home_page_url, feedUrl),
    lang: langTag(feed.language) ?? null,
    entries,
  };
}
