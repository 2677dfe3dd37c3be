/**
 * The seed articles shipped inside the extension (assets/seeds/*.md), bundled as strings at
 * build time so the background needs no fetch and no web-accessible resource to read them.
 */
import type { SeedFile } from '../../shared/article/import';

const files = import.meta.glob<string>('../../../assets/seeds/*.md', { query: '?raw', import: 'default', eager: true });

/** Every bundled seed file with its file name. */
export function bundledSeedFiles(): SeedFile[] {
  return Object.entries(files).map(([path, text]) => ({ name: path.slice(path.lastIndexOf('/') + 1), text }));
}
