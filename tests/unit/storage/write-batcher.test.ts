/** Upserts made together share one transaction, and one failing article costs only itself. */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../lib/model';
import { openLibrary } from '../../../lib/storage';
import { batchedUpsert } from '../../../lib/storage/write-batcher';
import { makeArticle } from '../../support/library';

describe('batchedUpsert', () => {
  it('combines concurrent calls into one batch and answers each caller', async () => {
    const batches: string[][] = [];
    const upsert = batchedUpsert(async (batch) => {
      batches.push(batch.map((a) => a.id));
      return batch.map(() => 'created' as const);
    });
    const outcomes = await Promise.all(['a', 'b', 'c'].map((id) => upsert(makeArticle({ id }))));
    expect(outcomes).toEqual(['created', 'created', 'created']);
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('retries each article alone when the combined write fails, so only the bad one fails', async () => {
    const upsert = batchedUpsert(async (batch: readonly Article[]) => {
      if (batch.some((a) => a.id === 'bad')) throw new Error('DataCloneError');
      return batch.map(() => 'created' as const);
    });
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((id) => upsert(makeArticle({ id }))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('through the real library, a batch of new and repeated articles reports each outcome', async () => {
    const lib = await openLibrary({ name: 'batch-test' });
    const first = makeArticle({ id: 'x1' });
    await lib.upsertArticle(first);
    const outcomes = await Promise.all([lib.upsertArticle(first), lib.upsertArticle(makeArticle({ id: 'x2' }))]);
    expect(outcomes).toEqual(['unchanged', 'created']);
    expect(await lib.countArticles()).toBe(2);
    lib.close();
  });

  it('an article met twice in one batch: the second sees the first (reads are made once, up front)', async () => {
    const lib = await openLibrary({ name: 'batch-test-twice' });
    const v1 = makeArticle({ id: 'y1', html: '<p>第一版</p>', text: '第一版', contentHash: 'h1' });
    const v2 = makeArticle({ id: 'y1', html: '<p>第二版</p>', text: '第二版', contentHash: 'h2' });
    const outcomes = await Promise.all([lib.upsertArticle(v1), lib.upsertArticle(v2), lib.upsertArticle(v2)]);
    expect(outcomes).toEqual(['created', 'updated', 'unchanged']);
    expect((await lib.getArticle('y1'))?.text).toBe('第二版');
    expect(await lib.countArticles()).toBe(1);
    lib.close();
  });
});
