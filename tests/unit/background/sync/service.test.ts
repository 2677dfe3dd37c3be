// @vitest-environment node
/**
 * The background's sync service with real settings storage (the library's meta store), a real
 * library and a real pouchdb-server: a round records its status, a failure is recorded in words
 * with a backoff retry alarm, and a confirmed new server gets the whole library. Issue 14: the
 * password goes only to the origin it was typed for, a new server gets nothing before the
 * reader confirms it, settings an older build left in `storage.*` move out of the content
 * script's reach, and plain http is refused beyond the reader's own network.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSyncService, startupRoundDue } from '../../../../lib/background/sync/service';
import {
  confirmServer,
  loadServerConfig,
  moveLegacySyncSettings,
  saveSyncSettings,
} from '../../../../lib/background/sync/settings';
import type { SyncSettings } from '../../../../lib/shared/sync/config';
import { backoffMs, type SyncStatus } from '../../../../lib/shared/sync/status';
import { type Library, openLibrary } from '../../../../lib/storage';
import { type CouchServer, startCouchServer } from '../../../../scripts/couch-server.mjs';
import { type FaultProxy, startFaultProxy } from '../../../support/fault-proxy';
import { makeArticle, makeHighlight, uniqueDbName } from '../../../support/library';

let server: CouchServer;
let proxy: FaultProxy;
beforeAll(async () => {
  server = await startCouchServer();
  proxy = await startFaultProxy(server.url);
});
afterAll(async () => {
  await proxy?.stop();
  await server?.stop();
});
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  proxy.setRule(() => null);
});

/** Saves settings as the options page does, and confirms the server as the reader would. */
async function configure(lib: Library, settings: SyncSettings, password: string): Promise<void> {
  await saveSyncSettings(lib, settings, password);
  await confirmServer(lib, settings);
}

