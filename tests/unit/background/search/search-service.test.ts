/**
 * The background's search service over a small library (the bundled seed, a few hand-made
 * articles, highlights and notes): Chinese words inside sentences, case and width, ranking by
 * field with the snippet from that field, updates after an edit or a removal, and persistence —
 * a restarted service rebuilds from the entries alone and catches up with what changed while
 * it was not running.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { asDocData, SEARCH_DOC_FORMAT, SearchService, SNAPSHOT_ID } from '../../../../lib/background/search';
import { SEED_PATH } from '../../../support/corpus';
import { makeArticle, makeHighlight } from '../../../support/library';
import { splitFrontMatter } from '../../../support/page-corpus';
import { FakeStore } from '../../../support/search-store';

const SEED_TITLE = '华盛顿与基辅就莫斯科危机进行磋商并指责俄罗斯继续向乌克兰军事集结';
const seedBody = (() => {
  const { body } = splitFrontMatter(readFileSync(SEED_PATH, 'utf8').replace(/^\s+/, ''));
  return new DOMParser().parseFromString(body, 'text/html').body.textContent ?? '';
})();

function library(): FakeStore {
  const store = new FakeStore();
  const add = (id: string, title: string, text: string) =>
    store.articles.set(id, makeArticle({ id, title, text, contentHash: `hash-${text.length}-${title}` }));
  add('seed', SEED_TITLE, seedBody);
  add('title', '量子计算的新进展', '研究人员公布了一项成果。');
  add('note', '一篇普通的文章', '这里谈的是天气。');
  add('body', '另一篇文章', '据报道，量子计算公司今年获得了新的投资。');
  add('width', 'Ｗｉｄｔｈ test', 'ＡＢＣ公司发布了全新产品，售价１２３４元。Memory Leak found.');
  store.highlights.set(
    'h1',
    makeHighlight({
      id: 'h1',
      articleId: 'note',
      selectors: [{ type: 'TextQuoteSelector', exact: '天气', prefix: '谈的是', suffix: '。' }],
      note: '想起了量子计算的课程',
    }),
  );
  return store;
}

const ids = (hits: { articleId: string }[]) => hits.map((h) => h.articleId);

describe('SearchService', () => {
  let store: FakeStore;
  let service: SearchService;
  beforeEach(async () => {
    store = library();
    service = new SearchService(store);
    await service.start();
  });

  it('finds 乌克兰 in the seed, ranked by its title', async () => {
    const { hits, total } = await service.query('乌克兰');
    expect(total).toBe(1);
    expect(hits[0]).toMatchObject({ articleId: 'seed', title: SEED_TITLE, field: 'title' });
    expect(hits[0]?.snippet).toContain('乌克兰');
  });

  it('finds a word from the middle of a Chinese sentence, with the sentence as snippet', async () => {
    // The seed says “…开通顿巴斯地区停火线过境点…”: 停火线 is in no title and no note.
    expect(seedBody).toContain('地区停火线过境点');
    const { hits } = await service.query('停火线');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ articleId: 'seed', field: 'body' });
    expect(hits[0]?.snippet).toContain('停火线');
    expect((await service.query('克罗地亚')).hits.map((h) => h.articleId)).toEqual(['seed']);
  });

  it('ignores case and width (全角 / 半角), digits included', async () => {
    for (const query of [
      'abc',
      'ABC',
      'ＡＢＣ',
      'ａｂｃ',
      '1234',
      '１２３４',
      'WIDTH',
      'memory leak',
      'ＭＥＭＯＲＹ ＬＥＡＫ',
    ]) {
      expect(ids((await service.query(query)).hits), query).toEqual(['width']);
    }
  });

  it('ranks title hits first, then highlight and note hits, then body hits, each snippet from its field', async () => {
    const { hits } = await service.query('量子计算');
    expect(hits.map((h) => [h.articleId, h.field])).toEqual([
      ['title', 'title'],
      ['note', 'annotations'],
      ['body', 'body'],
    ]);
    expect(hits[0]?.snippet).toBe('量子计算的新进展');
    expect(hits[1]?.snippet).toBe('想起了量子计算的课程');
    expect(hits[2]?.snippet).toContain('量子计算公司');
  });

  it('re-indexes one article after a note changes: found by the new word, not the old', async () => {
    const before = store.puts.length;
    const h1 = store.highlights.get('h1');
    if (!h1) throw new Error('fixture');
    store.highlights.set('h1', { ...h1, note: '改成了关于火山的笔记', updatedAt: 3_000 });
    await service.update(await service.articlesOfHighlights(['h1']));
    expect(ids((await service.query('火山')).hits)).toEqual(['note']);
    expect(ids((await service.query('量子计算')).hits)).toEqual(['title', 'body']);
    // One write, of that one article's entry.
    expect(store.puts.slice(before).map((batch) => batch.map((r) => r.id))).toEqual([['note']]);
  });

  it('finds an article by the words of its page note, and forgets them once it is deleted', async () => {
    expect((await service.query('地缘政治')).total).toBe(0);
    const page = makeHighlight({
      id: 'page',
      articleId: 'body',
      kind: 'page-note',
      selectors: [],
      note: '整篇读下来，关键是**地缘政治**的变化',
    });
    store.highlights.set('page', page);
    await service.update(await service.articlesOfHighlights(['page']));
    const { hits } = await service.query('地缘政治');
    expect(hits).toMatchObject([{ articleId: 'body', field: 'annotations' }]);
    expect(hits[0]?.snippet).toContain('地缘政治');
    store.highlights.set('page', { ...page, deleted: true, updatedAt: 3_000 });
    await service.update(await service.articlesOfHighlights(['page']));
    expect((await service.query('地缘政治')).total).toBe(0);
  });

  it('forgets a removed article and its entry, and a deleted highlight', async () => {
    store.articles.delete('body');
    await service.update(['body']);
    expect(ids((await service.query('量子计算')).hits)).toEqual(['title', 'note']);
    expect(store.docs.has('body')).toBe(false);
    const h1 = store.highlights.get('h1');
    if (!h1) throw new Error('fixture');
    store.highlights.set('h1', { ...h1, deleted: true });
    await service.update(await service.articlesOfHighlights(['h1']));
    expect(ids((await service.query('量子计算')).hits)).toEqual(['title']);
  });

  it('rebuilds from its entries alone, answering exactly as the fresh index did', async () => {
    const queries = ['乌克兰', '停火线', '量子计算', 'abc', 'memory leak', '的', 'memo'];
    const fresh = await Promise.all(queries.map((q) => service.query(q, 100)));
    const reads = store.bodyReads.length;
    const restarted = new SearchService(store);
    expect(await restarted.start()).toEqual({ loaded: 5, indexed: 0, removed: 0 });
    // Loading read no article: bodies are neither read nor tokenized again.
    expect(store.bodyReads.length).toBe(reads);
    const again = await Promise.all(queries.map((q) => restarted.query(q, 100)));
    expect(again).toEqual(fresh);
  });

  it('catches up on start with what changed while it was not running', async () => {
    store.articles.set('new', makeArticle({ id: 'new', title: '新来的', text: '关于停火线的另一篇报道。' }));
    store.articles.delete('body');
    const h1 = store.highlights.get('h1');
    if (!h1) throw new Error('fixture');
    store.highlights.set('h1', { ...h1, note: '火山' });
    store.docs.set('title', {
      ...(store.docs.get('title') ?? { id: 'title', data: null }),
      format: SEARCH_DOC_FORMAT + 1,
    });
    const restarted = new SearchService(store);
    // Loaded: seed, note, body, width (title's entry has an unknown format); indexed again:
    // new, note (its note changed) and title; removed: body.
    expect(await restarted.start()).toEqual({ loaded: 4, indexed: 3, removed: 1 });
    expect(ids((await restarted.query('停火线')).hits).sort()).toEqual(['new', 'seed']);
    expect(ids((await restarted.query('量子计算')).hits)).toEqual(['title']);
    expect(ids((await restarted.query('火山')).hits)).toEqual(['note']);
    expect([...store.docs.keys()].sort()).toEqual(['new', 'note', 'seed', 'title', 'width']);
  });

  it('persists changes made before the first query, and the load picks them up', async () => {
    const cold = new SearchService(store);
    store.articles.set('late', makeArticle({ id: 'late', title: 'Late', text: '迟到的文章谈到内存泄漏。' }));
    await cold.update(['late']);
    expect(store.docs.has('late')).toBe(true);
    expect(ids((await cold.query('内存')).hits)).toEqual(['late']);
  });
});

describe('SearchService with a snapshot of the index', () => {
  const QUERIES = ['乌克兰', '停火线', '量子计算', 'abc', 'memory leak', '的', 'memo'];
  const bodyOf = (store: FakeStore, id: string) => asDocData(store.docs.get(id)?.data)?.body;
  let store: FakeStore;
  beforeEach(() => {
    store = library();
  });

  it('indexes a big first start in bulk, then a restart loads the snapshot without reading a body', async () => {
    const first = new SearchService(store, { journalMin: 2 });
    expect(await first.start()).toEqual({ loaded: 0, indexed: 5, removed: 0 });
    expect(store.docs.has(SNAPSHOT_ID)).toBe(true);
    // Entries hold titles and notes only: the snapshot has the terms.
    for (const id of ['seed', 'title', 'note', 'body', 'width']) expect(bodyOf(store, id)).toBeNull();
    const fresh = await Promise.all(QUERIES.map((q) => first.query(q, 100)));
    const reads = store.bodyReads.length;
    const restarted = new SearchService(store, { journalMin: 2 });
    expect(await restarted.start()).toEqual({ loaded: 5, indexed: 0, removed: 0 });
    expect(store.bodyReads.length).toBe(reads);
    expect(await Promise.all(QUERIES.map((q) => restarted.query(q, 100)))).toEqual(fresh);
  });

  it('replays entries changed since the snapshot, and snapshots again once they outgrow the journal', async () => {
    const first = new SearchService(store, { journalMin: 2 });
    await first.start();
    const h1 = store.highlights.get('h1');
    if (!h1) throw new Error('fixture');
    store.highlights.set('h1', { ...h1, note: '火山' });
    await first.update(['note']);
    expect(bodyOf(store, 'note')).not.toBeNull();
    const restarted = new SearchService(store, { journalMin: 2 });
    expect(await restarted.start()).toEqual({ loaded: 5, indexed: 0, removed: 0 });
    expect(ids((await restarted.query('火山')).hits)).toEqual(['note']);
    expect(ids((await restarted.query('量子计算')).hits)).toEqual(['title', 'body']);

    // Two more changed articles: three in the journal, over its limit of two.
    for (const id of ['title', 'body']) {
      const article = store.articles.get(id);
      if (!article) throw new Error('fixture');
      store.articles.set(id, {
        ...article,
        text: `${article.text}又提到了火山。`,
        contentHash: `${article.contentHash}+`,
      });
    }
    await restarted.update(['title', 'body']);
    for (const id of ['note', 'title', 'body']) expect(bodyOf(store, id)).toBeNull();
    const again = new SearchService(store, { journalMin: 2 });
    expect(await again.start()).toEqual({ loaded: 5, indexed: 0, removed: 0 });
    expect(ids((await again.query('火山')).hits).sort()).toEqual(['body', 'note', 'title']);
  });

  it('re-indexes what a lost or unreadable snapshot held', async () => {
    const first = new SearchService(store, { journalMin: 2 });
    await first.start();
    const fresh = await Promise.all(QUERIES.map((q) => first.query(q, 100)));
    store.docs.set(SNAPSHOT_ID, { id: SNAPSHOT_ID, format: 1, data: { ids: 'garbled' } });
    const restarted = new SearchService(store, { journalMin: 2 });
    expect(await restarted.start()).toEqual({ loaded: 0, indexed: 5, removed: 0 });
    expect(await Promise.all(QUERIES.map((q) => restarted.query(q, 100)))).toEqual(fresh);
  });
});
