/**
 * A migration that throws half-way must leave the old database exactly as it was: the
 * versionchange transaction is aborted, not committed with some records rewritten.
 */
import { describe, expect, it, vi } from 'vitest';
import { openLibrary } from '../../../lib/storage';
import { openGlossaDb } from '../../../lib/storage/db';
import { makeArticle, uniqueDbName } from '../../support/library';
import { putRaw, readRaw } from '../../support/raw-idb';

vi.mock('../../../lib/storage/legacy', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../lib/storage/legacy')>();
  return {
    ...actual,
    splitLegacyArticle: (value: unknown, id: string) => {
      if (id === 'poison') throw new Error('cannot split poison');
      return actual.splitLegacyArticle(value, id);
    },
  };
});

describe('a failing migration', () => {
  it('rejects the open and keeps the v1 database and all its records untouched', async () => {
    const name = uniqueDbName();
    (await openGlossaDb({ name, version: 1 })).close();
    const records = [makeArticle({ id: 'a-first' }), makeArticle({ id: 'poison' }), makeArticle({ id: 'z-last' })];
    await putRaw(name, 'articles', records);

    await expect(openLibrary({ name })).rejects.toThrow('migration to v2 failed');

    const after = await readRaw(name, 'articles');
    expect(after.version).toBe(1);
    expect(after.stores.sort()).toEqual(['articles', 'highlights']);
    expect(after.records).toEqual(records);
  });
});
