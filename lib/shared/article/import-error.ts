/**
 * Why a file was not imported. An import batch reports these per file instead of throwing, so
 * one bad file never stops the others and the user is told, in words, which file failed and why.
 */

/** The reasons a seed file can be refused; stable strings that tests and the UI can match. */
export type ImportErrorCode =
  /** Not text: NUL bytes or mostly undecodable / control characters. */
  | 'binary'
  /** The file (or its front matter) is over the size we agree to parse. */
  | 'too-large'
  /** No `---` front matter at the top of the file. */
  | 'no-front-matter'
  /** A `---` opens the front matter but no `---` line closes it. */
  | 'unclosed-front-matter'
  /** `---js`, `---coffee`, `---json`…: only YAML is accepted, and nothing else is ever evaluated. */
  | 'unsupported-front-matter-language'
  /** The front matter is not valid YAML, or not a YAML mapping. */
  | 'bad-yaml'
  /** No usable title. */
  | 'missing-title'
  /** A field has a type we cannot use (e.g. a list where the title should be). */
  | 'invalid-field'
  /** Nothing readable in the body (no text and no images), before or after sanitizing. */
  | 'empty-body'
  /** Sanitizing the body or building the record failed (a bug or the environment, not the file). */
  | 'prepare-failed'
  /** Saving the article failed. */
  | 'store-failed';

/** One refused file: which, a machine-readable reason, and a sentence for people. */
export interface ImportError {
  /** The file name as given to the importer. */
  file: string;
  code: ImportErrorCode;
  /** Plain English, starting with the file name, e.g. `bad.md: front matter is not valid YAML (line 3: …)`. */
  message: string;
}

/** Builds an {@link ImportError} whose message always starts with the file name. */
export function importError(file: string, code: ImportErrorCode, reason: string): ImportError {
  return { file, code, message: `${file}: ${reason}` };
}
