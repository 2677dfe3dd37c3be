/**
 * The background's search wiring: requests are validated before anything runs, and a change
 * announced by any context reaches the index after a short delay, in one batch.
 */
import { describe, expect, it } from 'vitest';
import { CHANGE_DELAY_MS, installSearch, validateSearchRequest } from '../../../../lib/background/search/background';
import { INVALID } from '../../../../lib/shared/messaging';
import { announceChange } from '../../../../lib/storage/changes';
import { makeArticle, makeHighlight } from '../../../support/library';
import { FakeStore } from '../../../support/search-store';

describe('validateSearchRequest', () => {
  it('accepts a query of up to 500 characters and a limit of 1 to 100', () => {
    expect(validateSearchRequest({ query: '乌克兰' })).toEqual({ query: '乌克兰' });
    expect(validateSearchRequest({ query: '', limit: 1 })).toEqual({ query: '', limit: 1 });
    expect(validateSearchRequest({ query: 'x'.repeat(500), limit: 100 })).toEqual({
      query: 'x'.repeat(500),
      limit: 100,
    });
  });

  it.each([
    null,
    'text',
    {},
    { query: 7 },
    { query: 'x'.repeat(501) },
    { query: 'a', limit: 0 },
    { query: 'a', limit: 101 },
    { query: 'a', limit: 2.5 },
    { query: 'a', limit: '10' },
  ])('refuses %j', (payload) => {
    expect(validateSearchRequest(payload)).toBe(INVALID);
  });
});

describe('installSearch', () => {
  const sender = { id: 'test' };

  it('indexes what other contexts announce, in one batch after a short delay', async () => {
    const store = new FakeStore();
    const handler = installSearch(Promise.resolve(store));
    const ask = (query: string) => handler.handle({ query }, sender);
    expect((await ask('停火线')).total).toBe(0);

    store.articles.set('a', makeArticle({ id: 'a', title: '报道', text: '双方沿停火线交火。' }));
    store.articles.set('b', makeArticle({ id: 'b', title: 'Report', text: 'Nothing to see.' }));
    announceChange({ store: 'articles', ids: ['a'] });
    announceChange({ store: 'articles', ids: ['b'] });
    await new Promise((resolve) => setTimeout(resolve, CHANGE_DELAY_MS * 3));
    expect((await ask('停火线')).hits.map((h) => h.articleId)).toEqual(['a']);
    expect(store.puts.map((batch) => batch.map((r) => r.id).sort())).toEqual([['a', 'b']]);

    store.highlights.set('h', makeHighlight({ id: 'h', articleId: 'b', note: 'ceasefire line' }));
    announceChange({ store: 'highlights', ids: ['h'] });
    await new Promise((resolve) => setTimeout(resolve, CHANGE_DELAY_MS * 3));
    const { hits } = await ask('ceasefire');
    expect(hits).toMatchObject([{ articleId: 'b', field: 'annotations', snippet: 'ceasefire line' }]);
  });
});
