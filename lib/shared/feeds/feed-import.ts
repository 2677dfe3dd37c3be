/**
 * Feed entries → library articles, through the same steps as every other way in: the injected
 * sanitizer (`prepare`, DOM work done outside the MV3 worker), the shared body facts (hash,
 * language, length, excerpt), the one validator (`checkArticleSource`) and the injected store.
 * Articles get origin `feed`, the feed's title as their source and first category (as the seed
 * post's categories name its source), and an id from `entry-identity.ts`. Like the seed
 * importer, each entry stands alone: a failure is reported for that entry and the rest go on.
 */
import { ARTICLE_SCHEMA, type Article, type Feed, type FeedEntry } from '../../model';
import { type BodyFacts, bodyFacts } from '../article/build-article';
import type { StoreOutcome } from '../article/import';
import { type ImportError, importError } from '../article/import-error';
import type { PreparedBody } from '../article/sanitize';
import { errorText } from '../error-text';
import { checkArticleSource } from '../validate/article';
import { dedupeEntries, entryArticleId } from './entry-identity';
import { categoryList, cleanText, escapeHtml } from './feed-text';

/** What the importer needs from its host (injected, so it needs no DOM or IndexedDB itself). */
export interface FeedImportDeps {
  /** Sanitizes a body, resolving relative links and images against `baseUrl`. */
  prepare: (html: string, baseUrl: string | null) => Promise<PreparedBody> | PreparedBody;
  /**
   * Saves an article. Use `keepDeleted`: an entry the reader deleted must stay deleted when the
   * next refresh lists it again.
   */
  store: (article: Article, entry: { hasFullContent: boolean }) => Promise<StoreOutcome>;
  /** Clock, in epoch milliseconds. */
  now: () => number;
}

/** The subscription the feed was read for. */
export interface FeedSource {
  /** Scopes entry ids that mean something only inside this feed. */
  subscriptionId: string;
  /** The name articles carry as their source (the subscription's title, else the feed's). */
  title: string;
}

/** An entry that became (or already was) an article. */
export interface FeedEntryResult {
  key: string;
  id: string;
  status: StoreOutcome;
  /** The entry's page, for "Fetch full text". */
  link: string | null;
  /** False: the feed carried only a summary (or nothing); the full text is worth fetching. */
  hasFullContent: boolean;
}

/** The outcome of importing one fetch of a feed. */
export interface FeedImportReport {
  results: FeedEntryResult[];
  /** `file` is the entry's label (its title, else its key). */
  errors: ImportError[];
  /** Entries that became new articles. */
  created: number;
}

/** Entries in flight at once (see `importSeedFiles`: hides storage latency, bounds memory). */
const CONCURRENCY = 32;

/** Imports every entry of `feed` it can, after removing duplicates. Never rejects. */
export async function importFeedEntries(
  feed: Feed,
  source: FeedSource,
  deps: FeedImportDeps,
): Promise<FeedImportReport> {
  const entries = await dedupeEntries(feed.entries);
  const outcomes: Array<FeedEntryResult | ImportError> = new Array(entries.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < entries.length; i = next++) {
      const item = entries[i];
      if (item) outcomes[i] = await importEntry(item.key, item.entry, feed, source, deps);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, entries.length) }, worker));
  const report: FeedImportReport = { results: [], errors: [], created: 0 };
  for (const outcome of outcomes) {
    if ('code' in outcome) report.errors.push(outcome);
    else {
      report.results.push(outcome);
      if (outcome.status === 'created') report.created += 1;
    }
  }
  return report;
}

async function importEntry(
  key: string,
  entry: FeedEntry,
  feed: Feed,
  source: FeedSource,
  deps: FeedImportDeps,
): Promise<FeedEntryResult | ImportError> {
  const label = entry.title || key;
  // A link-only entry still becomes an article: a link to its page, until the full text is fetched.
  const html =
    entry.html.trim() === '' && entry.link !== null
      ? `<p><a href="${escapeHtml(entry.link)}">${escapeHtml(entry.link)}</a></p>`
      : entry.html;
  let body: PreparedBody;
  try {
    body = await deps.prepare(html, entry.baseUrl);
  } catch (thrown) {
    return importError(label, 'prepare-failed', `sanitizing the entry failed (${errorText(thrown)})`);
  }
  if (body.text.trim() === '' && body.images.length === 0) {
    return importError(label, 'empty-body', 'the entry has no readable text or images once sanitized');
  }
  let article: Article;
  try {
    const title = entry.title || fallbackTitle(body.text, entry.link, source.title);
    const [id, facts] = await Promise.all([
      entryArticleId(entry, key, source.subscriptionId),
      bodyFacts(title, body, feed.lang),
    ]);
    article = buildFeedArticle(entry, { id, title, source: source.title, now: deps.now() }, body, facts);
  } catch (thrown) {
    return importError(label, 'prepare-failed', `building the article failed (${errorText(thrown)})`);
  }
  // The same gate every door has (lib/shared/validate).
  const checked = checkArticleSource(article);
  if (!checked.ok) return importError(label, 'invalid-field', checked.error);
  try {
    const status = await deps.store(article, { hasFullContent: entry.hasFullContent });
    return { key, id: article.id, status, link: entry.link, hasFullContent: entry.hasFullContent };
  } catch (thrown) {
    return importError(label, 'store-failed', `saving the entry failed (${errorText(thrown)})`);
  }
}

/** The stored record for an entry whose id, title and body are decided. */
function buildFeedArticle(
  entry: FeedEntry,
  meta: { id: string; title: string; source: string; now: number },
  body: PreparedBody,
  facts: BodyFacts,
): Article {
  return {
    schema: ARTICLE_SCHEMA,
    id: meta.id,
    url: entry.link,
    title: meta.title,
    author: entry.author,
    source: meta.source,
    categories: categoryList([meta.source, ...entry.categories]),
    tags: [],
    published: entry.published ?? entry.updated,
    savedAt: meta.now,
    updatedAt: meta.now,
    heroImage: body.images[0] ?? null,
    dir: 'ltr',
    origin: 'feed',
    archived: false,
    ...facts,
  };
}

/** A title for an untitled entry (JSON Feed micro-posts, RSS items with only a description). */
function fallbackTitle(text: string, link: string | null, feedTitle: string): string {
  const words = cleanText(text, 60);
  if (words !== '') return Array.from(words).length >= 60 ? `${words}…` : words;
  return link ?? feedTitle;
}
