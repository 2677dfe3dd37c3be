/**
 * The page addresses articles were saved from, when not the article's own URL (its canonical
 * URL lives elsewhere on the site). A page may read and write an article's highlights only from
 * the article's URL or one of these (lib/background/page-access.ts), never by naming a canonical.
 */
import type { IDBPDatabase } from 'idb';
import type { ArticleMeta } from '../model';
import type { GlossaSchema } from './schema';

type Db = IDBPDatabase<GlossaSchema>;

/** Records that the page at `address` was saved as article `articleId`. */
export async function rememberAddress(db: Db, address: string, articleId: string): Promise<void> {
  await db.put('addresses', { address, articleId });
}

/** The article whose URL is `address`, else the one saved from that address, if still there. */
export async function articleAt(db: Db, address: string): Promise<ArticleMeta | undefined> {
  const own = await db.getFromIndex('articles', 'byUrl', address);
  if (own) return own;
  const alias = await db.get('addresses', address);
  return alias ? db.get('articles', alias.articleId) : undefined;
}
