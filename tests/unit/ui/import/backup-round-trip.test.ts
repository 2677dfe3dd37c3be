/**
 * The JSON backup loses nothing: exported from a library that uses every feature and imported
 * into an empty one, every record comes back equal (colours, notes, tags, timestamps, stamps,
 * tombstones); importing it again changes nothing; and an edit made after the backup survives
 * importing it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sanitizeArticleDom, sanitizeArticleHtml } from '../../../../lib/shared/article/sanitize';
import { lastHighlightColor, loadLastColor } from '../../../../lib/shared/settings/highlight-prefs';
import { loadReaderPrefs, readerPrefs } from '../../../../lib/shared/settings/reader-prefs';
import type { Library } from '../../../../lib/storage';
import { exportBackup, readBackupSettings } from '../../../../lib/ui/export';
import { type FileImportDeps, importFiles } from '../../../../lib/ui/import';
import { restoreSettings } from '../../../../lib/ui/import/settings';
import { asImportFile } from '../../../support/import-file';
import { emptyLibrary, fullLibrary, snapshot } from '../../../support/library-fixture';

const open: Library[] = [];
afterEach(() => {
  for (const library of open.splice(0)) library.close();
});

const deps: FileImportDeps = {
  prepare: (html) => sanitizeArticleHtml(html, window),
  articleRoot: (html) => sanitizeArticleDom(html, window).root,
  now: () => 1_800_000_000_000,
  restoreSettings,
};

async function backupOf(library: Library): Promise<string> {
  const file = await exportBackup(library, { settings: await readBackupSettings(), now: 1_750_000_000_000 });
  return file.parts.join('');
}

describe('JSON backup round trip', () => {
  it('restores an identical library into an empty one, settings included', async () => {
    const full = await fullLibrary();
    open.push(full.library);
    await readerPrefs.setValue({ ...(await loadReaderPrefs()), theme: 'sepia', fontSize: 22 });
    await lastHighlightColor.setValue('purple');
    const before = await snapshot(full.library);
    // Every feature is really in the source library.
    expect(before.articles.length).toBe(7);
    expect(before.tombstones.map((t) => t.id)).toEqual([full.deletedArticleId]);
    expect(before.highlights.length).toBe(10);
    expect(new Set(before.highlights.map((h) => h.color))).toEqual(
      new Set(['yellow', 'green', 'blue', 'pink', 'purple']),
    );
    expect(before.highlights.filter((h) => h.deleted).map((h) => h.id)).toEqual([full.deletedHighlightId]);
    expect(before.highlights.some((h) => h.kind === 'paragraph-note')).toBe(true);
    expect(before.highlights.every((h) => h.stamps !== undefined)).toBe(true);
    const seed = before.articles.find((a) => a?.id === full.seedId);
    expect(seed).toMatchObject({ tags: ['乌克兰', 'to read'], archived: true });
    expect(seed?.categories).toEqual(['新媒体', 'Aljazeera 半岛网', '新闻']);

    const text = await backupOf(full.library);
    JSON.parse(text); // one valid JSON document
    fakeBrowser.reset(); // a new device: no settings yet
    const restored = await emptyLibrary();
    open.push(restored);
    const progress: number[] = [];
    const [result] = await importFiles([asImportFile('glossa-backup.json', text)], restored, deps, (p) =>
      progress.push(p.done / p.total),
    );
    expect(result).toMatchObject({
      ok: true,
      kind: 'backup',
      articles: 7,
      highlights: 10,
      tombstones: 1,
      skipped: 0,
      settings: 2,
    });
    expect(progress.at(-1)).toBe(1);
    expect(await snapshot(restored)).toEqual(before);
    expect(await loadReaderPrefs()).toMatchObject({ theme: 'sepia', fontSize: 22 });
    expect(await loadLastColor()).toBe('purple');
  });

  it('importing the same backup twice changes nothing', async () => {
    const full = await fullLibrary();
    open.push(full.library);
    const text = await backupOf(full.library);
    const target = await emptyLibrary();
    open.push(target);
    const [first] = await importFiles([asImportFile('b.json', text)], target, deps);
    const once = await snapshot(target);
    const [second] = await importFiles([asImportFile('b.json', text)], target, deps);
    expect(first).toMatchObject({ ok: true, changed: 18 });
    expect(second).toMatchObject({ ok: true, changed: 0 });
    expect(await snapshot(target)).toEqual(once);
    // And into the library it came from: nothing changes either.
    const [home] = await importFiles([asImportFile('b.json', text)], full.library, deps);
    expect(home).toMatchObject({ ok: true, changed: 0 });
  });

  it('never overwrites an edit made after the backup, nor brings back what was deleted since', async () => {
    const full = await fullLibrary();
    const { library, seedId } = full;
    open.push(library);
    const old = await backupOf(library);
    // After the backup: recolour and re-note a highlight, retag an article, delete a highlight.
    const [first, second] = (await library.listHighlights(seedId)).filter((h) => h.kind === 'highlight');
    if (!first || !second) throw new Error('fixture has highlights');
    await library.putHighlight({
      ...first,
      color: 'pink',
      note: 'edited after the backup',
      updatedAt: first.updatedAt + 1,
    });
    await library.updateArticleFields(seedId, { tags: ['newer'] });
    await library.deleteHighlight(second.id);
    const edited = await snapshot(library);

    const [result] = await importFiles([asImportFile('old.json', old)], library, deps);
    expect(result).toMatchObject({ ok: true, changed: 0 });
    expect(await snapshot(library)).toEqual(edited);
    expect(await library.getHighlight(first.id)).toMatchObject({ color: 'pink', note: 'edited after the backup' });
    expect((await library.getArticleMeta(seedId))?.tags).toEqual(['newer']);
    expect((await library.getHighlight(second.id))?.deleted).toBe(true);
  });

  it('keeps the settings this device already chose', async () => {
    await readerPrefs.setValue({ ...(await loadReaderPrefs()), theme: 'dark' });
    const restored = await restoreSettings({
      readerPrefs: { theme: 'sepia', fontSize: 26 },
      lastHighlightColor: 'green',
    });
    expect(restored).toBe(1);
    expect((await loadReaderPrefs()).theme).toBe('dark');
    expect(await loadLastColor()).toBe('green');
    expect(await restoreSettings({ readerPrefs: 'nonsense', lastHighlightColor: 'octarine' })).toBe(0);
  });
});
