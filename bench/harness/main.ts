/**
 * Benchmark harness page: exposes Glossa's real library code (importer, sanitizer, storage on
 * the browser's real IndexedDB) to bench/run.mjs, which drives it in headless Chromium.
 */
import { importSeedFiles } from '../../lib/shared/article/import';
import { sanitizeArticleHtml } from '../../lib/shared/article/sanitize';
import { openLibrary } from '../../lib/storage';

/** What bench/run.mjs calls. */
export interface BenchApi {
  /** Imports `files` into a fresh database `dbName`; answers elapsed ms and counts. */
  importFiles: (
    files: { name: string; text: string }[],
    dbName: string,
  ) => Promise<{ ms: number; created: number; errors: number; firstError?: string }>;
}

const api: BenchApi = {
  async importFiles(files, dbName) {
    const library = await openLibrary({ name: dbName });
    const start = performance.now();
    const report = await importSeedFiles(files, {
      prepare: (html) => sanitizeArticleHtml(html, window),
      store: (article) => library.upsertArticle(article),
      now: () => Date.now(),
      origin: 'file',
    });
    const ms = performance.now() - start;
    library.close();
    return {
      ms,
      created: report.results.filter((r) => r.status === 'created').length,
      errors: report.errors.length,
      firstError: report.errors[0]?.message,
    };
  },
};

(window as unknown as { glossaBench: BenchApi }).glossaBench = api;
document.title = 'ready';
