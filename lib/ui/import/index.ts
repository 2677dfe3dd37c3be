/**
 * Importing files the user picks: Glossa backups (merged), Markdown articles (the seed's Hexo
 * format or plain Markdown), and W3C / Hypothesis annotation files (attached to the articles
 * they quote). Files are handled one at a time, each in its own try, so one bad file gets its own
 * named error and the rest import. Progress counts files, with a backup's merge in between.
 */
import { importSeedFiles } from '../../shared/article/import';
import type { PreparedBody } from '../../shared/article/sanitize';
import { errorText } from '../../shared/error-text';
import type { Library } from '../../storage';
import type { OnProgress } from '../export/types';
import { type AnnotationTarget, type AttachDeps, attachAnnotations } from './annotations';
import { readAnnotations } from './annotations-parse';
import { type BackupTarget, checkBackup, isBackup, mergeBackup } from './backup';
import { checkBackupImages, type ImageTarget, restoreBackupImages } from './backup-images';
import { decodeFileText } from './file-text';
import { isGlossaMarkdownExport, toSeedFile } from './markdown-file';
import { type FileResult, failure } from './report';

export type { FileFailure, FileResult, TransferErrorCode } from './report';

/** A picked file: a DOM `File` is one. Its bytes are read, not `text()` (see file-text.ts). */
export interface ImportFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What importing writes to and reads from the library. */
export type ImportTarget = BackupTarget & AnnotationTarget & ImageTarget & Pick<Library, 'upsertArticle'>;

/** What importing needs from its host (a page with a DOM). */
export interface FileImportDeps extends AttachDeps {
  /** Sanitizes an article body (`sanitizeArticleHtml`). */
  prepare: (html: string) => Promise<PreparedBody> | PreparedBody;
  /** Restores a backup's settings (`restoreSettings`); answers how many it set. Absent: none. */
  restoreSettings?: (settings: unknown) => Promise<number>;
  /** Sanitizes a backup's SVG picture (`sanitizeSvg`); absent: SVG pictures are skipped. */
  sanitizeSvg?: (svg: string) => string | null;
}

/** Largest JSON file read (a 10,000-article backup is ~40 MB). */
export const MAX_JSON_CHARS = 512 * 1024 * 1024;

const JSON_NAME = /\.(?:json|jsonld)$/i;
const MARKDOWN_NAME = /\.(?:md|markdown|mdown|txt)$/i;

/** Imports every file it can, in order; one result per file. Never rejects. */
export async function importFiles(
  files: readonly ImportFile[],
  target: ImportTarget,
  deps: FileImportDeps,
  onProgress?: OnProgress,
): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const total = files.length;
  for (const [i, file] of files.entries()) {
    const report = (fraction: number) => onProgress?.({ done: i + Math.min(1, fraction), total });
    report(0);
    let result: FileResult;
    try {
      result = await importOne(file, target, deps, report);
    } catch (thrown) {
      result = failure(file.name, 'store-failed', `importing failed (${errorText(thrown)})`);
    }
    results.push(result);
    report(1);
  }
  return results;
}

async function importOne(
  file: ImportFile,
  target: ImportTarget,
  deps: FileImportDeps,
  report: (fraction: number) => void,
): Promise<FileResult> {
  let text: string;
  try {
    text = decodeFileText(await file.arrayBuffer());
  } catch (thrown) {
    return failure(file.name, 'unreadable', `the file could not be read (${errorText(thrown)})`);
  }
  const isJson = JSON_NAME.test(file.name) || (!MARKDOWN_NAME.test(file.name) && /^\uFEFF?\s*\{/.test(text));
  return isJson ? importJson(file.name, text, target, deps, report) : importMarkdown(file.name, text, target, deps);
}

async function importJson(
  name: string,
  text: string,
  target: ImportTarget,
  deps: FileImportDeps,
  report: (fraction: number) => void,
): Promise<FileResult> {
  if (text.length > MAX_JSON_CHARS) return failure(name, 'too-large', `the file is over ${MAX_JSON_CHARS} characters`);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (thrown) {
    const why = errorText(thrown, 200);
    return failure(name, 'bad-json', `the file is not valid JSON (${why})`);
  }
  if (isBackup(json)) {
    const checked = checkBackup(name, json);
    if (!checked.ok) return checked.error;
    const backup = checked.value;
    const changed = await mergeBackup(backup, target, report);
    const settings = (await deps.restoreSettings?.(backup.settings)) ?? 0;
    const pictures = await checkBackupImages(json, deps.sanitizeSvg);
    const images = await restoreBackupImages(pictures, target, deps.now());
    return {
      file: name,
      ok: true,
      kind: 'backup',
      articles: backup.articles.length,
      highlights: backup.highlights.length,
      tombstones: backup.tombstones.length,
      changed,
      skipped: backup.skipped + pictures.skipped,
      problems: backup.problems,
      settings,
      images,
    };
  }
  const annotations = readAnnotations(json);
  if (annotations) return attachAnnotations(name, annotations, target, deps);
  return failure(name, 'unknown-format', 'the JSON is neither a Glossa backup nor W3C or Hypothesis annotations');
}

async function importMarkdown(
  name: string,
  text: string,
  target: ImportTarget,
  deps: FileImportDeps,
): Promise<FileResult> {
  if (isGlossaMarkdownExport(text)) {
    return failure(
      name,
      'glossa-markdown-export',
      'this is a Glossa Markdown export of highlights, not an article; import the backup (.json) or the annotations (.jsonld) to restore highlights',
    );
  }
  let title = '';
  const report = await importSeedFiles([toSeedFile({ name, text })], {
    prepare: deps.prepare,
    store: async (article) => {
      title = article.title;
      // A file the user picks brings a deleted article back, like saving the page again.
      return target.upsertArticle(article);
    },
    now: deps.now,
    origin: 'file',
  });
  const [error] = report.errors;
  if (error) return { file: name, ok: false, code: error.code, message: error.message };
  const [result] = report.results;
  if (!result) return failure(name, 'store-failed', 'the importer gave no result');
  return { file: name, ok: true, kind: 'article', id: result.id, title, status: result.status };
}
