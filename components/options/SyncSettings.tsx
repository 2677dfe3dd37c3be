/**
 * Sync settings: server, database, user name and password, a connection test, the on/off
 * switch and the live status (last sync, changes waiting, last error in words). The password
 * goes to this device's `storage.local` only (lib/shared/sync/settings.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { formatNumber, t } from '../../lib/shared/i18n';
import { call } from '../../lib/shared/messaging';
import {
  DEFAULT_SYNC_SETTINGS,
  loadSyncSettings,
  type SyncSettings as Settings,
  saveSyncSettings,
  syncPassword,
} from '../../lib/shared/sync/settings';
import type { SyncStatus } from '../../lib/shared/sync/status';
import { describeSyncError, timeAgo } from '../../lib/ui/sync-describe';

type Notice = { text: string; problem: boolean } | null;

/** A labelled text input. */
function Field(props: {
  id: string;
  label: string;
  value: string;
  type?: 'text' | 'url' | 'password';
  hint?: string;
  onInput: (v: string) => void;
}) {
  const common = {
    id: props.id,
    value: props.value,
    autocomplete: 'off',
    spellcheck: false,
    'aria-describedby': props.hint ? `${props.id}-hint` : undefined,
    onInput: (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <p class="field">
      <label for={props.id}>{props.label}</label>
      {props.type === 'password' ? (
        <input type="password" {...common} />
      ) : props.type === 'url' ? (
        <input type="url" {...common} />
      ) : (
        <input type="text" {...common} />
      )}
      {props.hint && (
        <small id={`${props.id}-hint`} class="hint">
          {props.hint}
        </small>
      )}
    </p>
  );
}

/** The status lines under the form. */
function StatusLines({ status }: { status: SyncStatus | null }) {
  if (!status) return null;
  if (!status.enabled) return <p>{t('syncStatusOff')}</p>;
  return (
    <ul class="sync-status">
      <li>{status.lastSync ? t('syncStatusLast', timeAgo(status.lastSync)) : t('syncStatusNever')}</li>
      <li>{status.pending > 0 ? t('syncStatusPending', formatNumber(status.pending)) : t('syncStatusNoPending')}</li>
      {status.lastError && (!status.lastSync || status.lastError.at >= status.lastSync) && (
        <li class="problem">
          {t('syncStatusError', describeSyncError(status.lastError.kind, status.lastError.message))}
        </li>
      )}
    </ul>
  );
}

/** The sync section of the options page. */
export function SyncSettings() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SYNC_SETTINGS);
  const [password, setPassword] = useState('');
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  // Rounds finished from this page: lets a test (or a screen reader user) tell a new result from an old one.
  const [rounds, setRounds] = useState(0);

  const refresh = async () => {
    const answer = await call('background', 'sync/status', null);
    if (answer.ok) setStatus(answer.value);
  };

  useEffect(() => {
    void loadSyncSettings().then(setSettings);
    void syncPassword.getValue().then(setPassword);
    void refresh();
    const timer = setInterval(() => void refresh(), 2_000);
    return () => clearInterval(timer);
  }, []);

  const update = (patch: Partial<Settings>) => setSettings((s) => ({ ...s, ...patch }));

  const test = async () => {
    setBusy(true);
    setNotice({ text: t('syncTesting'), problem: false });
    const answer = await call('background', 'sync/test', { ...settings, password });
    setBusy(false);
    if (!answer.ok) return setNotice({ text: answer.error.message, problem: true });
    const result = answer.value;
    setNotice(
      result.ok
        ? { text: t('syncTestOk', formatNumber(result.docCount)), problem: false }
        : { text: describeSyncError(result.kind, result.message), problem: true },
    );
  };

  const save = async (event: Event) => {
    event.preventDefault();
    await saveSyncSettings(settings, password);
    setNotice({ text: t('syncSaved'), problem: false });
    await refresh();
  };

  const syncNow = async () => {
    setBusy(true);
    setNotice({ text: t('syncRunning'), problem: false });
    const answer = await call('background', 'sync/now', null);
    setBusy(false);
    setRounds((n) => n + 1);
    if (answer.ok) {
      setStatus(answer.value);
      setNotice(null);
    } else setNotice({ text: answer.error.message, problem: true });
  };

  return (
    <form class="sync-settings" onSubmit={save} data-rounds={rounds}>
      <p>{t('syncIntro')}</p>
      <Field
        id="sync-url"
        label={t('syncServerUrl')}
        value={settings.url}
        type="url"
        onInput={(url) => update({ url })}
      />
      <Field id="sync-db" label={t('syncDatabase')} value={settings.db} onInput={(db) => update({ db })} />
      <Field
        id="sync-user"
        label={t('syncUsername')}
        value={settings.username}
        onInput={(username) => update({ username })}
      />
      <Field
        id="sync-password"
        label={t('syncPassword')}
        value={password}
        type="password"
        hint={t('syncPasswordHint')}
        onInput={setPassword}
      />
      <p class="field">
        <label>
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(e) => update({ enabled: e.currentTarget.checked })}
          />{' '}
          {t('syncEnabled')}
        </label>
      </p>
      <p class="actions">
        <button type="button" onClick={() => void test()} disabled={busy}>
          {t('syncTest')}
        </button>
        <button type="submit">{t('syncSave')}</button>
        <button type="button" onClick={() => void syncNow()} disabled={busy || !status?.enabled}>
          {t('syncNow')}
        </button>
      </p>
      <p role="status" class={notice?.problem ? 'problem' : undefined}>
        {notice?.text ?? ''}
      </p>
      <StatusLines status={status} />
    </form>
  );
}
