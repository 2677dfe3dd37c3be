/** The panel's writes go to the library with their clock moved on; undo revives the same record. */
import { describe, expect, it } from 'vitest';
import { newHighlight } from '../../../../lib/model';
import { openLibrary } from '../../../../lib/storage';
import { recolor, remove, renote, restore } from '../../../../lib/ui/side-panel/edits';
import { makeArticle } from '../../../support/library';

const ARTICLE = 'a_0123456789abcdef01234567';

async function setUp() {
  const library = await openLibrary();
  await library.upsertArticle(makeArticle({ id: ARTICLE }));
  const h = newHighlight(ARTICLE, [{ type: 'TextQuoteSelector', exact: '停火线', prefix: '', suffix: '' }], 'yellow', {
    now: 1_000,
  });
  await library.putHighlight(h);
  return { library, h };
}

describe('side panel edits', () => {
  it('changes colour and note, each with a later updatedAt', async () => {
    const { library, h } = await setUp();
    const green = await recolor(library, h.id, 'green');
    expect(green?.color).toBe('green');
    expect(green?.updatedAt).toBeGreaterThan(h.updatedAt);
    await renote(library, h.id, '  过境点 **重开**  ');
    const stored = await library.getHighlight(h.id);
    expect(stored).toMatchObject({ color: 'green', note: '过境点 **重开**', deleted: false });
    library.close();
  });

  it('deletes as a tombstone and undo brings back the same record with its note', async () => {
    const { library, h } = await setUp();
    await renote(library, h.id, '笔记');
    expect((await remove(library, h.id))?.id).toBe(h.id);
    expect(await library.listHighlights(ARTICLE)).toEqual([]);
    expect((await library.getHighlight(h.id))?.deleted).toBe(true);
    expect(await remove(library, h.id)).toBeUndefined();
    await restore(library, h.id);
    expect((await library.listHighlights(ARTICLE)).map((x) => [x.id, x.note])).toEqual([[h.id, '笔记']]);
    library.close();
  });

  it('answers undefined for a highlight that does not exist', async () => {
    const { library } = await setUp();
    expect(await recolor(library, 'missing', 'blue')).toBeUndefined();
    expect(await renote(library, 'missing', 'x')).toBeUndefined();
    library.close();
  });
});