describe('sync service', () => {
  it('does nothing while sync is off, then sends the whole library to a new server once confirmed', async () => {
    const library = openLibrary({ name: uniqueDbName() });
    const lib = await library;
    await lib.upsertArticle(makeArticle({ id: 'a1' }));
    await lib.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1' }));
    await lib.ackOutbox(await lib.pendingOutbox(10));
    const service = createSyncService(library, () => 1_000_000);
    expect(await service.run()).toMatchObject({ enabled: false, lastSync: null });

    const settings = { enabled: true, url: proxy.url, db: 'service-new', username: '' };
    await saveSyncSettings(lib, settings, '');
    const asked = proxy.log.length;
    const waiting = await service.run();
    // Nothing was sent: the reader is asked first.
    expect(waiting.confirm).toEqual({ url: proxy.url, db: 'service-new', articles: 1 });
    expect(proxy.log.length).toBe(asked);

    await confirmServer(lib, settings);
    const after = await service.run();
    expect(after).toMatchObject({ enabled: true, lastSync: 1_000_000, lastError: null, pending: 0, confirm: null });
    const docs = (await (await fetch(`${server.url}/service-new/_all_docs`)).json()) as { rows: { id: string }[] };
    expect(docs.rows.map((r) => r.id).sort()).toEqual(['a:a1', 'h:h1']);
    lib.close();
  });

  it('sends the password only to the origin it was typed for; a changed address never receives it', async () => {
    const lib = await openLibrary({ name: uniqueDbName() });
    await configure(lib, { enabled: true, url: proxy.url, db: 'service-auth', username: 'ada' }, 's3cret');
    expect((await loadServerConfig(lib))?.password).toBe('s3cret');
    // The address is rewritten to another origin (as a compromised page once could): no password.
    const elsewhere = proxy.url.replace('127.0.0.1', 'localhost');
    await saveSyncSettings(lib, { enabled: true, url: elsewhere, db: 'service-auth', username: 'ada' });
    expect((await loadServerConfig(lib))?.password).toBe('');
    await confirmServer(lib, { url: elsewhere, db: 'service-auth' });
    const before = proxy.authorizations.length;
    await createSyncService(Promise.resolve(lib)).run();
    const sent = proxy.authorizations.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((h) => !h.includes(btoa('ada:s3cret')))).toBe(true);
    // Going back does not bring the forgotten password back either.
    await saveSyncSettings(lib, { enabled: true, url: proxy.url, db: 'service-auth', username: 'ada' });
    expect((await loadServerConfig(lib))?.password).toBe('');
    lib.close();
  });

  it('moves settings an older build left in storage.sync / storage.local into the library', async () => {
    const lib = await openLibrary({ name: uniqueDbName() });
    await fakeBrowser.storage.sync.set({
      syncSettings: { enabled: true, url: 'https://couch.example.com', db: 'notes', username: 'ada' },
    });
    await fakeBrowser.storage.local.set({ syncPassword: 'old-password' });
    expect(await moveLegacySyncSettings(lib)).toBe(true);
    expect(await fakeBrowser.storage.sync.get('syncSettings')).toEqual({});
    expect(await fakeBrowser.storage.local.get('syncPassword')).toEqual({});
    expect(await loadServerConfig(lib)).toEqual({
      url: 'https://couch.example.com',
      db: 'notes',
      username: 'ada',
      password: 'old-password',
    });
    // Looked at once: what a content script writes there later is not the reader's, and is ignored.
    await fakeBrowser.storage.sync.set({
      syncSettings: { enabled: true, url: 'https://attacker.example', db: 'notes', username: 'x' },
    });
    expect(await moveLegacySyncSettings(lib)).toBe(false);
    expect((await loadServerConfig(lib))?.url).toBe('https://couch.example.com');
    lib.close();
  });

  it('refuses plain http beyond this computer and the reader’s network, and says why; warns on a local one', async () => {
    const lib = await openLibrary({ name: uniqueDbName() });
    const service = createSyncService(Promise.resolve(lib));
    await expect(
      service.test({ url: 'http://couch.example.com', db: 'x', username: 'ada', password: 'p' }),
    ).rejects.toMatchObject({ kind: 'bad-config', message: expect.stringMatching(/https:\/\//) });
    await saveSyncSettings(lib, { enabled: true, url: 'http://couch.example.com', db: 'x', username: '' }, 'p');
    expect(await service.status()).toMatchObject({ enabled: false });
    await saveSyncSettings(lib, { enabled: true, url: 'http://192.168.1.20:5984', db: 'x', username: '' }, 'p');
    expect(await service.status()).toMatchObject({ enabled: true, plainHttp: true });
    lib.close();
  });

  it('records a failure in words, keeps the changes, and schedules a retry with backoff', async () => {
    const library = openLibrary({ name: uniqueDbName() });
    const lib = await library;
    await lib.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1' }));
    proxy.setRule(() => ({
      kind: 'status',
      status: 401,
      body: '{"error":"unauthorized","reason":"Name or password is incorrect."}',
    }));
    await configure(lib, { enabled: true, url: proxy.url, db: 'service-fail', username: 'ada' }, 'wrong');
    const service = createSyncService(library, () => 5_000);
    const status = await service.run();
    expect(status.lastError).toMatchObject({ kind: 'unauthorized', at: 5_000 });
    expect(status).toMatchObject({ failures: 1, pending: 1, lastSync: null });
    const retry = await fakeBrowser.alarms.get('glossa-sync-retry');
    expect(retry?.scheduledTime).toBe(5_000 + backoffMs(1));
    const again = await service.run();
    expect(again.failures).toBe(2);
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    expect(backoffMs(40)).toBe(30 * 60_000);

    // The real server refuses unknown credentials too; fixing the settings fixes sync.
    proxy.setRule(() => null);
    expect((await service.run()).lastError?.kind).toBe('unauthorized');
    await configure(lib, { enabled: true, url: proxy.url, db: 'service-fail', username: '' }, '');
    const fixed = await service.run();
    expect(fixed).toMatchObject({ failures: 0, lastError: null, pending: 0 });
    lib.close();
  });

  it('tests a config without saving it: unreachable and malformed addresses are told apart', async () => {
    const service = createSyncService(openLibrary({ name: uniqueDbName() }));
    await expect(service.test({ url: server.url, db: 'tested', username: '', password: '' })).resolves.toEqual({
      docCount: 0,
    });
    await expect(
      service.test({ url: 'http://127.0.0.1:9', db: 'x', username: '', password: '' }),
    ).rejects.toMatchObject({
      kind: 'unreachable',
    });
    await expect(service.test({ url: 'ftp://example.com', db: 'x', username: '', password: '' })).rejects.toMatchObject(
      {
        kind: 'bad-config',
      },
    );
  });

  it('a worker start syncs only what is due, never inside a failure’s backoff nor while the reader must decide', () => {
    const base: SyncStatus = {
      enabled: true,
      running: false,
      lastSync: 1_000_000,
      lastError: null,
      pending: 0,
      failures: 0,
      confirm: null,
      held: null,
      plainHttp: false,
    };
    expect(startupRoundDue(base, 1_000_000 + 60_000)).toBe(false);
    expect(startupRoundDue({ ...base, pending: 2 }, 1_000_000 + 60_000)).toBe(true);
    expect(startupRoundDue(base, 1_000_000 + 16 * 60_000)).toBe(true);
    expect(startupRoundDue({ ...base, enabled: false, pending: 5 }, 2_000_000)).toBe(false);
    expect(startupRoundDue({ ...base, pending: 5, confirm: { url: 'u', db: 'd', articles: 1 } }, 2_000_000)).toBe(
      false,
    );
    const failing = {
      ...base,
      pending: 3,
      failures: 2,
      lastError: { kind: 'unreachable' as const, message: 'x', at: 2_000_000 },
    };
    expect(startupRoundDue(failing, 2_000_000 + backoffMs(2) - 1)).toBe(false);
    expect(startupRoundDue(failing, 2_000_000 + backoffMs(2))).toBe(true);
  });

  it('a run asked for during a failing round still runs after it', async () => {
    const library = openLibrary({ name: uniqueDbName() });
    const lib = await library;
    await lib.putHighlight(makeHighlight({ id: 'h1', articleId: 'a1' }));
    await configure(lib, { enabled: true, url: proxy.url, db: 'service-queue', username: '' }, '');
    let calls = 0;
    proxy.setRule(() => (++calls === 1 ? { kind: 'status', status: 500 } : null));
    const service = createSyncService(library);
    const [first, second] = await Promise.all([service.run(), service.run()]);
    expect(first.lastError?.kind).toBe('server');
    expect(second).toMatchObject({ lastError: null, pending: 0, running: false });
    lib.close();
  });
});
