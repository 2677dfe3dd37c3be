/**
 * Export and import for the whole library, for the options page: download a backup, the
 * highlights as Markdown, or the annotations as JSON-LD (with a progress bar for large
 * libraries); pick files to import and see, per file, what came in or why it did not. The page
 * mounts it as a section: it brings the two parts' headings (h3), not the section's own.
 * Styles: `components/options/transfer.css`.
 */
import { useEffect, useState } from 'preact/hooks';
import { sanitizeArticleDom, sanitizeArticleHtml } from '../../lib/shared/article/sanitize';
import { sanitizeSvg } from '../../lib/shared/article/sanitize-svg';
import { errorText } from '../../lib/shared/error-text';
import { type MessageKey, t } from '../../lib/shared/i18n';
import {
  exportLibrary,
  LIBRARY_FORMATS,
  type LibraryFormat,
  type Progress,
  readBackupSettings,
} from '../../lib/ui/export';
import { type FileImportDeps, type FileResult, importFiles } from '../../lib/ui/import';
import { restoreSettings } from '../../lib/ui/import/settings';
import { formatBytes } from '../../lib/ui/storage-persistence';
import { downloadFile } from '../shared/download';
import { markdownLabels } from '../shared/export-labels';
import type { SectionProps } from './OptionsApp';
import { describeResult } from './transfer-messages';

const FORMAT_LABEL: Record<LibraryFormat, MessageKey> = {
  backup: 'transferBackup',
  markdown: 'transferMarkdown',
  jsonld: 'transferJsonLd',
};

/** What the import accepts (the picker's filter; other files can still be chosen). */
const ACCEPT = '.json,.jsonld,.md,.markdown,.txt,application/json,application/ld+json,text/markdown';

const importDeps: FileImportDeps = {
  prepare: (html) => sanitizeArticleHtml(html, window),
  articleRoot: (html) => sanitizeArticleDom(html, window).root,
  now: () => Date.now(),
  restoreSettings,
  sanitizeSvg: (svg) => sanitizeSvg(svg, window),
};

/** A progress bar with its value in words. */
function ProgressBar({ label, progress }: { label: MessageKey; progress: Progress }) {
  const done = Math.floor(progress.done);
  return (
    <p class="g-transfer-progress">
      <progress aria-label={t(label)} value={progress.done} max={Math.max(progress.total, 1)} />{' '}
      <span>{progress.total > 0 ? t('transferProgressValue', [done, progress.total]) : t('transferWorking')}</span>
    </p>
  );
}

/** The export and import controls. */
export function LibraryTransfer({ library: open }: SectionProps) {
  const [exporting, setExporting] = useState<Progress | null>(null);
  const [exportStatus, setExportStatus] = useState('');
  const [importing, setImporting] = useState<Progress | null>(null);
  const [results, setResults] = useState<FileResult[]>([]);
  // The backup may carry the saved images: the reader chooses, knowing how large they make it.
  const [imageBytes, setImageBytes] = useState<number | null>(null);
  const [withImages, setWithImages] = useState(false);
  useEffect(() => {
    let live = true;
    void open()
      .then((lib) => lib.imageUsage())
      .then(
        (usage) => live && setImageBytes(usage.bytes),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [open]);

  const runExport = async (format: LibraryFormat) => {
    setExporting({ done: 0, total: 0 });
    setExportStatus('');
    try {
      const library = await open();
      const settings = format === 'backup' ? await readBackupSettings() : null;
      const file = await exportLibrary(format, library, {
        settings,
        labels: markdownLabels(),
        onProgress: setExporting,
        ...(format === 'backup' && withImages ? { images: library } : {}),
      });
      downloadFile(file);
      setExportStatus(t('exportDone', file.name));
    } catch (e) {
      setExportStatus(t('exportFailed', errorText(e)));
    } finally {
      setExporting(null);
    }
  };

  const runImport = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    setResults([]);
    setImporting({ done: 0, total: files.length });
    try {
      setResults(await importFiles(files, await open(), importDeps, setImporting));
    } catch (e) {
      const why = errorText(e);
      setResults(files.map((f) => ({ file: f.name, ok: false, code: 'store-failed', message: `${f.name}: ${why}` })));
    } finally {
      setImporting(null);
      // Picking the same files again is a new import (the input fires no change otherwise).
      input.value = '';
    }
  };

  return (
    <div class="g-transfer">
      <div class="g-transfer-part">
        <h3 id="g-transfer-export">{t('transferExportHeading')}</h3>
        <p class="g-help">{t('transferExportHelp')}</p>
        {imageBytes !== null && imageBytes > 0 && (
          <label class="g-transfer-images">
            <input
              type="checkbox"
              checked={withImages}
              onChange={(event) => setWithImages(event.currentTarget.checked)}
            />{' '}
            {t('transferIncludeImages', formatBytes(imageBytes))}
          </label>
        )}
        <p class="g-transfer-buttons">
          {LIBRARY_FORMATS.map((format) => (
            <button key={format} type="button" disabled={exporting !== null} onClick={() => void runExport(format)}>
              {t(FORMAT_LABEL[format])}
            </button>
          ))}
        </p>
        {exporting && <ProgressBar label="transferExportProgress" progress={exporting} />}
        <output aria-live="polite">{exportStatus}</output>
      </div>
      <div class="g-transfer-part">
        <h3 id="g-transfer-import">{t('transferImportHeading')}</h3>
        <p class="g-help" id="g-transfer-import-help">
          {t('transferImportHelp')}
        </p>
        <label class="g-transfer-pick">
          {t('transferChooseFiles')}{' '}
          <input
            type="file"
            multiple
            accept={ACCEPT}
            aria-describedby="g-transfer-import-help"
            disabled={importing !== null}
            onChange={(event) => void runImport(event.currentTarget)}
          />
        </label>
        {importing && <ProgressBar label="transferImportProgress" progress={importing} />}
        {results.length > 0 && (
          <ul class="g-transfer-results" aria-label={t('transferResults')} aria-live="polite">
            {results.map((result, i) => {
              const { text, detail } = describeResult(result);
              return (
                <li key={`${i}-${result.file}`} class={result.ok ? 'g-ok' : 'g-failed'}>
                  {text}
                  {detail && (
                    <small class="g-transfer-detail" lang="en">
                      {detail}
                    </small>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
