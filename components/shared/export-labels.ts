/**
 * The words a Markdown export writes (callout titles, colour names), in the UI language, so a
 * reader using Glossa in Chinese gets a Chinese note.
 */

import { t } from '../../lib/shared/i18n';
import type { MarkdownLabels } from '../../lib/ui/export';

/** Markdown labels from the message catalogue. */
export function markdownLabels(): MarkdownLabels {
  return {
    highlight: t('exportLabelHighlight'),
    paragraphNote: t('exportLabelParagraphNote'),
    pageNote: t('pageNoteTitle'),
    note: t('exportLabelNote'),
    colors: {
      yellow: t('colorYellow'),
      green: t('colorGreen'),
      blue: t('colorBlue'),
      pink: t('colorPink'),
      purple: t('colorPurple'),
    },
  };
}
