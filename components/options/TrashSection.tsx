/** The options page's Trash: what it keeps and for how long, and the list with Restore and Delete forever. */
import { t } from '../../lib/shared/i18n';
import { TrashList } from '../shared/TrashList';
import type { SectionProps } from './OptionsApp';

/** The Trash section. */
export function TrashSection({ library }: SectionProps) {
  return (
    <>
      <p class="help">{t('trashIntro')}</p>
      <TrashList library={library} canPurge />
    </>
  );
}
