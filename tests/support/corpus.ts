/**
 * Test helpers: where the test corpora live and how to read them. They are part of the
 * repository (`tests/fixtures/corpus`, see its README), so a clone alone passes; paths are
 * computed from this file.
 * (Not with `new URL('…', import.meta.url)`: Vite rewrites that pattern into an asset import
 * and refuses paths outside the project.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of a folder or file in `tests/fixtures/corpus/`. */
export const corpusPath = (relative: string): string => resolve(REPO_ROOT, 'tests/fixtures/corpus', relative);

/** Absolute path of a file in this repository. */
export const repoPath = (relative: string): string => resolve(REPO_ROOT, relative);

/** Absolute path of the seed article bundled with the extension. */
export const SEED_PATH = resolve(REPO_ROOT, 'assets/seeds/000_460d2781416ddc35.md');

/** A corpus file: name relative to its corpus folder, and its text (read as UTF-8). */
export interface CorpusFile {
  name: string;
  text: string;
}

/** Every `.md` file below a corpus folder, sorted by name. */
export function readCorpus(folder: string): CorpusFile[] {
  const root = corpusPath(folder);
  const names = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort();
  return names.map((name) => ({ name, text: readFileSync(`${root}/${name}`, 'utf8') }));
}

/** One corpus file by name. */
export function readCorpusFile(relative: string): CorpusFile {
  return { name: relative.split('/').pop() ?? relative, text: readFileSync(corpusPath(relative), 'utf8') };
}
