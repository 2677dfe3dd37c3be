/**
 * The keyboard shortcut table: the browser command with the keys the user actually bound
 * (read live), and the fixed in-page keys, with how to change the browser's bindings.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type MessageKey, t } from '../../lib/shared/i18n';
import {
  openShortcutSettings,
  SHORTCUTS,
  type Shortcut,
  type ShortcutScope,
  withLiveKeys,
} from '../../lib/shared/settings/shortcuts';

const SCOPE_LABEL: Record<ShortcutScope, MessageKey> = {
  browser: 'shortcutWhereBrowser',
  selection: 'shortcutWhereSelection',
  list: 'shortcutWhereList',
};

/** The table of shortcuts. */
export function ShortcutHelp() {
  // Shown once the browser said which keys it really has: never a suggested key it skipped.
  const [rows, setRows] = useState<Shortcut[] | null>(null);
  useEffect(() => {
    void Promise.resolve()
      .then(() => browser.commands.getAll())
      .then(
        (live) => setRows(withLiveKeys(SHORTCUTS, live)),
        () => setRows(SHORTCUTS.map((s) => (s.command === null ? s : { ...s, keys: '' }))),
      );
  }, []);
  if (!rows) return null;
  return (
    <>
      <table class="shortcuts">
        <thead>
          <tr>
            <th scope="col">{t('optionsShortcutKeys')}</th>
            <th scope="col">{t('optionsShortcutAction')}</th>
            <th scope="col">{t('optionsShortcutWhere')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.action}>
              <td>{row.keys ? <kbd>{row.keys}</kbd> : t('optionsShortcutUnset')}</td>
              <td>{t(row.action)}</td>
              <td>{t(SCOPE_LABEL[row.scope])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="help">
        {import.meta.env.FIREFOX ? t('optionsShortcutsHelpFirefox') : t('optionsShortcutsHelpChrome')}{' '}
        <button type="button" onClick={() => void openShortcutSettings().catch(() => undefined)}>
          {t('optionsShortcutsOpen')}
        </button>
      </p>
    </>
  );
}
