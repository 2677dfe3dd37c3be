/**
 * A batch with bad files in it: each bad file is reported by name with a reason, the good ones
 * import, and nothing executable survives sanitizing.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeArticleDom, sanitizeArticleHtml } from '../../../../lib/shared/article/sanitize';
import { exportBackup } from '../../../../lib/ui/export';
import { type FileResult, importFiles } from '../../../../lib/ui/import';
import { readCorpus } from '../../../support/corpus';
import { dangerousMarkup } from '../../../support/html-safety';
import { asImportFile } from '../../../support/import-file';
import { corpusFiles, emptyLibrary, fullLibrary } from '../../../support/library-fixture';

const deps = {
  prepare: (html: string) => sanitizeArticleHtml(html, window),
  articleRoot: (html: string) => sanitizeArticleDom(html, window).root,
  now: () => 1_800_000_000_000,
};

/** Hostile files the seed importer refuses, and why; every other one imports (and is then safe). */
const REFUSED: Record<string, string> = {
  'bad-yaml.md': 'bad-yaml',
  'binary-garbage.md': 'binary',
  'empty-body.md': 'empty-body',
  'js-front-matter.md': 'unsupported-front-matter-language',
  'mxss-noscript.md': 'empty-body',
  'unclosed-front-matter.md': 'unclosed-front-matter',
  'wrong-types.md': 'invalid-field',
  'yaml-alias-loop.md': 'invalid-field',
};

describe('importing a batch with bad files', () => {
  it('names each bad file and its reason, imports the rest, and keeps no script', async () => {
    const source = await fullLibrary();
    const backup = (await exportBackup(source.library, { settings: null })).parts.join('');
    source.library.close();
    const future = backup.replace('"version":1', '"version":99');
    const hostile = readCorpus('hostile');
    const [post] = corpusFiles().slice(3, 4);
    if (!post) throw new Error('corpus');
    const files = [
      asImportFile('broken.json', '{"format": "glossa-backup", "version": 1, "articles": ['),
      asImportFile('future.json', future),
      asImportFile('other.json', '{"hello": "world"}'),
      asImportFile('no-lists.json', '{"format": "glossa-backup", "version": 1}'),
      asImportFile('backup.json', backup),
      ...hostile.map((f) => asImportFile(f.name, f.text)),
      asImportFile(post.name, post.text),
      asImportFile('notes.md', '# My notes\n\nSome **plain** Markdown <script>alert(1)</script>.\n'),
      { name: 'unreadable.md', arrayBuffer: () => Promise.reject(new Error('permission denied')) },
    ];
    const library = await emptyLibrary();
    const progress: number[] = [];
    const results = await importFiles(files, library, deps, (p) => progress.push(p.done));
    const byName = new Map<string, FileResult>(results.map((r) => [r.file, r]));
    expect(results.map((r) => r.file)).toEqual(files.map((f) => f.name));
    expect(progress.at(-1)).toBe(files.length);

    const failed = (name: string) => {
      const r = byName.get(name);
      return r && !r.ok ? { code: r.code, named: r.message.startsWith(`${name}: `) } : r;
    };
    expect(failed('broken.json')).toEqual({ code: 'bad-json', named: true });
    expect(failed('future.json')).toEqual({ code: 'unsupported-version', named: true });
    expect(failed('other.json')).toEqual({ code: 'unknown-format', named: true });
    expect(failed('no-lists.json')).toEqual({ code: 'invalid-backup', named: true });
    expect(failed('unreadable.md')).toEqual({ code: 'unreadable', named: true });
    expect(byName.get('backup.json')).toMatchObject({ ok: true, kind: 'backup', articles: 7, highlights: 10 });
    expect(byName.get(post.name)).toMatchObject({ ok: true, kind: 'article' });
    expect(byName.get('notes.md')).toMatchObject({ ok: true, kind: 'article', title: 'My notes' });
    for (const f of hostile) {
      const expected = REFUSED[f.name];
      if (expected) expect(failed(f.name)).toEqual({ code: expected, named: true });
      else expect(byName.get(f.name)).toMatchObject({ ok: true, kind: 'article' });
    }

    // Nothing executable was stored, from any file.
    const metas = await library.allArticleMetas();
    expect(metas.length).toBeGreaterThan(20);
    for (const meta of metas) {
      const article = await library.getArticle(meta.id);
      if (meta.origin === 'file') expect(dangerousMarkup(article?.html ?? '')).toEqual([]);
      expect(article?.html).not.toMatch(/<script|onerror=|javascript:/i);
    }
    const notes = metas.find((m) => m.title === 'My notes');
    expect((await library.getArticle(notes?.id ?? ''))?.html).toBe(
      '<p>Some <strong>plain</strong> Markdown &lt;script&gt;alert(1)&lt;/script&gt;.</p>',
    );
    library.close();
  });
});
