/**
 * The database's history, one step per version, kept forever: a user may update from any
 * release straight to the latest, and a fresh install runs every step from the first.
 *
 * `migrations[n]` takes the database from version n to n + 1. Steps run in order inside the
 * single versionchange transaction, so either all of them commit or none does (see
 * `db.ts`), and they may await only IndexedDB requests on that transaction: awaiting
 * anything else lets the transaction commit half-way.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { ARTICLE_SCHEMA } from '../model';
import { normalizeLegacyHighlight, splitLegacyArticle, stampLegacyArticle } from './legacy';
import type { GlossaSchema } from './schema';

/**
 * What a step gets to work with. Typed with the latest schema so store and index names are
 * checked, but values read here may be older than that type claims: steps read them as
 * `unknown` and normalize them.
 */
export interface MigrationContext {
  db: IDBPDatabase<GlossaSchema>;
  tx: IDBPTransaction<GlossaSchema, StoreNames<GlossaSchema>[], 'versionchange'>;
}

/** One version step. */
export type Migration = (ctx: MigrationContext) => void | Promise<void>;

/** v0 → v1: articles stored whole (body inline), highlights in their own store. */
function createV1Stores({ db }: MigrationContext): void {
  const articles = db.createObjectStore('articles', { keyPath: 'id' });
  articles.createIndex('bySavedAt', 'savedAt');
  const highlights = db.createObjectStore('highlights', { keyPath: 'id' });
  highlights.createIndex('byArticle', 'articleId');
}

/**
 * v1 → v2: bodies move to their own store so listing 10,000 articles reads no HTML; sync
 * indexes and a `meta` store appear. Every article and highlight is rewritten in the current
 * shape, with defaults for fields older builds did not write.
 */
async function splitBodiesAndAddSyncIndexes({ db, tx }: MigrationContext): Promise<void> {
  db.createObjectStore('bodies', { keyPath: 'id' });
  db.createObjectStore('meta', { keyPath: 'key' });
  const articles = tx.objectStore('articles');
  articles.createIndex('byUrl', 'url');
  articles.createIndex('byUpdatedAt', 'updatedAt');
  const highlights = tx.objectStore('highlights');
  highlights.createIndex('byUpdatedAt', 'updatedAt');

  const bodies = tx.objectStore('bodies');
  const writes: Promise<unknown>[] = [];
  for (let cursor = await articles.openCursor(); cursor; cursor = await cursor.continue()) {
    // The value is a v1 record (meta + body inline), whatever the schema type says.
    const legacy: unknown = cursor.value;
    const { meta, body } = splitLegacyArticle(legacy, cursor.primaryKey);
    writes.push(bodies.put(body), cursor.update(meta));
  }
  for (let cursor = await highlights.openCursor(); cursor; cursor = await cursor.continue()) {
    const legacy: unknown = cursor.value;
    writes.push(cursor.update(normalizeLegacyHighlight(legacy, cursor.primaryKey)));
  }
  await Promise.all(writes);
}

/**
 * v2 → v3: per-field write stamps for sync's merge, on every article and highlight (derived
 * from `updatedAt`, so every device derives the same stamp for the same record); stores for
 * article tombstones, the sync outbox and the search index. No record is dropped.
 */
async function addStampsAndSyncStores({ db, tx }: MigrationContext): Promise<void> {
  db.createObjectStore('tombstones', { keyPath: 'id' });
  db.createObjectStore('outbox', { keyPath: 'key' });
  db.createObjectStore('searchDocs', { keyPath: 'id' });
  const writes: Promise<unknown>[] = [];
  const articles = tx.objectStore('articles');
  for (let cursor = await articles.openCursor(); cursor; cursor = await cursor.continue()) {
    const stored: unknown = cursor.value;
    writes.push(cursor.update(stampLegacyArticle(stored, cursor.primaryKey)));
  }
  const bodies = tx.objectStore('bodies');
  for (let cursor = await bodies.openCursor(); cursor; cursor = await cursor.continue()) {
    writes.push(cursor.update({ ...cursor.value, schema: ARTICLE_SCHEMA }));
  }
  const highlights = tx.objectStore('highlights');
  for (let cursor = await highlights.openCursor(); cursor; cursor = await cursor.continue()) {
    const stored: unknown = cursor.value;
    writes.push(cursor.update(normalizeLegacyHighlight(stored, cursor.primaryKey)));
  }
  await Promise.all(writes);
}

/**
 * v3 → v4: the Trash (deleted articles kept whole, highlights sync overwrote) and the page
 * addresses articles were saved from. New stores only: no record is rewritten.
 */
function addTrashAndAddresses({ db }: MigrationContext): void {
  db.createObjectStore('trash', { keyPath: 'key' }).createIndex('byDeletedAt', 'deletedAt');
  db.createObjectStore('addresses', { keyPath: 'address' }).createIndex('byArticle', 'articleId');
}

/**
 * v4 → v5: saved images. `images` holds each picture's bytes once, keyed by content hash;
 * `imageMaps` holds per article what became of each image it names (and its thumbnail). New
 * stores only: no record is rewritten, and articles saved before get their images fetched by the
 * background's sweep (lib/background/images).
 */
function addImageStores({ db }: MigrationContext): void {
  db.createObjectStore('images', { keyPath: 'hash' });
  const maps = db.createObjectStore('imageMaps', { keyPath: 'articleId' });
  maps.createIndex('byHash', 'hashes', { multiEntry: true });
  maps.createIndex('byNextTry', 'nextTry');
}

/**
 * v5 → v6: feeds. `subscriptions` holds each feed's record and fetch state; `feedArticles` links
 * the articles a feed brought in to it. New stores only: no record is rewritten.
 */
function addFeedStores({ db }: MigrationContext): void {
  db.createObjectStore('subscriptions', { keyPath: 'id' });
  db.createObjectStore('feedArticles', { keyPath: 'articleId' }).createIndex('byFeed', 'feedId');
}

/**
 * v6 → v7: subscriptions sync. `subscriptionTombstones` keeps each unsubscribe's stamp, so a
 * feed removed on one device is not brought back by another. New store only: subscriptions saved
 * before carry no stamps and read as the empty stamp, which every real write beats.
 */
function addSubscriptionTombstones({ db }: MigrationContext): void {
  db.createObjectStore('subscriptionTombstones', { keyPath: 'id' });
}

/** Every step ever shipped, in order. Append only: never edit or remove a shipped step. */
export const migrations: readonly Migration[] = [
  createV1Stores,
  splitBodiesAndAddSyncIndexes,
  addStampsAndSyncStores,
  addTrashAndAddresses,
  addImageStores,
  addFeedStores,
  addSubscriptionTombstones,
];

/** The version a freshly opened database ends up at. */
export const LATEST_VERSION = migrations.length;

/** Runs the steps from `oldVersion` up to `newVersion`, one after the other. */
export async function migrate(ctx: MigrationContext, oldVersion: number, newVersion: number): Promise<void> {
  for (const [index, step] of migrations.slice(oldVersion, newVersion).entries()) {
    try {
      await step(ctx);
    } catch (cause) {
      throw new Error(`Glossa storage: migration to v${oldVersion + index + 1} failed`, { cause });
    }
  }
}
