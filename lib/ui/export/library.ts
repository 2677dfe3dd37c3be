/**
 * Exports of the whole library, one file per format: the JSON backup (`backup.ts`), every
 * article's highlights as one Obsidian Markdown file, or all annotations as one W3C
 * `AnnotationCollection`. Tombstones (of articles and of highlights) appear only in the backup. Progress is
 * reported per article, and the work yields to the event loop now and then so a progress bar
 * can repaint during a 10,000-article export.
 */
import type { ArticleMeta, Highlight } from '../../model';
import { exportBackup } from './backup';
import type { ImageSource } from './backup-images';
import { ENGLISH_LABELS, libraryHeader, librarySection, type MarkdownLabels } from './markdown';
import type { BackupSettings } from './settings';
import type { ExportFile, ExportSource, OnProgress } from './types';
import { ANNOTATION_CONTEXT, toAnnotation } from './web-annotation';

/** The whole-library formats. */
export const LIBRARY_FORMATS = ['backup', 'markdown', 'jsonld'] as const;
/** One of {@link LIBRARY_FORMATS}. */
export type LibraryFormat = (typeof LIBRARY_FORMATS)[number];

/** Options for {@link exportLibrary}. */
export interface LibraryExportOptions {
  /** Settings for the backup (ignored by the other formats). */
  settings?: BackupSettings | null;
  /** Labels for Markdown callouts. */
  labels?: MarkdownLabels;
  /** Clock, epoch ms. */
  now?: number;
  onProgress?: OnProgress;
  /** Saved images to put in the backup (ignored by the other formats); absent leaves them out. */
  images?: ImageSource;
}

/** Articles between progress reports (and chances for the page to repaint). */
const REPORT_EVERY = 250;

/** Exports the whole library in `format`. */
export async function exportLibrary(
  format: LibraryFormat,
  source: ExportSource,
  options: LibraryExportOptions = {},
): Promise<ExportFile> {
  if (format === 'backup') return exportBackup(source, { ...options, settings: options.settings ?? null });
  const now = options.now ?? Date.now();
  const stamp = new Date(now).toISOString();
  const { metas, byArticle } = await liveLibrary(source);
  const total = metas.length;
  const parts: string[] = [];
  if (format === 'markdown') {
    parts.push(libraryHeader(stamp, total));
    await eachReported(metas, options.onProgress, (meta) => {
      parts.push(librarySection(meta, byArticle.get(meta.id) ?? [], options.labels ?? ENGLISH_LABELS));
    });
    return { name: `glossa-library-${stamp.slice(0, 10)}.md`, type: 'text/markdown;charset=utf-8', parts };
  }
  const count = metas.reduce((n, meta) => n + (byArticle.get(meta.id)?.length ?? 0), 0);
  const head = { '@context': ANNOTATION_CONTEXT, type: 'AnnotationCollection', label: 'Glossa', total: count };
  parts.push(`${JSON.stringify(head).slice(0, -1)},"first":{"type":"AnnotationPage","startIndex":0,"items":[`);
  let first = true;
  await eachReported(metas, options.onProgress, (meta) => {
    for (const highlight of byArticle.get(meta.id) ?? []) {
      parts.push(`${first ? '\n' : ',\n'}${JSON.stringify(toAnnotation(highlight, meta))}`);
      first = false;
    }
  });
  parts.push(']}}\n');
  return { name: `glossa-annotations-${stamp.slice(0, 10)}.jsonld`, type: 'application/ld+json;charset=utf-8', parts };
}

/** Live articles, newest saved first (the library's order), and their live highlights. */
async function liveLibrary(
  source: ExportSource,
): Promise<{ metas: ArticleMeta[]; byArticle: Map<string, Highlight[]> }> {
  // Deleted articles are no longer in the library (only their tombstones are).
  const [metas, highlights] = await Promise.all([source.allArticleMetas(), source.allHighlights()]);
  metas.sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const byArticle = new Map<string, Highlight[]>();
  for (const highlight of highlights) {
    if (highlight.deleted) continue;
    const list = byArticle.get(highlight.articleId);
    if (list) list.push(highlight);
    else byArticle.set(highlight.articleId, [highlight]);
  }
  return { metas, byArticle };
}

/** Runs `each` over `metas`, reporting progress and yielding every {@link REPORT_EVERY}. */
async function eachReported(
  metas: readonly ArticleMeta[],
  onProgress: OnProgress | undefined,
  each: (meta: ArticleMeta) => void,
): Promise<void> {
  const total = metas.length;
  for (const [i, meta] of metas.entries()) {
    each(meta);
    if ((i + 1) % REPORT_EVERY === 0) {
      onProgress?.({ done: i + 1, total });
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  onProgress?.({ done: total, total });
}
