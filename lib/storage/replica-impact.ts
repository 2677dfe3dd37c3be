/**
 * What a batch of replicas from a server would do to the library, counted before anything is
 * written: sync holds a round that would delete or replace a large part of the library until
 * the reader decides (lib/background/sync/engine.ts).
 */
import type { IDBPDatabase } from 'idb';
import { type ArticleSource, mergeArticle } from '../model';
import { articleReplica, type Replica } from './replicas';
import type { GlossaSchema } from './schema';

type Db = IDBPDatabase<GlossaSchema>;

/** What a batch of replicas would do to the library's articles, were it applied. */
export interface ReplicaImpact {
  /** Live local articles it would delete. */
  deletes: number;
  /** Live local articles whose text (source) it would replace. */
  replaces: number;
}

/**
 * Whether `next` replaces the text of `current`: its body, not only its declared hash (a server
 * names the hash it likes).
 */
function replacesText(current: ArticleSource | null, next: ArticleSource): boolean {
  return (
    !current || current.contentHash !== next.contentHash || current.html !== next.html || current.text !== next.text
  );
}

/** Counts, without writing, how many local articles `incoming` would delete or replace. */
export async function previewReplicas(db: Db, incoming: readonly Replica[]): Promise<ReplicaImpact> {
  const articles = incoming.filter((r): r is Extract<Replica, { type: 'article' }> => r.type === 'article');
  const tx = db.transaction(['articles', 'bodies'], 'readonly');
  const impact: ReplicaImpact = { deletes: 0, replaces: 0 };
  const seen = new Set<string>();
  for (const replica of articles) {
    const id = replica.value.id;
    if (seen.has(id)) continue;
    seen.add(id);
    const [meta, body] = await Promise.all([tx.objectStore('articles').get(id), tx.objectStore('bodies').get(id)]);
    if (!meta) continue;
    const local = articleReplica(meta, body);
    const merged = mergeArticle(local, replica.value);
    if (merged.deleted.value || !merged.source.value) impact.deletes++;
    else if (replacesText(local.source.value, merged.source.value)) impact.replaces++;
  }
  await tx.done;
  return impact;
}
