/**
 * Combines article upserts that arrive together (an import keeps several in flight) into one
 * IndexedDB transaction, flushed on the next macrotask. Callers keep the one-article API and
 * their own outcome; if a combined transaction fails, each article is retried alone, so one
 * bad record never costs the others.
 */

import type { Article, UpsertOutcome as Outcome } from '../model';

interface Pending {
  article: Article;
  resolve: (outcome: Outcome) => void;
  reject: (reason: unknown) => void;
}

/** Returns an upsert function that batches calls made close together. */
export function batchedUpsert(
  writeBatch: (batch: readonly Article[]) => Promise<Outcome[]>,
): (a: Article) => Promise<Outcome> {
  let pending: Pending[] = [];

  const flush = async () => {
    const batch = pending;
    pending = [];
    try {
      const outcomes = await writeBatch(batch.map((p) => p.article));
      for (const [i, p] of batch.entries()) p.resolve(outcomes[i] ?? 'unchanged');
    } catch {
      for (const p of batch) {
        await writeBatch([p.article]).then(([outcome]) => p.resolve(outcome ?? 'unchanged'), p.reject);
      }
    }
  };

  return (article) =>
    new Promise<Outcome>((resolve, reject) => {
      if (pending.length === 0) setTimeout(() => void flush(), 0);
      pending.push({ article, resolve, reject });
    });
}
