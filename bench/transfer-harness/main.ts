/**
 * Transfer benchmark page: builds a large library in the browser's real IndexedDB from the
 * corpus posts (imported once with the real importer, then copied under new ids), and times
 * Glossa's real exporters and importer on it for bench/suites/transfer.mjs.
 */

import { HIGHLIGHT_COLORS, HIGHLIGHT_SCHEMA, type Highlight } from '../../lib/model';
import { describeOffsets } from '../../lib/shared/anchoring';
import { importSeedFiles } from '../../lib/shared/article/import';
import { sanitizeArticleDom, sanitizeArticleHtml } from '../../lib/shared/article/sanitize';
import { type Library, openLibrary, type Replica } from '../../lib/storage';
import { articleReplica, highlightReplica } from '../../lib/storage/replicas';
import { exportLibrary, type LibraryFormat } from '../../lib/ui/export';
import { importFiles } from '../../lib/ui/import';

/** What bench/suites/transfer.mjs calls. */
export interface TransferBenchApi {
  /** Builds `count` articles with `perArticle` highlights each into database `dbName`. */
  build(
    posts: { name: string; text: string }[],
    count: number,
    perArticle: number,
    dbName: string,
  ): Promise<{ ms: number; articles: number; highlights: number }>;
  /** Exports the whole library of `dbName`; a backup is kept for {@link importBackup}. */
  exportAll(dbName: string, format: LibraryFormat): Promise<{ ms: number; bytes: number }>;
  /** Imports the last backup into `dbName` (empty or not). */
  importBackup(dbName: string): Promise<{ ms: number; changed: number; articles: number; ok: boolean }>;
}

let lastBackup = '';
const BATCH = 500;

async function withLibrary<T>(dbName: string, run: (library: Library) => Promise<T>): Promise<T> {
  const library = await openLibrary({ name: dbName });
  try {
    return await run(library);
  } finally {
    library.close();
  }
}

const api: TransferBenchApi = {
  build: (posts, count, perArticle, dbName) =>
    withLibrary(dbName, async (library) => {
      const start = performance.now();
      const staging = await openLibrary({ name: `${dbName}-staging` });
      const report = await importSeedFiles(posts, {
        prepare: (html) => sanitizeArticleHtml(html, window),
        store: (article) => staging.upsertArticle(article),
        now: () => 1_700_000_000_000,
        origin: 'seed',
      });
      const originals = (await Promise.all(report.results.map((r) => staging.getArticle(r.id)))).filter(
        (a) => a !== undefined,
      );
      staging.close();
      let replicas: Replica[] = [];
      let highlights = 0;
      const flush = async () => {
        await library.applyReplicas(replicas);
        replicas = [];
      };
      for (let i = 0; i < count; i++) {
        const source = originals[i % originals.length];
        if (!source) throw new Error('no corpus articles');
        const id = `a_${i.toString(16).padStart(24, '0')}`;
        const { html, text, ...meta } = source;
        const article = {
          ...meta,
          id,
          url: null,
          title: `${source.title} #${i}`,
          savedAt: 1_700_000_000_000 + i * 1000,
          updatedAt: 1_700_000_000_000 + i * 1000,
          tags: i % 7 === 0 ? ['bench', `t${i % 13}`] : [],
          archived: i % 11 === 0,
        };
        replicas.push({ type: 'article', value: articleReplica(article, { schema: meta.schema, id, html, text }) });
        const flat = text.replace(/\s+/g, ' ').trim();
        for (let k = 0; k < perArticle && flat.length > 40; k++) {
          const from = Math.floor(((k + 1) * flat.length) / (perArticle + 2));
          const h: Highlight = {
            schema: HIGHLIGHT_SCHEMA,
            id: `${id.slice(2, 10)}-0000-4000-8000-${(i * 16 + k).toString(16).padStart(12, '0')}`,
            articleId: id,
            kind: 'highlight',
            selectors: describeOffsets({ text: flat }, from, from + 12),
            color: HIGHLIGHT_COLORS[(i + k) % HIGHLIGHT_COLORS.length] ?? 'yellow',
            note: k % 2 === 0 ? `note ${i}.${k}` : '',
            createdAt: article.savedAt + k,
            updatedAt: article.savedAt + k,
            deleted: (i + k) % 10 === 0,
          };
          replicas.push({ type: 'highlight', value: highlightReplica(h) });
          highlights += 1;
        }
        if (replicas.length >= BATCH) await flush();
      }
      await flush();
      return { ms: performance.now() - start, articles: await library.countArticles(), highlights };
    }),

  exportAll: (dbName, format) =>
    withLibrary(dbName, async (library) => {
      const start = performance.now();
      const file = await exportLibrary(format, library, { settings: null });
      // The download is a Blob of the parts; building it is part of exporting.
      const blob = new Blob(file.parts, { type: file.type });
      const ms = performance.now() - start;
      if (format === 'backup') lastBackup = await blob.text();
      return { ms, bytes: blob.size };
    }),

  importBackup: (dbName) =>
    withLibrary(dbName, async (library) => {
      // The file's bytes, as a picked file holds them; decoding them is part of the import.
      const bytes = new TextEncoder().encode(lastBackup);
      const start = performance.now();
      const [result] = await importFiles([{ name: 'backup.json', arrayBuffer: async () => bytes.buffer }], library, {
        prepare: (html) => sanitizeArticleHtml(html, window),
        articleRoot: (html) => sanitizeArticleDom(html, window).root,
        now: () => Date.now(),
      });
      const ms = performance.now() - start;
      const ok = result?.ok === true && result.kind === 'backup';
      return {
        ms,
        ok,
        changed: ok && result.kind === 'backup' ? result.changed : -1,
        articles: await library.countArticles(),
      };
    }),
};

(window as unknown as { glossaTransferBench: TransferBenchApi }).glossaTransferBench = api;
document.title = 'ready';
