/**
 * The background's sync service: runs rounds one at a time, records their outcome, and
 * decides when the next one happens — soon after a local change (debounced), on a periodic
 * alarm, at start-up, when the settings change, and after a failure with growing backoff.
 * Alarms, not timers or long-polls, carry the schedule: an MV3 worker may be stopped at any
 * moment, and a round it interrupts is simply run again (see engine.ts).
 *
 * Two things wait for the reader and are never decided here: a new server gets the library only
 * once the reader confirms it; a pull that would delete or replace a large part of the library
 * is held, unapplied, until the reader applies it or keeps the local copy.
 */
import { browser } from 'wxt/browser';
import { isPlainHttp, type ServerConfig, SyncError, serverKey } from '../../shared/sync/config';
import { approvedChangeLimit, backoffMs, bulkChangeLimit, type SyncStatus } from '../../shared/sync/status';
import { type Library, onImagesChange, onLibraryChange } from '../../storage';
import { CouchClient } from './couch';
import { HeldChangesError, syncOnce } from './engine';
import { isConfirmed, loadServerConfig, loadSyncSettings, SYNCED_WITH } from './settings';
import { readHeld, readStatus, writeHeld, writeStatus } from './status-store';

const PERIODIC = 'glossa-sync';
const RETRY = 'glossa-sync-retry';
/** Minutes between periodic rounds. */
const PERIOD_MINUTES = 15;
/** Quiet time after a local change before it is pushed. */
const DEBOUNCE_MS = 2_000;

/** What the rest of the background uses. */
export interface SyncService {
  /** Runs a round now (or joins the one running) and answers the resulting status. */
  run(): Promise<SyncStatus>;
  /** The current status. */
  status(): Promise<SyncStatus>;
  /** Checks a server config without saving it: reachable, credentials, database (created if missing). */
  test(config: ServerConfig): Promise<{ docCount: number }>;
  /** The reader's decision on held changes: apply them, or keep the local copy (then pushed). */
  resolveHeld(choice: 'apply' | 'keep'): Promise<SyncStatus>;
}

