/**
 * Article reads and writes. Meta and body live in separate stores and every write that
 * touches both does so in one transaction, so a reader never sees a meta without its body.
 */
import { type IDBPDatabase, unwrap } from 'idb';
import { ARTICLE_SCHEMA, type Article, type ArticleBody, type ArticleMeta, type UpsertOutcome } from '../model';
import { maxStamp } from './highlights';
import { decodePageCursor, encodePageCursor } from './page-cursor';
import type { GlossaSchema } from './schema';
import { outboxKey, stampArticle, txStamper } from './stamping';
import type { Page } from './types';

type Db = IDBPDatabase<GlossaSchema>;

/** Options for {@link upsertArticles}. */
export interface UpsertOptions {
  /**
   * Leave an article alone when the user deleted it (a bundled seed on update): answers
   * `deleted-before`. Without it, saving again brings a deleted article back.
   */
  keepDeleted?: boolean;
}

/**
 * Who owns each meta field. `satisfies` makes adding a field to ArticleMeta a compile error
 * here until someone decides whether a re-import may overwrite it.
 */
const FIELD_OWNER = {
  schema: 'storage',
  id: 'storage',
  updatedAt: 'storage',
  stamps: 'storage',
  savedAt: 'user',
  tags: 'user',
  archived: 'user',
  url: 'source',
  title: 'source',
  author: 'source',
  source: 'source',
  categories: 'source',
  published: 'source',
  heroImage: 'source',
  lang: 'source',
  dir: 'source',
  charCount: 'source',
  readingMinutes: 'source',
  origin: 'source',
  contentHash: 'source',
  excerpt: 'source',
} as const satisfies Record<keyof ArticleMeta, 'storage' | 'user' | 'source'>;

const SOURCE_FIELDS = (Object.keys(FIELD_OWNER) as (keyof ArticleMeta)[]).filter(
  (field) => FIELD_OWNER[field] === 'source',
);

/** Equality for meta values, which are primitives or arrays of strings. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** Splits a whole article into its two records. */
function splitArticle(article: Article): { meta: ArticleMeta; body: ArticleBody } {
  const { html, text, ...meta } = article;
  return { meta: { ...meta, schema: ARTICLE_SCHEMA }, body: { schema: ARTICLE_SCHEMA, id: article.id, html, text } };
}

/**
 * Saves an imported or extracted article. An unknown id is created; a known id with the same
 * content hash and source metadata is left alone (no write, so re-importing 10,000 seeds is
 * cheap); otherwise the source fields and body are replaced while the user's savedAt, tags
 * and archived state are kept. Highlights live elsewhere and are never touched here.
 */
export async function upsertArticle(db: Db, article: Article, options: UpsertOptions = {}): Promise<UpsertOutcome> {
  const [outcome] = await upsertArticles(db, [article], options);
  if (!outcome) throw new Error('upsert produced no outcome');
  return outcome;
}

/**
 * {@link upsertArticle} for several articles in one transaction: a commit costs Chromium's
 * IndexedDB milliseconds, so an import of 1,000 articles should not pay it 1,000 times.
 * All or nothing: if the transaction fails, none of the batch is written.
 */
export async function upsertArticles(
  db: Db,
  batch: readonly Article[],
  options: UpsertOptions = {},
): Promise<UpsertOutcome[]> {
  const tx = db.transaction(['articles', 'bodies', 'meta', 'outbox', 'tombstones'], 'readwrite');
  const clock = txStamper(tx);
  const articles = tx.objectStore('articles');
  const bodies = tx.objectStore('bodies');
  const tombstones = tx.objectStore('tombstones');
  const outcomes: UpsertOutcome[] = [];
  // Every read of the batch in flight at once: one round trip to the database, not two per
  // article (a bulk import waited on them more than it worked). An id met twice in one batch
  // sees what its first occurrence wrote.
  const stored = await Promise.all(batch.map((a) => Promise.all([articles.get(a.id), tombstones.get(a.id)] as const)));

  const written = new Map<string, ArticleMeta>();
  for (const [i, article] of batch.entries()) {
    const { meta, body } = splitArticle(article);
    const existing = written.get(article.id) ?? stored[i]?.[0];
    if (!existing) {
      const tombstone = stored[i]?.[1];
      if (tombstone && options.keepDeleted) {
        outcomes.push('deleted-before');
        continue;
      }
      outcomes.push('created');
      // Saving a deleted article again is a later write than its delete: its stamps say so.
      if (tombstone) await clock.observe(tombstone.stamp);
      if (tombstone) void tombstones.delete(article.id);
      // A seed (keepDeleted) never revives; the user's own save does, here or on a peer.
      const stamps = await stampArticle(clock, undefined, { revive: !options.keepDeleted });
      void articles.put({ ...meta, stamps });
      written.set(article.id, { ...meta, stamps });
      void bodies.put(body);
      clock.queue(outboxKey('article', article.id), maxStamp(stamps));
    } else if (SOURCE_FIELDS.every((field) => sameValue(existing[field], meta[field]))) {
      outcomes.push('unchanged');
    } else {
      outcomes.push('updated');
      const stamps = await stampArticle(clock, existing, { source: true });
      const next: ArticleMeta = {
        ...existing,
        ...meta,
        savedAt: existing.savedAt,
        tags: existing.tags,
        archived: existing.archived,
        stamps,
        // Never backwards: sync compares updatedAt, and an older import is still a change.
        updatedAt: Math.max(existing.updatedAt, meta.updatedAt),
      };
      void articles.put(next);
      written.set(article.id, next);
      if (existing.contentHash !== meta.contentHash) void bodies.put(body);
      clock.queue(outboxKey('article', article.id), maxStamp(stamps));
    }
  }
  await tx.done;
  return outcomes;
}

