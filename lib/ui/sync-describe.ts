/**
 * Sync state in the UI's words. Errors are described by their kind in the UI language; the
 * server's own reason (English, from the server) is not shown in place of that.
 */
import { formatNumber, type MessageKey, t, uiLanguage } from '../shared/i18n';
import type { SyncErrorKind } from '../shared/sync/config';
import type { SyncStatus } from '../shared/sync/status';

const ERROR_KEY: Record<SyncErrorKind, MessageKey> = {
  unauthorized: 'syncErrorUnauthorized',
  forbidden: 'syncErrorForbidden',
  'not-found': 'syncErrorNotFound',
  unreachable: 'syncErrorUnreachable',
  timeout: 'syncErrorTimeout',
  quota: 'syncErrorQuota',
  server: 'syncErrorServer',
  'bad-response': 'syncErrorBadResponse',
  'bad-config': 'syncErrorBadConfig',
  refused: 'syncErrorRefused',
  'newer-format': 'syncErrorNewerFormat',
  held: 'syncErrorHeld',
};

/** A sync failure in plain words (a bad config also says what is wrong with it). */
export function describeSyncError(kind: SyncErrorKind, detail = ''): string {
  return t(ERROR_KEY[kind], detail);
}

/** "3 minutes ago", "yesterday": how long ago `then` was, in the UI language. */
export function timeAgo(then: number, now = Date.now(), lang = uiLanguage()): string {
  const seconds = Math.round((then - now) / 1000);
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units)
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(seconds, 'second');
}

/** The popup's one-line summary, or null when sync is off (the popup then says nothing). */
export function syncSummary(status: SyncStatus, now = Date.now()): { text: string; problem: boolean } | null {
  if (!status.enabled) return null;
  if (status.held) return { text: t('syncPopupHeld'), problem: true };
  if (status.confirm) return { text: t('syncPopupConfirm'), problem: false };
  if (status.lastError && (!status.lastSync || status.lastError.at >= status.lastSync)) {
    return {
      text: t('syncPopupError', describeSyncError(status.lastError.kind, status.lastError.message)),
      problem: true,
    };
  }
  if (status.pending > 0) return { text: t('syncPopupPending', formatNumber(status.pending)), problem: false };
  if (status.lastSync) return { text: t('syncPopupSynced', timeAgo(status.lastSync, now)), problem: false };
  return { text: t('syncStatusNever'), problem: false };
}