/** Creates the service over the library; call {@link installSyncTriggers} to schedule it. */
export function createSyncService(library: Promise<Library>, now: () => number = Date.now): SyncService {
  let running: Promise<SyncStatus> | null = null;

  const status = async (): Promise<SyncStatus> => {
    const lib = await library;
    const config = await loadServerConfig(lib);
    const confirmed = config !== null && (await isConfirmed(lib, config));
    const held = config ? await readHeld(lib) : null;
    const current = held && config && held.server === serverKey(config) && !held.approved ? held : null;
    return {
      ...(await readStatus(lib)),
      enabled: config !== null,
      running: running !== null,
      pending: await lib.countOutbox(),
      confirm: config && !confirmed ? { url: config.url, db: config.db, articles: await lib.countArticles() } : null,
      held: current
        ? {
            url: current.url,
            db: current.db,
            deletes: current.deletes,
            replaces: current.replaces,
            library: current.library,
            at: current.at,
          }
        : null,
      plainHttp: isPlainHttp((await loadSyncSettings(lib)).url),
    };
  };

  const round = async (): Promise<SyncStatus> => {
    const lib = await library;
    const config = await loadServerConfig(lib);
    // Nothing leaves before the reader confirms the server; nothing is pulled while held.
    if (!config || !(await isConfirmed(lib, config))) return status();
    const key = serverKey(config);
    const held = await readHeld(lib);
    if (held && held.server === key && !held.approved) return status();
    const previous = await readStatus(lib);
    try {
      const client = new CouchClient(config);
      if ((await lib.getMeta(SYNCED_WITH)) !== key) {
        // A confirmed new server or database: make sure it exists, then send it everything.
        await client.info(true);
        await lib.enqueueAll();
        await lib.setMeta(SYNCED_WITH, key);
      }
      const size = await lib.countArticles();
      const holdAbove = held ? approvedChangeLimit(held, key, size) : bulkChangeLimit(size);
      await syncOnce(lib, client, `sync:since:${key}`, { holdAbove });
      if (held) await writeHeld(lib, null);
      await writeStatus(lib, { lastSync: now(), lastError: null, failures: 0 });
    } catch (error) {
      if (error instanceof HeldChangesError) {
        await writeHeld(lib, {
          server: key,
          url: config.url,
          db: config.db,
          deletes: error.deletes,
          replaces: error.replaces,
          library: await lib.countArticles(),
          at: now(),
          newestStamp: error.newestStamp,
          approved: false,
        });
        // Not a failure to retry: sync waits for the reader's decision.
        await writeStatus(lib, { ...previous, lastError: { kind: 'held', message: error.message, at: now() } });
        return status();
      }
      const failure =
        error instanceof SyncError
          ? error
          : new SyncError('server', `Sync failed unexpectedly: ${String(error).slice(0, 200)}`);
      const failures = previous.failures + 1;
      await writeStatus(lib, {
        ...previous,
        lastError: { kind: failure.kind, message: failure.message, at: now() },
        failures,
      });
      await browser.alarms?.create(RETRY, { when: now() + backoffMs(failures) });
    }
    return status();
  };

  /** A run asked for while one is going starts after it: that one may have read the outbox already. */
  let next: Promise<SyncStatus> | null = null;
  const run = (): Promise<SyncStatus> => {
    if (running) {
      // After the current round, whether it succeeded or failed.
      const again = () => {
        next = null;
        return run();
      };
      next ??= running.then(again, again);
      return next;
    }
    const current = round().finally(() => {
      running = null;
    });
    running = current;
    // The answer describes the round just finished, not "running".
    return current.then((status) => ({ ...status, running: false }));
  };

  return {
    run,
    status,
    test: async (config) => {
      const info = await new CouchClient(config).info(true);
      return { docCount: info.doc_count };
    },
    resolveHeld: async (choice) => {
      const lib = await library;
      const held = await readHeld(lib);
      if (held && choice === 'apply') await writeHeld(lib, { ...held, approved: true });
      if (held && choice === 'keep') {
        await lib.claimLocalCopies(held.newestStamp);
        await writeHeld(lib, null);
      }
      return run();
    },
  };
}

/**
 * Whether a worker start should sync: something waits or the periodic round is overdue, and a
 * failure's backoff has run out (its retry alarm covers the time before).
 */
export function startupRoundDue(status: SyncStatus, now: number): boolean {
  if (!status.enabled || status.confirm || status.held) return false;
  if (status.lastError && status.failures > 0 && now < status.lastError.at + backoffMs(status.failures)) return false;
  const overdue = !status.lastSync || now - status.lastSync > PERIOD_MINUTES * 60_000;
  return status.pending > 0 || overdue;
}

/** Schedules the service: periodic alarm, retries, local changes, start-up. */
export function installSyncTriggers(service: SyncService, library: Promise<Library>): void {
  // Created once: creating it again at every worker start would push it back each time.
  void browser.alarms?.get(PERIODIC).then((existing) => {
    if (!existing) void browser.alarms.create(PERIODIC, { periodInMinutes: PERIOD_MINUTES });
  });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === PERIODIC || alarm.name === RETRY) void service.run();
  });
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Pictures saved after their article queue it again (they travel as its attachments).
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(async () => {
      timer = null;
      // Changes a pull applied announce themselves too: only local edits need a push.
      if ((await (await library).countOutbox()) > 0) void service.run();
    }, DEBOUNCE_MS);
  };
  onLibraryChange(changed);
  onImagesChange(changed);
  // An MV3 worker starts again for every message after a short idle: a round at each start
  // would hit the server on every popup opening. Start-up syncs only what is due.
  void service.status().then((status) => {
    if (startupRoundDue(status, Date.now())) void service.run();
  });
}
