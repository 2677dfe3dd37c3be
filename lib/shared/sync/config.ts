/**
 * Where and as whom to sync, checked before a single request leaves: what a server config is,
 * the kinds of failure the UI words, and the rule for plain http. The password goes to the
 * server in every request (Basic auth), so it may cross the network unencrypted only on this
 * computer or the reader's own network; anywhere else the address must be https.
 */
import { isLocalNetworkHost } from '../local-network';

/** Where and as whom to sync. */
export interface ServerConfig {
  /** Server root, e.g. `https://couch.example.com` (a path prefix is allowed). */
  url: string;
  db: string;
  username: string;
  password: string;
}

/** The sync settings without the password (which never leaves the background once saved). */
export interface SyncSettings {
  enabled: boolean;
  url: string;
  db: string;
  username: string;
}

/** Sync off, nothing entered. */
export const DEFAULT_SYNC_SETTINGS: SyncSettings = { enabled: false, url: '', db: 'glossa', username: '' };

/** What went wrong, in categories the user can act on. */
export type SyncErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'unreachable'
  | 'timeout'
  | 'quota'
  | 'server'
  | 'bad-response'
  | 'bad-config'
  | 'refused'
  | 'newer-format'
  | 'held';

/** A failed request or round. `status` is the HTTP status when there was one. */
export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** Checks the server settings before a single request is made: null, or what is wrong. */
export function validateConfig(config: Pick<ServerConfig, 'url' | 'db'>): string | null {
  let url: URL;
  try {
    url = new URL(config.url);
  } catch {
    return 'The server address is not a URL.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'The server address must start with https://.';
  }
  if (url.protocol === 'http:' && !isLocalNetworkHost(url.hostname)) {
    return 'Use https:// for this server: with plain http:// your password and notes would cross the internet unencrypted (http:// is allowed only for a server on this computer or your own network).';
  }
  if (url.username || url.password) return 'Put the user name and password in their own fields, not in the address.';
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(config.db)) {
    return 'Database names start with a lowercase letter and hold only a–z, 0–9 and _$()+-/.';
  }
  return null;
}

/** Whether a valid address is plain http (on the reader's own network): the UI warns. */
export function isPlainHttp(url: string): boolean {
  try {
    return new URL(url).protocol === 'http:';
  } catch {
    return false;
  }
}

/** Which server a checkpoint (and a confirmation) belongs to: a new address or database starts over. */
export function serverKey(config: Pick<ServerConfig, 'url' | 'db'>): string {
  return `${config.url.replace(/\/+$/, '')}|${config.db}`;
}

/** The origin credentials were typed for, or null for an address that is not a URL. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
