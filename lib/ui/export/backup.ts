/**
 * The full JSON backup: every article (meta and body), every highlight, every tombstone (of
 * highlights and of deleted articles, so a restore on another device deletes there too, and an
 * old backup cannot bring back what was deleted since) and the settings, each record exactly as
 * the library stores it — timestamps, HLC stamps and all — so an import can merge it field by
 * field. Written one record per line: still one JSON document, but readable, diffable, and built
 * from parts without ever holding the file as one string.
 *
 * ```json
 * {"format":"glossa-backup","version":1,"exportedAt":"2024-05-01T08:00:00.000Z","app":"Glossa",
 * "settings":{"readerPrefs":{…},"lastHighlightColor":"yellow"},
 * "articles":[
 * {…one Article record…},
 * …],
 * "highlights":[
 * {…one Highlight record, tombstones included…},
 * …],
 * "tombstones":[
 * {…one ArticleTombstone: id, stamp, deletedAt…},
 * …]}
 * ```
 *
 * When asked, the saved images follow the tombstones (`"imageMaps"` and `"images"`,
 * backup-images.ts); a Glossa without them ignores both members, so the layout version stays.
 */
import type { Article, ArticleTombstone, Highlight } from '../../model';
import { backupImageParts, type ImageSource } from './backup-images';
import type { BackupSettings } from './settings';
import type { ExportFile, ExportSource, OnProgress } from './types';

/** `format` of a Glossa backup file. */
export const BACKUP_FORMAT = 'glossa-backup';
/** The backup layout this code writes; an importer refuses newer ones by name. */
export const BACKUP_VERSION = 1;

/** A backup file, parsed. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** When it was written, ISO 8601. */
  exportedAt: string;
  app: string;
  /** Null when the exporting context had no access to settings. */
  settings: BackupSettings | null;
  articles: Article[];
  highlights: Highlight[];
  /** Deleted articles. */
  tombstones: ArticleTombstone[];
}

/** Options for {@link exportBackup}. */
export interface BackupOptions {
  /** Settings to include (read them with `readBackupSettings`); null leaves them out. */
  settings: BackupSettings | null;
  /** Clock (epoch ms), for the file's date. */
  now?: number;
  onProgress?: OnProgress;
  /** Where to read saved images from; absent leaves them out (the smaller file). */
  images?: ImageSource;
}

/** Bodies read at once: enough to overlap IndexedDB round trips, few enough to bound memory. */
const BODY_BATCH = 64;

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Writes the whole library as a backup file; reports progress per article. */
export async function exportBackup(source: ExportSource, options: BackupOptions): Promise<ExportFile> {
  const exportedAt = new Date(options.now ?? Date.now()).toISOString();
  const [metas, highlights, tombstones] = await Promise.all([
    source.allArticleMetas(),
    source.allHighlights({ includeDeleted: true }),
    source.allTombstones(),
  ]);
  // Id order, whatever order the library answers in: two backups of one library are equal.
  for (const list of [metas, highlights, tombstones]) list.sort(byId);
  const total = metas.length;
  const header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, app: 'Glossa' };
  const parts: string[] = [
    `${JSON.stringify(header).slice(0, -1)},\n"settings":${JSON.stringify(options.settings)},\n"articles":[`,
  ];
  let first = true;
  for (let i = 0; i < metas.length; i += BODY_BATCH) {
    const batch = metas.slice(i, i + BODY_BATCH);
    const articles = await Promise.all(batch.map((meta) => source.getArticle(meta.id)));
    for (const article of articles) {
      if (!article) continue; // deleted while we were reading
      parts.push(`${first ? '\n' : ',\n'}${JSON.stringify(article)}`);
      first = false;
    }
    options.onProgress?.({ done: Math.min(i + BODY_BATCH, total), total });
  }
  parts.push('],\n"highlights":[');
  highlights.forEach((highlight, i) => {
    parts.push(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(highlight)}`);
  });
  parts.push('],\n"tombstones":[');
  tombstones.forEach((tombstone, i) => {
    parts.push(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(tombstone)}`);
  });
  parts.push(']');
  if (options.images)
    parts.push(
      ...(await backupImageParts(
        options.images,
        metas.map((meta) => meta.id),
      )),
    );
  parts.push('}\n');
  options.onProgress?.({ done: total, total });
  return { name: `glossa-backup-${exportedAt.slice(0, 10)}.json`, type: 'application/json;charset=utf-8', parts };
}