/**
 * A whole article, for the reader. A meta whose body is missing (which no code path writes)
 * comes back with an empty body rather than vanishing from the user's library.
 */
export async function getArticle(db: Db, id: string): Promise<Article | undefined> {
  const tx = db.transaction(['articles', 'bodies'], 'readonly');
  const [meta, body] = await Promise.all([tx.objectStore('articles').get(id), tx.objectStore('bodies').get(id)]);
  if (!meta) return undefined;
  return { ...meta, html: body?.html ?? '', text: body?.text ?? '' };
}

/** Just the meta: enough for a list row or a "saved already?" check, without the body. */
export function getArticleMeta(db: Db, id: string): Promise<ArticleMeta | undefined> {
  return db.get('articles', id);
}

/** The article saved from this exact URL, if any (ids derive from canonical URLs, so at most one). */
export function findArticleByUrl(db: Db, url: string): Promise<ArticleMeta | undefined> {
  return db.getFromIndex('articles', 'byUrl', url);
}

/** How many articles the library holds. */
export function countArticles(db: Db): Promise<number> {
  return db.count('articles');
}

/** Paging request for {@link listArticles}. */
export interface ListArticlesOptions {
  /** Page size, at least 1. */
  limit: number;
  /** The `next` of the previous page; omit for the first page. */
  cursor?: string | null;
}

/**
 * One page of the library, newest savedAt first (ties: id descending). Walks the `bySavedAt`
 * index and stops after `limit` + 1 records, so cost grows with the page, not the library.
 */
export async function listArticles(db: Db, options: ListArticlesOptions): Promise<Page<ArticleMeta>> {
  const { limit } = options;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Glossa storage: bad page limit ${limit}`);
  const after = options.cursor ? decodePageCursor(options.cursor) : undefined;
  const index = db.transaction('articles', 'readonly').store.index('bySavedAt');
  if (!after) {
    const first = await firstPageInOneRequest(unwrap(index), limit);
    if (first) return first;
  }
  let cursor = await index.openCursor(after ? IDBKeyRange.upperBound(after.savedAt) : null, 'prev');
  if (after) {
    // Jump over the records that share the last page's savedAt but sort before its id.
    if (cursor && cursor.key === after.savedAt && cursor.primaryKey > after.id) {
      cursor = await cursor.continuePrimaryKey(after.savedAt, after.id);
    }
    // Land past the last item itself (unless it was deleted meanwhile).
    if (cursor && cursor.key === after.savedAt && cursor.primaryKey === after.id) cursor = await cursor.continue();
  }
  const items: ArticleMeta[] = [];
  while (cursor && items.length < limit) {
    items.push(cursor.value);
    cursor = await cursor.continue();
  }
  const last = items.at(-1);
  const next = cursor && last ? encodePageCursor({ savedAt: last.savedAt, id: last.id }) : null;
  return { items, next };
}

/** `IDBIndex.getAllRecords` (IndexedDB 3.x): present in current Chromium, absent elsewhere. */
interface RecordsIndex {
  getAllRecords?: (options: { count: number; direction: 'prev' }) => IDBRequest<{ value: ArticleMeta }[]>;
}

/**
 * The popup's first page in a single request, where the browser can: walking a cursor costs a
 * round trip per article, which was most of the popup's first paint. `null` when unsupported.
 */
function firstPageInOneRequest(index: IDBIndex, limit: number): Promise<Page<ArticleMeta> | null> {
  const getAllRecords = (index as IDBIndex & RecordsIndex).getAllRecords;
  if (typeof getAllRecords !== 'function') return Promise.resolve(null);
  const request = getAllRecords.call(index, { count: limit + 1, direction: 'prev' });
  return new Promise((resolve, reject) => {
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const items = request.result.slice(0, limit).map((record) => record.value);
      const last = items.at(-1);
      const more = request.result.length > limit && last;
      resolve({ items, next: more ? encodePageCursor({ savedAt: last.savedAt, id: last.id }) : null });
    };
  });
}
