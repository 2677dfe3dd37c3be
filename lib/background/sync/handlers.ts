/**
 * The background's side of sync: the service and its triggers, and the three calls extension
 * pages make (status, sync now, test a server). Requests are validated here: only extension
 * pages may call, and a server config must be well-formed before a request leaves.
 */
import { INVALID } from '../../shared/messaging';
import type { Handler } from '../../shared/messaging/index';
import type { SyncTestResult } from '../../shared/messaging/protocol';
import { type ServerConfig, SyncError, validateConfig } from '../../shared/sync/couch';
import type { SyncStatus } from '../../shared/sync/status';
import { isRecord } from '../../shared/validate/guards';
import type { Library } from '../../storage';
import { createSyncService, installSyncTriggers } from './service';

const short = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;

/** A server config from an untrusted payload, or INVALID. */
function serverConfig(p: unknown): ServerConfig | typeof INVALID {
  if (!isRecord(p) || !short(p.url, 2048) || !short(p.db, 256) || !short(p.username, 256) || !short(p.password, 1024)) {
    return INVALID;
  }
  return { url: String(p.url), db: String(p.db), username: String(p.username), password: String(p.password) };
}

const nothing = (p: unknown) => (p === null ? null : INVALID);

/** Starts sync in the background and answers its handlers. */
export function startSync(library: Promise<Library>): {
  'sync/status': Handler<null, SyncStatus>;
  'sync/now': Handler<null, SyncStatus>;
  'sync/test': Handler<ServerConfig, SyncTestResult>;
} {
  const service = createSyncService(library);
  installSyncTriggers(service, library);
  return {
    'sync/status': { validate: nothing, handle: () => service.status() },
    'sync/now': { validate: nothing, handle: () => service.run() },
    'sync/test': {
      validate: serverConfig,
      handle: async (config) => {
        const problem = validateConfig(config);
        if (problem) return { ok: false, kind: 'bad-config', message: problem };
        try {
          return { ok: true, ...(await service.test(config)) };
        } catch (error) {
          if (error instanceof SyncError) return { ok: false, kind: error.kind, message: error.message };
          throw error;
        }
      },
    },
  };
}
