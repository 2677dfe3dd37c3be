/**
 * Where the sync settings live: the extension's own IndexedDB (the library's meta store), which
 * only our extension pages and the background can open — content scripts open the page's
 * database, and `storage.local` / `storage.sync` are readable *and writable* from the content
 * script's world in both browsers. The password is kept with the origin it was typed for and is
 * sent nowhere else: a changed address never receives it. A new server gets the library only
 * once the reader confirms it in the options page.
 */
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SYNC_SETTINGS,
  originOf,
  type ServerConfig,
  type SyncSettings,
  serverKey,
  validateConfig,
} from '../../shared/sync/config';
import type { Library } from '../../storage';

const SETTINGS = 'sync:settings';
const CREDENTIALS = 'sync:credentials';
/** The server key the reader confirmed as the one to send the library to. */
const CONFIRMED = 'sync:confirmed';
/** The server key this device last completed a round with (older builds wrote it too). */
export const SYNCED_WITH = 'sync:server';

/** The password and the origin it was typed for. */
interface Credentials {
  origin: string;
  username: string;
  password: string;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= 4096;

/** The stored settings, normalized (anything an older build or a hand edit left is repaired). */
export async function loadSyncSettings(library: Library): Promise<SyncSettings> {
  const raw = (await library.getMeta<Partial<SyncSettings>>(SETTINGS)) ?? {};
  return {
    enabled: raw.enabled === true,
    url: isText(raw.url) ? raw.url : '',
    db: isText(raw.db) && raw.db ? raw.db : DEFAULT_SYNC_SETTINGS.db,
    username: isText(raw.username) ? raw.username : '',
  };
}

/** The stored credentials, if well-formed. */
async function loadCredentials(library: Library): Promise<Credentials | null> {
  const raw = await library.getMeta<Partial<Credentials>>(CREDENTIALS);
  return raw && isText(raw.origin) && isText(raw.username) && isText(raw.password)
    ? { origin: raw.origin, username: raw.username, password: raw.password }
    : null;
}

/** Whether a password is stored for the settings' current address. */
export async function hasPasswordFor(library: Library, settings: SyncSettings): Promise<boolean> {
  const credentials = await loadCredentials(library);
  return credentials !== null && credentials.origin === originOf(settings.url) && credentials.password !== '';
}

/**
 * Saves settings and, when given, the password — bound to the address's origin. Without a new
 * password, a password typed for another origin is forgotten: it never follows a changed address.
 */
export async function saveSyncSettings(library: Library, settings: SyncSettings, password?: string): Promise<void> {
  const clean = { ...settings, url: settings.url.trim(), db: settings.db.trim(), username: settings.username.trim() };
  await library.setMeta(SETTINGS, clean);
  const origin = originOf(clean.url);
  const stored = await loadCredentials(library);
  if (password !== undefined) {
    await library.setMeta(CREDENTIALS, origin ? { origin, username: clean.username, password } : null);
  } else if (stored && stored.origin !== origin) {
    await library.setMeta(CREDENTIALS, null);
  }
}

/**
 * The full server config when sync is on and the settings are usable; else null. Credentials
 * are included only for the origin they were typed for.
 */
export async function loadServerConfig(library: Library): Promise<ServerConfig | null> {
  const settings = await loadSyncSettings(library);
  if (!settings.enabled || validateConfig(settings)) return null;
  const credentials = await loadCredentials(library);
  const bound = credentials !== null && credentials.origin === originOf(settings.url);
  return {
    url: settings.url,
    db: settings.db,
    username: settings.username,
    password: bound ? credentials.password : '',
  };
}

/** Whether the reader has confirmed sending the library to this server (or already synced with it). */
export async function isConfirmed(library: Library, config: Pick<ServerConfig, 'url' | 'db'>): Promise<boolean> {
  const key = serverKey(config);
  return (await library.getMeta(CONFIRMED)) === key || (await library.getMeta(SYNCED_WITH)) === key;
}

/** Records the reader's confirmation of `config`'s server. */
export async function confirmServer(library: Library, config: Pick<ServerConfig, 'url' | 'db'>): Promise<void> {
  await library.setMeta(CONFIRMED, serverKey(config));
}

/** Where builds before 0.2 kept the settings (readable and writable from content scripts). */
const legacySettings = storage.defineItem<Partial<SyncSettings> | null>('sync:syncSettings', { fallback: null });
const legacyPassword = storage.defineItem<string | null>('local:syncPassword', { fallback: null });

/** Set once the legacy areas were looked at: they are never read again. */
const LEGACY_CHECKED = 'sync:legacy-checked';

/**
 * Moves settings an older build left in `storage.sync` / `storage.local` into the library, and
 * removes them from there. A server this device already synced with stays confirmed. Looks
 * only once, at the first background start of this build: content scripts can write those
 * areas, so anything found there later is not the reader's and is ignored.
 */
export async function moveLegacySyncSettings(library: Library): Promise<boolean> {
  if (await library.getMeta(LEGACY_CHECKED)) return false;
  await library.setMeta(LEGACY_CHECKED, true);
  const [settings, password] = await Promise.all([legacySettings.getValue(), legacyPassword.getValue()]);
  if (settings === null && password === null) return false;
  if (settings && !(await library.getMeta(SETTINGS))) {
    await library.setMeta(SETTINGS, settings);
    const normalized = await loadSyncSettings(library);
    const origin = originOf(normalized.url);
    if (origin && typeof password === 'string' && password !== '') {
      await library.setMeta(CREDENTIALS, { origin, username: normalized.username, password });
    }
  }
  await Promise.all([
    legacySettings.removeValue({ removeMeta: true }),
    legacyPassword.removeValue({ removeMeta: true }),
  ]);
  return true;
}
