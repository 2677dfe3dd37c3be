/**
 * What importing a batch of files reports: one entry per file, in the order given, saying what
 * it brought in or, in words, why it brought nothing. One bad file never stops the others.
 */

import type { StoreOutcome } from '../../shared/article/import';
import type { ImportErrorCode } from '../../shared/article/import-error';

/** Why a file was refused: the seed importer's reasons plus those of the other formats. */
export type TransferErrorCode =
  | ImportErrorCode
  /** The file could not be read from disk. */
  | 'unreadable'
  /** A `.json` / `.jsonld` file that is not valid JSON. */
  | 'bad-json'
  /** JSON that is neither a Glossa backup nor W3C / Hypothesis annotations. */
  | 'unknown-format'
  /** A Glossa backup of a layout this version does not read (written by a newer Glossa). */
  | 'unsupported-version'
  /** A Glossa backup whose structure is broken (a list missing, or every record invalid). */
  | 'invalid-backup'
  /** An annotation file without a single annotation that quotes text. */
  | 'no-annotations'
  /** None of the file's annotations quote text found in the library. */
  | 'no-matching-article'
  /**
   * Glossa's own Markdown export of highlights: importing it as an article would replace the
   * article it came from (same identity) with a list of quotes.
   */
  | 'glossa-markdown-export';

/** A file that brought nothing, and why. */
export interface FileFailure {
  file: string;
  ok: false;
  code: TransferErrorCode;
  /** English, starting with the file name (the UI shows a localized reason by `code`). */
  message: string;
}

/** A backup that was merged into the library. */
export interface BackupImported {
  file: string;
  ok: true;
  kind: 'backup';
  /** Records in the file, by kind. */
  articles: number;
  highlights: number;
  tombstones: number;
  /** Records whose merge changed the library (0 when the backup was already in). */
  changed: number;
  /** Records refused, with the first few reasons. */
  skipped: number;
  problems: string[];
  /** Settings filled in on this device (ones it had never set). */
  settings: number;
  /** Articles whose saved images came back with the backup. */
  images: number;
}

/** A Markdown file that became an article. */
export interface ArticleImported {
  file: string;
  ok: true;
  kind: 'article';
  id: string;
  title: string;
  status: StoreOutcome;
}

/** An annotation file whose annotations were attached to library articles. */
export interface AnnotationsImported {
  file: string;
  ok: true;
  kind: 'annotations';
  /** Annotations attached (or already there). */
  attached: number;
  /** Annotations whose text is not in the library (or that quote nothing). */
  unmatched: number;
  /** Titles of the articles they were attached to. */
  articles: string[];
}

/** The outcome of one file. */
export type FileResult = FileFailure | BackupImported | ArticleImported | AnnotationsImported;

/** A failure whose message starts with the file name. */
export function failure(file: string, code: TransferErrorCode, reason: string): FileFailure {
  return { file, ok: false, code, message: `${file}: ${reason}` };
}
