/**
 * What the import results list says about each file, in the UI language: what a file brought
 * in, or — for a refused file — its name and a localized reason. The importer's English detail
 * (a YAML line number, a record id) is shown beside it for whoever needs to fix the file.
 */

import { type MessageKey, t } from '../../lib/shared/i18n';
import { tCount } from '../../lib/shared/i18n/plural';
import type { FileResult, TransferErrorCode } from '../../lib/ui/import';

/** The localized reason for each error code. */
const REASON: Record<TransferErrorCode, MessageKey> = {
  binary: 'transferErrorBinary',
  'too-large': 'transferErrorTooLarge',
  'no-front-matter': 'transferErrorNoFrontMatter',
  'unclosed-front-matter': 'transferErrorUnclosedFrontMatter',
  'unsupported-front-matter-language': 'transferErrorUnsupportedFrontMatterLanguage',
  'bad-yaml': 'transferErrorBadYaml',
  'missing-title': 'transferErrorMissingTitle',
  'invalid-field': 'transferErrorInvalidField',
  'empty-body': 'transferErrorEmptyBody',
  'prepare-failed': 'transferErrorPrepareFailed',
  'store-failed': 'transferErrorStoreFailed',
  unreadable: 'transferErrorUnreadable',
  'bad-json': 'transferErrorBadJson',
  'unknown-format': 'transferErrorUnknownFormat',
  'unsupported-version': 'transferErrorUnsupportedVersion',
  'invalid-backup': 'transferErrorInvalidBackup',
  'no-annotations': 'transferErrorNoAnnotations',
  'no-matching-article': 'transferErrorNoMatchingArticle',
  'glossa-markdown-export': 'transferErrorGlossaMarkdownExport',
};

/** One line for the results list, and the technical detail when there is one. */
export function describeResult(result: FileResult): { text: string; detail: string | null } {
  if (!result.ok) {
    return { text: t('transferResultFailed', [result.file, t(REASON[result.code])]), detail: result.message };
  }
  switch (result.kind) {
    case 'backup': {
      const parts = [
        t('transferResultBackup', [
          result.file,
          tCount('countArticles', result.articles),
          tCount('countHighlights', result.highlights),
          tCount('countRecordsChanged', result.changed),
        ]),
        result.skipped > 0 ? tCount('transferResultSkipped', result.skipped) : '',
        result.settings > 0 ? tCount('transferResultSettings', result.settings) : '',
      ];
      return {
        text: parts.filter(Boolean).join(' '),
        detail: result.problems.length ? result.problems.join('; ') : null,
      };
    }
    case 'article': {
      const key: MessageKey =
        result.status === 'unchanged'
          ? 'transferResultArticleSame'
          : result.status === 'updated'
            ? 'transferResultArticleUpdated'
            : 'transferResultArticleNew';
      return { text: t(key, [result.file, result.title]), detail: null };
    }
    case 'annotations':
      return { text: t('transferResultAnnotations', [result.file, result.attached, result.unmatched]), detail: null };
  }
}
