/**
 * Sync settings: server, database, user name and password, a connection test, the on/off
 * switch and the live status (last sync, changes waiting, last error in words), and the two
 * decisions sync leaves to the reader: confirming a new server before it gets the library, and
 * applying or refusing a bulk change a server wants. The settings live in the background (the
 * extension's own database); a saved password is never read back here.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatNumber, t } from '../../lib/shared/i18n';
import { tCount } from '../../lib/shared/i18n/plural';
import { call } from '../../lib/shared/messaging';
import { DEFAULT_SYNC_SETTINGS, isPlainHttp, type SyncSettings as Settings } from '../../lib/shared/sync/config';
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
  placeholder?: string;
  onInput: (v: string) => void;
}) {
  const common = {
    id: props.id,
    value: props.value,
    autocomplete: 'off',
    spellcheck: false,
    placeholder: props.placeholder,
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
      <li>{status.pending > 0 ? tCount('syncStatusPending', status.pending) : t('syncStatusNoPending')}</li>
      {status.lastError && (!status.lastSync || status.lastError.at >= status.lastSync) && (
        <li class="problem">
          {t('syncStatusError', describeSyncError(status.lastError.kind, status.lastError.message))}
        </li>
      )}
    </ul>
  );
}

/** What waits for the reader's decision: a new server to confirm, or changes held. */
function Decisions({ status, act }: { status: SyncStatus | null; act: (run: () => Promise<unknown>) => void }) {
  if (status?.confirm) {
    const { url, db, articles } = status.confirm;
    return (
      <fieldset class="sync-decision" aria-labelledby="sync-confirm-text">
        <p id="sync-confirm-text">
          {t('syncConfirmIntro', `${url} (${db})`)} {tCount('syncConfirmArticles', articles)}
        </p>
        <button type="button" onClick={() => act(() => call('background', 'sync/confirm', { url, db }))}>
          {t('syncConfirmButton')}
        </button>
      </fieldset>
    );
  }
  if (status?.held) {
    const { deletes, replaces, library } = status.held;
    const parts = [
      ...(deletes > 0 ? [tCount('syncHeldDeletes', deletes)] : []),
      ...(replaces > 0 ? [tCount('syncHeldReplaces', replaces)] : []),
    ];
    return (
      <fieldset class="sync-decision problem" aria-labelledby="sync-held-text">
        <p id="sync-held-text">
          {tCount('syncHeldIntro', library)} {parts.join(', ')}. {t('syncHeldTrash')}
        </p>
        <button type="button" onClick={() => act(() => call('background', 'sync/hold', { choice: 'keep' }))}>
          {t('syncHeldKeep')}
        </button>
        <button type="button" onClick={() => act(() => call('background', 'sync/hold', { choice: 'apply' }))}>
          {t('syncHeldApply')}
        </button>
      </fieldset>
    );
  }
  return null;
}

/** The sync section of the options page. */
export function SyncSettings() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SYNC_SETTINGS);
  const [password, setPassword] = useState('');
  const [hasPassword, setHasPassword] = useState(false);
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
    void call('background', 'sync/settings', null).then((answer) => {
      if (!answer.ok) return;
      setSettings(answer.value.settings);
      setHasPassword(answer.value.hasPassword);
    });
    void refresh();
    const timer = setInterval(() => void refresh(), 2_000);
    return () => clearInterval(timer);
  }, []);

  const update = (patch: Partial<Settings>) => setSettings((s) => ({ ...s, ...patch }));
  // A typed password replaces the saved one; an empty field keeps it (for the same address only).
  const form = () => ({ ...settings, password: password === '' ? null : password });

  const test = async () => {
    setBusy(true);
    setNotice({ text: t('syncTesting'), problem: false });
    const answer = await call('background', 'sync/test', form());
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
    const answer = await call('background', 'sync/configure', form());
    if (!answer.ok) return setNotice({ text: answer.error.message, problem: true });
    setStatus(answer.value);
    setPassword('');
    const saved = await call('background', 'sync/settings', null);
    if (saved.ok) setHasPassword(saved.value.hasPassword);
    setNotice({ text: t('syncSaved'), problem: false });
  };

  /** Runs a decision or a round from this page and shows the status it ends with. */
  const act = (run: () => Promise<unknown>) => {
    setBusy(true);
    setNotice({ text: t('syncRunning'), problem: false });
    void run().then((answer) => {
      setBusy(false);
      setRounds((n) => n + 1);
      const result = answer as { ok: boolean; value?: SyncStatus; error?: { message: string } };
      if (result.ok && result.value) {
        setStatus(result.value);
        setNotice(null);
      } else setNotice({ text: result.error?.message ?? '', problem: true });
    });
  };

  return (
    <form class="sync-settings" onSubmit={save} data-rounds={rounds}>
      <p>{t('syncIntro')}</p>
      <Field
        id="sync-url"
        label={t('syncServerUrl')}
        value={settings.url}
        type="url"
        hint={isPlainHttp(settings.url) ? t('syncPlainHttp') : undefined}
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
        placeholder={hasPassword ? t('syncPasswordSaved') : undefined}
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
        <button
          type="button"
          onClick={() => act(() => call('background', 'sync/now', null))}
          disabled={busy || !status?.enabled || status.confirm !== null || status.held !== null}
        >
          {t('syncNow')}
        </button>
      </p>
      <p role="status" class={notice?.problem ? 'problem' : undefined}>
        {notice?.text ?? ''}
      </p>
      <Decisions status={status} act={act} />
      <StatusLines status={status} />
    </form>
  );
}
