/**
 * Shapes shared by every exporter. Exports hand back their text in parts rather than one string:
 * a 10,000-article backup is tens of megabytes, and a `Blob` built from parts never needs the
 * whole file as one JavaScript string.
 */
import type { Library } from '../../storage';

/** A finished export, ready to download. */
export interface ExportFile {
  /** Suggested file name, safe on every desktop file system. */
  name: string;
  /** MIME type with charset. */
  type: string;
  /** The file's text in order; `parts.join('')` is the whole file. */
  parts: string[];
}

/** How far a long export or import has got. */
export interface Progress {
  done: number;
  total: number;
}

/** Called now and then during a long export or import. */
export type OnProgress = (progress: Progress) => void;

/**
 * What exporting reads from the library: the narrow part of `Library` the exporters use, so
 * they can be tested against anything that answers these calls.
 */
export type ExportSource = Pick<Library, 'allArticleMetas' | 'allHighlights' | 'allTombstones' | 'getArticle'>;
