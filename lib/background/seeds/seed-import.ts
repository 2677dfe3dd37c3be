/**
 * Imports the bundled seed articles into the library. Runs on install and on every update;
 * the importer is idempotent, so an update never duplicates an article and never touches the
 * highlights on it (highlights live in their own store and are not written here).
 */

import { type ImportReport, importSeedFiles } from '../../shared/article/import';
import type { Library } from '../../storage';
import type { HtmlPreparer } from '../html-preparer';
import { bundledSeedFiles } from './bundled-seeds';

/** Meta key remembering which extension version last imported the seeds. */
export const SEEDS_IMPORTED_KEY = 'seeds:importedVersion';

/** Imports every bundled seed file and records the version that did it. */
export async function importBundledSeeds(
  library: Library,
  prepare: HtmlPreparer,
  version: string,
): Promise<ImportReport> {
  const report = await importSeedFiles(bundledSeedFiles(), {
    prepare,
    // A seed the user deleted stays deleted when an update bundles it again.
    store: (article) => library.upsertArticle(article, { keepDeleted: true }),
    now: () => Date.now(),
    origin: 'seed',
  });
  for (const error of report.errors) console.warn(`Glossa: ${error.message}`);
  if (report.errors.length === 0) await library.setMeta(SEEDS_IMPORTED_KEY, version);
  return report;
}
