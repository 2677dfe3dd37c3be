/**
 * Local writes are stamped field by field and queued for sync in the same transaction; records
 * from a peer or a backup are merged in without ever replacing a newer local edit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { format } from '../../../lib/model';
import { type Library, openLibrary } from '../../../lib/storage';
import { highlightReplica } from '../../../lib/storage/replicas';
import { makeArticle, makeHighlight, uniqueDbName } from '../../support/library';

let library: Library;
afterEach(() => library?.close());

async function fresh(): Promise<Library> {
  library = await openLibrary({ name: uniqueDbName() });
  return library;
}

describe('stamped local writes', () => {
  it('restamps only the fields an edit changes, and queues the record once', async () => {
    const lib = await fresh();
    await lib.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1' }));
    const first = await lib.getHighlight('h1');
    expect(first?.stamps).toBeDefined();
    await lib.putHighlight({ ...(first as NonNullable<typeof first>), note: 'a note' });
    const second = await lib.getHighlight('h1');
    expect(second?.stamps?.color).toBe(first?.stamps?.color);
    expect((second?.stamps?.note ?? '') > (first?.stamps?.note ?? '')).toBe(true);
    expect(await lib.pendingOutbox(10)).toEqual([{ key: 'h:h1', stamp: second?.stamps?.note }]);
    // Writing the same values again is not a change.
    await lib.putHighlight({ ...(second as NonNullable<typeof second>) });
    expect((await lib.getHighlight('h1'))?.stamps).toEqual(second?.stamps);
  });

  it('ignores stamps a caller passes in: only the library clock stamps local edits', async () => {
    const lib = await fresh();
    const forged = { color: 'z', note: 'z', selectors: 'z', deleted: 'z' };
    await lib.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1', stamps: forged }));
    expect((await lib.getHighlight('h1'))?.stamps?.color).not.toBe('z');
  });

  it('acknowledging a push keeps an entry that changed again during it', async () => {
    const lib = await fresh();
    await lib.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1' }));
    const sent = await lib.pendingOutbox(10);
    await lib.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1', color: 'green' }));
    await lib.ackOutbox(sent);
    expect(await lib.countOutbox()).toBe(1);
    await lib.ackOutbox(await lib.pendingOutbox(10));
    expect(await lib.countOutbox()).toBe(0);
  });

  it('deleting an article leaves a tombstone; a seed update keeps it deleted, a re-save revives it', async () => {
    const lib = await fresh();
    const article = makeArticle({ id: 'a1' });
    await lib.upsertArticle(article);
    await lib.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1' }));
    await lib.deleteArticle('a1');
    expect((await lib.allTombstones()).map((t) => t.id)).toEqual(['a1']);
    expect((await lib.getHighlight('h1'))?.deleted).toBe(true);
    expect(await lib.upsertArticle(article, { keepDeleted: true })).toBe('deleted-before');
    expect(await lib.getArticleMeta('a1')).toBeUndefined();
    expect(await lib.upsertArticle(article)).toBe('created');
    const revived = await lib.getArticleMeta('a1');
    const tombstoneStamp = (await lib.readReplicas(['a:a1'])).get('a:a1');
    expect(revived?.stamps?.deleted).toBeDefined();
    expect(tombstoneStamp?.value.deleted.value).toBe(false);
    expect(await lib.allTombstones()).toEqual([]);
  });

  it('tags and archived are stamped apart from the source', async () => {
    const lib = await fresh();
    await lib.upsertArticle(makeArticle({ id: 'a1' }));
    const before = await lib.getArticleMeta('a1');
    await lib.updateArticleFields('a1', { tags: ['x'] });
    const after = await lib.getArticleMeta('a1');
    expect(after?.stamps?.source).toBe(before?.stamps?.source);
    expect((after?.stamps?.tags ?? '') > (before?.stamps?.tags ?? '')).toBe(true);
    expect(after?.stamps?.archived).toBe(before?.stamps?.archived);
  });
});

describe('applyReplicas', () => {
  it('keeps a newer local edit, takes an older-record field that is newer, and is idempotent', async () => {
    const lib = await fresh();
    await lib.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1' }));
    const base = highlightReplica(
      (await lib.getHighlight('h1')) as NonNullable<Awaited<ReturnType<Library['getHighlight']>>>,
    );
    await lib.ackOutbox(await lib.pendingOutbox(10));
    // A peer changed the note (older stamp than our next colour edit, newer than creation).
    const peer = { ...base, note: { value: 'from peer', stamp: `${base.note.stamp.slice(0, 22)}zzz` } };
    await lib.putHighlight({ ...makeHighlight({ id: 'h1', articleId: 'a1' }), color: 'pink' });
    const outcome = await lib.applyReplicas([{ type: 'highlight', value: peer }]);
    const merged = await lib.getHighlight('h1');
    expect(merged?.color).toBe('pink');
    expect(merged?.note).toBe('from peer');
    expect(outcome).toEqual({ changed: ['h:h1'], ahead: ['h:h1'] });
    const again = await lib.applyReplicas([{ type: 'highlight', value: peer }]);
    expect(again.changed).toEqual([]);
    expect(await lib.getHighlight('h1')).toEqual(merged);
  });

  it('a later local edit stamps after every stamp it has seen, even one from a clock ahead', async () => {
    const lib = await fresh();
    await lib.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1' }));
    const base = highlightReplica(
      (await lib.getHighlight('h1')) as NonNullable<Awaited<ReturnType<Library['getHighlight']>>>,
    );
    // A peer whose clock runs an hour ahead (within the accepted skew).
    const future = format({ wall: Date.now() + 3_600_000, counter: 5, node: 'peer' });
    await lib.applyReplicas([{ type: 'highlight', value: { ...base, color: { value: 'blue', stamp: future } } }]);
    await lib.putHighlight({
      ...((await lib.getHighlight('h1')) as NonNullable<Awaited<ReturnType<Library['getHighlight']>>>),
      color: 'green',
    });
    const after = await lib.getHighlight('h1');
    expect(after?.color).toBe('green');
    expect((after?.stamps?.color ?? '') > future).toBe(true);
  });
});
