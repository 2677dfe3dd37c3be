/**
 * Where the user syncs to. The server address, database, user name and on/off switch live in
 * `storage.sync` (small, and the same on every device the browser account reaches); the
 * password lives only in `storage.local` of each device and never in `storage.sync`.
 */
import { storage } from 'wxt/utils/storage';
import { type ServerConfig, validateConfig } from './couch';

/** The non-secret part of the sync settings. */
export interface SyncSettings {
  enabled: boolean;
  url: string;
  db: string;
  username: string;
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = { enabled: false, url: '', db: 'glossa', username: '' };

/** Settings item, synced by the browser. */
export const syncSettings = storage.defineItem<SyncSettings>('sync:syncSettings', {
  fallback: DEFAULT_SYNC_SETTINGS,
  version: 1,
});

/** The password, on this device only. */
export const syncPassword = storage.defineItem<string>('local:syncPassword', { fallback: '', version: 1 });

/** Reads what is stored, normalizing anything an older build or a hand edit left. */
export async function loadSyncSettings(): Promise<SyncSettings> {
  const raw: Partial<SyncSettings> | null = await syncSettings.getValue();
  return {
    enabled: raw?.enabled === true,
    url: typeof raw?.url === 'string' ? raw.url : '',
    db: typeof raw?.db === 'string' && raw.db ? raw.db : 'glossa',
    username: typeof raw?.username === 'string' ? raw.username : '',
  };
}

/** The full server config when sync is on and the settings are usable; else null. */
export async function loadServerConfig(): Promise<ServerConfig | null> {
  const settings = await loadSyncSettings();
  if (!settings.enabled) return null;
  const config = {
    url: settings.url,
    db: settings.db,
    username: settings.username,
    password: await syncPassword.getValue(),
  };
  return validateConfig(config) ? null : config;
}

/** Saves settings and, when given, the password (each to its own area). */
export async function saveSyncSettings(settings: SyncSettings, password?: string): Promise<void> {
  await syncSettings.setValue({
    ...settings,
    url: settings.url.trim(),
    db: settings.db.trim(),
    username: settings.username.trim(),
  });
  if (password !== undefined) await syncPassword.setValue(password);
}

/** Which server a checkpoint belongs to: a new address or database starts over. */
export function serverKey(config: Pick<ServerConfig, 'url' | 'db'>): string {
  return `${config.url.replace(/\/+$/, '')}|${config.db}`;
}
