/**
 * Imports a batch of seed-format files into the library. Runs in the background (an MV3 service
 * worker has no DOM), so sanitizing is injected as `prepare` — done in an offscreen document or
 * extension page — and saving as `store`. Each file stands alone: whatever goes wrong with one
 * (bad front matter, a throwing sanitizer, a failing store) is reported for that file and the
 * rest of the batch carries on.
 */

import type { Article, ArticleOrigin, UpsertOutcome } from '../../model';
import { errorText } from '../error-text';
import { checkArticleSource } from '../validate/article';
import { buildArticle } from './build-article';
import { parseSeedFile } from './front-matter';
import type { ImportError } from './import-error';
import { importError } from './import-error';
import type { PreparedBody } from './sanitize';

/** What the store did with an article: new record, changed record, or nothing to change. */
export type StoreOutcome = UpsertOutcome;

/** One file of a batch: its name (for messages) and its text. */
export interface SeedFile {
  name: string;
  text: string;
}

/** What the importer needs from its host; injected so the importer itself needs no DOM or IDB. */
export interface SeedImportDeps {
  /** Sanitizes a body (see `sanitizeArticleHtml`); may run in another context, hence async. */
  prepare: (html: string) => Promise<PreparedBody> | PreparedBody;
  /** Saves an article, deciding from its id and contentHash whether it is new, changed or the same. */
  store: (article: Article) => Promise<StoreOutcome>;
  /** Clock, in epoch milliseconds (injected for tests). */
  now: () => number;
  /** Recorded on every article; defaults to `'seed'`. */
  origin?: ArticleOrigin;
}

/** A file that was imported. */
export interface ImportResult {
  file: string;
  id: string;
  status: StoreOutcome;
}

/** The outcome of a batch: one entry per file, in either `results` or `errors`. */
export interface ImportReport {
  results: ImportResult[];
  errors: ImportError[];
}

/** Files prepared at once: enough to overlap the asynchronous steps (hashing, a remote `prepare`). */
const IMPORT_CONCURRENCY = 64;
/**
 * Articles handed to the store and not yet committed: a worker goes on to its next file while
 * the store commits, so parsing and sanitizing overlap IndexedDB's commits instead of waiting
 * for them; the cap bounds the memory held by articles waiting to be written.
 */
const MAX_UNCOMMITTED = 256;

/**
 * Imports every file it can, a bounded number at a time, and reports the rest (in file order).
 * Never rejects.
 */
export async function importSeedFiles(files: readonly SeedFile[], deps: SeedImportDeps): Promise<ImportReport> {
  const outcomes: Array<ImportResult | ImportError> = new Array(files.length);
  const uncommitted = new Set<Promise<void>>();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i];
      if (!file) continue;
      const prepared = await prepareOne(file, deps);
      if ('code' in prepared) {
        outcomes[i] = prepared;
        continue;
      }
      while (uncommitted.size >= MAX_UNCOMMITTED) await Promise.race(uncommitted);
      const index = i;
      const stored: Promise<void> = storeOne(file.name, prepared, deps).then((outcome) => {
        outcomes[index] = outcome;
        uncommitted.delete(stored);
      });
      uncommitted.add(stored);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IMPORT_CONCURRENCY, files.length) }, worker));
  while (uncommitted.size > 0) await Promise.race(uncommitted);
  const report: ImportReport = { results: [], errors: [] };
  for (const outcome of outcomes) {
    if ('code' in outcome) report.errors.push(outcome);
    else report.results.push(outcome);
  }
  return report;
}

/** A file parsed, sanitized, built and checked into the article to store, or why not. */
async function prepareOne(file: SeedFile, deps: SeedImportDeps): Promise<Article | ImportError> {
  const parsed = parseSeedFile(file.name, file.text);
  if (!parsed.ok) return parsed.error;
  const post = parsed.value;

  let body: PreparedBody;
  try {
    const prepared: unknown = await deps.prepare(post.body);
    if (!isPreparedBody(prepared)) {
      return importError(file.name, 'prepare-failed', 'sanitizing the body returned an unexpected shape');
    }
    body = prepared;
  } catch (thrown) {
    return importError(file.name, 'prepare-failed', `sanitizing the body failed (${errorText(thrown)})`);
  }
  if (body.text.trim() === '' && body.images.length === 0) {
    return importError(file.name, 'empty-body', 'the body has no readable text or images once sanitized');
  }

  let article: Article;
  try {
    article = await buildArticle(post, body, { now: deps.now(), origin: deps.origin ?? 'seed' });
  } catch (thrown) {
    return importError(file.name, 'prepare-failed', `building the article failed (${errorText(thrown)})`);
  }
  // The same gate every door has (lib/shared/validate): what an import stores, sync would accept.
  const checked = checkArticleSource(article);
  return checked.ok ? article : importError(file.name, 'invalid-field', checked.error);
}

/** Stores one article; never rejects (a failing store is that file's error). */
async function storeOne(name: string, article: Article, deps: SeedImportDeps): Promise<ImportResult | ImportError> {
  try {
    return { file: name, id: article.id, status: await deps.store(article) };
  } catch (thrown) {
    return importError(name, 'store-failed', `saving the article failed (${errorText(thrown)})`);
  }
}

/** `prepare` may answer across a message boundary, so its result is checked, not trusted. */
function isPreparedBody(value: unknown): value is PreparedBody {
  if (typeof value !== 'object' || value === null) return false;
  const { html, text, images } = value as Record<string, unknown>;
  return (
    typeof html === 'string' &&
    typeof text === 'string' &&
    Array.isArray(images) &&
    images.every((src) => typeof src === 'string')
  );
}
