/** Writes through the library are announced to other contexts; unchanged re-imports are not. */
import { describe, expect, it } from 'vitest';
import { type LibraryChange, onLibraryChange, onSubscriptionsChange, openLibrary } from '../../../lib/storage';
import { makeArticle, makeHighlight } from '../../support/library';

/** Collects announcements for a moment (BroadcastChannel delivers asynchronously). */
async function collect(run: () => Promise<void>): Promise<LibraryChange[]> {
  const seen: LibraryChange[] = [];
  const stop = onLibraryChange((c) => seen.push(c));
  await run();
  await new Promise((r) => setTimeout(r, 50));
  stop();
  return seen;
}

describe('library change announcements', () => {
  it('announces created and updated articles and highlight writes, not unchanged upserts', async () => {
    const lib = await openLibrary({ name: 'changes-test' });
    const article = makeArticle({ id: 'a1' });
    const seen = await collect(async () => {
      await lib.upsertArticle(article);
      await lib.upsertArticle(article); // unchanged: no announcement
      await lib.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1' }));
      await lib.deleteHighlight('h1', 5);
    });
    expect(seen).toEqual([
      { store: 'articles', ids: ['a1'] },
      { store: 'highlights', ids: ['h1'] },
      { store: 'highlights', ids: ['h1'] },
    ]);
    lib.close();
  });
});

describe('subscription change announcements', () => {
  it('announces subscriptions a sync applied (the feeds scheduler moves its alarm), not unchanged ones', async () => {
    const lib = await openLibrary({ name: 'changes-test-subscriptions' });
    const replica = {
      type: 'subscription' as const,
      value: {
        id: 's_feed1',
        url: 'https://example.com/feed.xml',
        intervalMinutes: { value: 60, stamp: '001700000000000-000000-abc' },
        fullText: { value: false, stamp: '001700000000000-000000-abc' },
        deleted: { value: false, stamp: '001700000000000-000000-abc' },
      },
    };
    let announced = 0;
    const stop = onSubscriptionsChange(() => announced++);
    await lib.applyReplicas([replica]);
    await lib.applyReplicas([replica]); // unchanged: no announcement
    await new Promise((r) => setTimeout(r, 50));
    stop();
    expect(announced).toBe(1);
    expect((await lib.listSubscriptions()).map((s) => s.url)).toEqual(['https://example.com/feed.xml']);
    lib.close();
  });
});
