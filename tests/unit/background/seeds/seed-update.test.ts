/**
 * Issue 2: re-running the seed import on update creates no duplicate and never touches the
 * user's highlights on that article — checked with the real importer and the real library.
 */
import { describe, expect, it } from 'vitest';
import { bundledSeedFiles } from '../../../../lib/background/seeds/bundled-seeds';
import { HIGHLIGHT_SCHEMA, type Highlight } from '../../../../lib/model';
import { importSeedFiles } from '../../../../lib/shared/article/import';
import { sanitizeArticleHtml } from '../../../../lib/shared/article/sanitize';
import { openLibrary } from '../../../../lib/storage';
import { unstampedAll } from '../../../support/library';

describe('seed import on update', () => {
  it('imports once, then reports unchanged and leaves the highlight and savedAt alone', async () => {
    const lib = await openLibrary({ name: 'seed-update' });
    let clock = 1_000;
    const deps = {
      prepare: (html: string) => sanitizeArticleHtml(html, window),
      store: (a: Parameters<typeof lib.upsertArticle>[0]) => lib.upsertArticle(a),
      now: () => clock,
    };
    const first = await importSeedFiles(bundledSeedFiles(), deps);
    expect(first.errors).toEqual([]);
    const id = first.results[0]?.id ?? '';
    expect(first.results.map((r) => r.status)).toEqual(['created']);
    const highlight: Highlight = {
      schema: HIGHLIGHT_SCHEMA,
      id: '3f1c9a52-0b7e-4d2a-9c1e-5a6b7c8d9e0f',
      articleId: id,
      kind: 'highlight',
      selectors: [{ type: 'TextQuoteSelector', exact: '乌克兰', prefix: '美国总统拜登与', suffix: '总统泽连斯基' }],
      color: 'yellow',
      note: '注意',
      createdAt: 1_500,
      updatedAt: 1_500,
      deleted: false,
    };
    await lib.putHighlight(highlight);

    clock = 9_000; // the update runs later
    const second = await importSeedFiles(bundledSeedFiles(), deps);
    expect(second.results).toEqual([{ file: first.results[0]?.file, id, status: 'unchanged' }]);
    expect(await lib.countArticles()).toBe(1);
    expect((await lib.getArticleMeta(id))?.savedAt).toBe(1_000);
    expect(unstampedAll(await lib.listHighlights(id))).toEqual([highlight]);
    lib.close();
  });
});
