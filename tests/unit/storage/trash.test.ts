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
    const [gone] = await library.listTrash();
    expect([gone?.key, gone?.by]).toEqual([expect.stringMatching(/^a:a@/), 'sync']);

    await library.restoreFromTrash(gone?.key ?? '');
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
    await library.restoreFromTrash(entry?.key ?? '');
    expect((await library.getHighlight('h'))?.note).toBe('重要的想法');
  });

  it('a note replaced twice by sync keeps both former versions: the second never hides the first', async () => {
    await library.upsertArticle(makeArticle({ id: 'a' }));
    await library.putHighlight(makeHighlight({ id: 'h', articleId: 'a', note: '我自己的话' }));
    const mine = highlightReplica(present(await library.getHighlight('h')));
    await library.applyReplicas([
      { type: 'highlight', value: { ...mine, note: { value: 'x', stamp: ahead(60_000) } } },
    ]);
    await library.applyReplicas([
      { type: 'highlight', value: { ...mine, note: { value: 'y', stamp: ahead(120_000) } } },
    ]);
    const kept = (await library.listTrash()).map((e) => (e.kind === 'highlight' ? e.highlight.note : ''));
    expect(kept.sort()).toEqual(['x', '我自己的话'].sort());
  });

  it('keeps the text sync replaced, even under an unchanged hash, and restoring brings it back', async () => {
    await library.upsertArticle(makeArticle({ id: 'a' }));
    const meta = present(await library.getArticleMeta('a'));
    const body = present(await library.getArticle('a')).html;
    const local = articleReplica(meta, { schema: 2, id: 'a', html: body, text: 'Body of a' });
    const source = local.source.value;
    if (!source) throw new Error('no source');
    // The server keeps the declared hash but swaps the words.
    const forged = { ...source, html: '<p>Replaced</p>', text: 'Replaced' };
    const forgedStamp = ahead(60_000);
    const incoming = { ...local, source: { value: forged, stamp: forgedStamp } };
    expect(await library.previewReplicas([{ type: 'article', value: incoming }])).toEqual({ deletes: 0, replaces: 1 });
    await library.applyReplicas([{ type: 'article', value: incoming }]);
    expect((await library.getArticle('a'))?.text).toBe('Replaced');
    const [entry] = await library.listTrash();
    expect(entry).toMatchObject({ kind: 'article', by: 'sync', replaced: true });
    await library.restoreFromTrash(entry?.key ?? '');
    const back = await library.getArticle('a');
    expect(back?.html).toBe(body);
    // The restore is the reader's own edit, stamped after the server's.
    expect(((await library.getArticleMeta('a'))?.stamps?.source ?? '') > forgedStamp).toBe(true);
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
