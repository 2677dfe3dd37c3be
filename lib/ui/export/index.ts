/**
 * Exporting: one article (Obsidian Markdown, the seed's Hexo format, W3C Web Annotation
 * JSON-LD) or the whole library (JSON backup, Markdown, JSON-LD). Pure functions over what the
 * library answers; downloading the result is the UI's business (`components/shared/download.ts`).
 */
export { ARTICLE_FORMATS, type ArticleFormat, exportArticle } from './article';
export { BACKUP_FORMAT, BACKUP_VERSION, type Backup, exportBackup } from './backup';
export { exportLibrary, LIBRARY_FORMATS, type LibraryExportOptions, type LibraryFormat } from './library';
export { ENGLISH_LABELS, type MarkdownLabels } from './markdown';
export { type BackupSettings, readBackupSettings } from './settings';
export type { ExportFile, ExportSource, OnProgress, Progress } from './types';
