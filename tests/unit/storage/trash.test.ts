/**
 * Issue 14, finding 3: nothing deleted is lost for 30 days. A deleted article — by the reader
 * here, or by a sync server or peer (forged future stamps included) — keeps its body and its
 * highlights in the Trash and comes back whole, its restore winning over the delete; a highlight
 * whose note a newer document blanked keeps its former note; entries older than 30 days go.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { format } from '../../../lib/model';
import { articleReplica, highlightReplica, type Library, openLibrary, TRASH_DAYS } from '../../../lib/storage';
import { makeArticle, makeHighlight, uniqueDbName } from '../../support/library';

let library: Library;
beforeEach(async () => {
  library = await openLibrary({ name: uniqueDbName() });
});
afterEach(() => library.close());

const DAY = 24 * 60 * 60 * 1000;

/** `value`, or a failed test when it is missing. */
function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

/** A stamp `ms` after now, as a hostile server would forge it (within the accepted skew). */
const ahead = (ms: number) => format({ wall: Date.now() + ms, counter: 0, node: 'evil' });

describe('the Trash', () => {
  it('keeps an article the reader deleted, with body and highlights, and restores it whole', async () => {
    await library.upsertArticle(makeArticle({ id: 'a', html: '<p>全文</p>', text: '全文' }));
    await library.putHighlight(makeHighlight({ id: 'h', articleId: 'a', note: '我的笔记' }));
    await library.deleteArticle('a');
    expect(await library.getArticle('a')).toBeUndefined();
    const [entry] = await library.listTrash();
    expect(entry).toMatchObject({ key: 'a:a', kind: 'article', by: 'local', highlightIds: ['h'] });
    expect(entry?.kind === 'article' && entry.body.text).toBe('全文');

    expect(await library.restoreFromTrash('a:a')).toBe(true);
    expect(await library.getArticle('a')).toMatchObject({ id: 'a', text: '全文' });
    expect((await library.listHighlights('a')).map((h) => h.note)).toEqual(['我的笔记']);
    expect(await library.listTrash()).toEqual([]);
    expect((await library.allTombstones()).map((t) => t.id)).toEqual([]);
    // The restore is a new local edit: it is queued to reach the other devices.
    expect((await library.pendingOutbox(10)).map((e) => e.key).sort()).toEqual(['a:a', 'h:h']);
  });

  it('keeps an article a sync server deleted with a forged future stamp; the restore still wins', async () => {
    await library.upsertArticle(makeArticle({ id: 'a' }));
    const local = articleReplica(present(await library.getArticleMeta('a')), {
      schema: 2,
      id: 'a',
      html: '<p>Body of a</p>',
      text: 'Body of a',
    });
    await library.applyReplicas([
      { type: 'article', value: { ...local, deleted: { value: true, stamp: ahead(3 * 60 * 60 * 1000) } } },
    ]);
    expect(await library.getArticleMeta('a')).toBeUndefined();
    expect((await library.listTrash()).map((e) => [e.key, e.by])).toEqual([['a:a', 'sync']]);

    await library.restoreFromTrash('a:a');
    const restored = await library.getArticleMeta('a');
    expect(restored?.id).toBe('a');
    // Its "not deleted" is stamped after the forged delete, so every device converges on it.
    expect((restored?.stamps?.deleted ?? '') > ahead(0)).toBe(true);
  });

  it('keeps a highlight whose note a newer document blanked, and brings the note back', async () => {
    await library.upsertArticle(makeArticle({ id: 'a' }));
    await library.putHighlight(makeHighlight({ id: 'h', articleId: 'a', note: '重要的想法' }));
    const mine = highlightReplica(present(await library.getHighlight('h')));
    await library.applyReplicas([{ type: 'highlight', value: { ...mine, note: { value: '', stamp: ahead(60_000) } } }]);
    expect((await library.getHighlight('h'))?.note).toBe('');
    const [entry] = await library.listTrash();
    expect(entry?.kind === 'highlight' && entry.highlight.note).toBe('重要的想法');
    await library.restoreFromTrash('h:h');
    expect((await library.getHighlight('h'))?.note).toBe('重要的想法');
  });

  it('purges entries older than 30 days, and only those', async () => {
    const now = Date.now();
    await library.upsertArticle(makeArticle({ id: 'old' }));
    await library.upsertArticle(makeArticle({ id: 'new' }));
    await library.deleteArticle('old', now - (TRASH_DAYS + 1) * DAY);
    await library.deleteArticle('new', now - DAY);
    expect(await library.purgeTrash(now)).toBe(1);
    expect((await library.listTrash()).map((e) => e.key)).toEqual(['a:new']);
  });
});
