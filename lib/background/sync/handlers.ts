/**
 * The background's side of sync: the service and its triggers, and the calls extension pages
 * make (status, sync now, test a server, read and save the settings, confirm a new server,
 * decide on held changes). Only extension pages may call (the listener's default rule), every
 * payload is validated here, and the saved password never leaves the background again.
 */
import type { Handler } from '../../shared/messaging';
import { INVALID } from '../../shared/messaging';
import type { BackgroundCalls, SyncForm } from '../../shared/messaging/protocol';
import { originOf, SyncError, serverKey, validateConfig } from '../../shared/sync/config';
import { isRecord } from '../../shared/validate/guards';
import type { Library } from '../../storage';
import { createSyncService, installSyncTriggers } from './service';
import {
  confirmServer,
  hasPasswordFor,
  loadServerConfig,
  loadSyncSettings,
  moveLegacySyncSettings,
  saveSyncSettings,
} from './settings';

type Calls =
  | 'sync/status'
  | 'sync/now'
  | 'sync/test'
  | 'sync/settings'
  | 'sync/configure'
  | 'sync/confirm'
  | 'sync/hold';
type Handlers = { [C in Calls]: Handler<BackgroundCalls[C]['request'], BackgroundCalls[C]['response']> };

const short = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const nothing = (p: unknown) => (p === null ? null : INVALID);

/** The sync form from an untrusted payload, or INVALID. */
function syncForm(p: unknown): SyncForm | typeof INVALID {
  if (!isRecord(p) || typeof p.enabled !== 'boolean' || !short(p.url, 2048) || !short(p.db, 256)) return INVALID;
  if (!short(p.username, 256) || !(p.password === null || short(p.password, 1024))) return INVALID;
  return { enabled: p.enabled, url: p.url, db: p.db, username: p.username, password: p.password };
}

/** Starts sync in the background and answers its handlers. */
export function startSync(library: Promise<Library>): Handlers {
  // Settings an older build kept where content scripts could read them move first.
  const ready = library.then(async (lib) => {
    await moveLegacySyncSettings(lib);
    return lib;
  });
  const service = createSyncService(ready);
  installSyncTriggers(service, ready);
  return {
    'sync/status': { validate: nothing, handle: () => service.status() },
    'sync/now': { validate: nothing, handle: () => service.run() },
    'sync/settings': {
      validate: nothing,
      handle: async () => {
        const lib = await library;
        const settings = await loadSyncSettings(lib);
        return { settings, hasPassword: await hasPasswordFor(lib, settings) };
      },
    },
    'sync/configure': {
      validate: syncForm,
      handle: async ({ password, ...settings }) => {
        await saveSyncSettings(await library, settings, password ?? undefined);
        return service.run();
      },
    },
    'sync/test': {
      validate: syncForm,
      handle: async (form) => {
        const problem = validateConfig(form);
        if (problem) return { ok: false, kind: 'bad-config', message: problem };
        // The saved password goes only to the origin it was typed for.
        const saved = form.password === null ? await loadServerConfig(await library) : null;
        const password = form.password ?? (saved && originOf(saved.url) === originOf(form.url) ? saved.password : '');
        try {
          return { ok: true, ...(await service.test({ ...form, password })) };
        } catch (error) {
          if (error instanceof SyncError) return { ok: false, kind: error.kind, message: error.message };
          throw error;
        }
      },
    },
    'sync/confirm': {
      validate: (p) => (isRecord(p) && short(p.url, 2048) && short(p.db, 256) ? { url: p.url, db: p.db } : INVALID),
      handle: async (shown) => {
        const lib = await library;
        const config = await loadServerConfig(lib);
        // Only the server the reader was shown, and only if it is still the one configured.
        if (!config || serverKey(config) !== serverKey(shown))
          throw new Error('The sync settings changed: check them again.');
        await confirmServer(lib, config);
        return service.run();
      },
    },
    'sync/hold': {
      validate: (p) => (isRecord(p) && (p.choice === 'apply' || p.choice === 'keep') ? { choice: p.choice } : INVALID),
      handle: ({ choice }) => service.resolveHeld(choice),
    },
  };
}
