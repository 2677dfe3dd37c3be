// @vitest-environment node
/**
 * Sync under faults, against a real pouchdb-server behind a proxy that misbehaves on cue:
 * the server going away mid-push, 401/403, a real 409 race, 500, answers cut short, changes
 * delivered twice, a worker restarted between pull and checkpoint, and conflicting revisions
 * on the server. Each time: a clear error, nothing lost, and the next round converges.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CouchClient } from '../../../../lib/background/sync/couch';
import { toDoc } from '../../../../lib/background/sync/docs';
import { SyncError } from '../../../../lib/shared/sync/config';
import { highlightReplica } from '../../../../lib/storage/replicas';
import { type CouchServer, startCouchServer } from '../../../../scripts/couch-server.mjs';
import { type Fault, type FaultProxy, startFaultProxy } from '../../../support/fault-proxy';
import { makeArticle, makeHighlight } from '../../../support/library';
import { createDb, DB, device, snapshot } from '../../../support/sync';

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
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  proxy.setRule(() => null);
  await fetch(`${server.url}/${DB}`, { method: 'DELETE' });
  await createDb(server.url);
});

/** The kind of SyncError a promise rejects with. */
async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncError) return error.kind;
    throw error;
  }
  return 'no failure';
}

async function withHighlights(name: string, count: number) {
  const d = await device(name);
  for (let i = 0; i < count; i++)
    await d.lib.putHighlight(makeHighlight({ id: `h${i}`, articleId: 'a1', note: `n${i}` }));
  return d;
}

describe('sync faults', () => {
  it('the server going away mid-push loses nothing; the next round finishes the push', async () => {
    const a = await withHighlights('a', 7);
    let bulk = 0;
    proxy.setRule((method, path) =>
      method === 'POST' && path.includes('_bulk_docs') && ++bulk === 2 ? { kind: 'drop' } : null,
    );
    expect(await failureOf(a.sync(proxy.url))).toBe('unreachable');
    const left = await a.lib.countOutbox();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(7);
    proxy.setRule(() => null);
    await a.sync(proxy.url);
    expect(await a.lib.countOutbox()).toBe(0);
    const b = await device('b');
    await b.sync(server.url);
    expect(await snapshot(b.lib)).toEqual(await snapshot(a.lib));
  });

  it('401 and 403 are reported as such, in plain words, and keep the outbox', async () => {
    const a = await withHighlights('a', 2);
    proxy.setRule(() => ({
      kind: 'status',
      status: 401,
      body: '{"error":"unauthorized","reason":"Name or password is incorrect."}',
    }));
    const error = await a.sync(proxy.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).kind).toBe('unauthorized');
    expect((error as SyncError).message).toBe(
      'The server refused the user name or password (Name or password is incorrect.).',
    );
    proxy.setRule(() => ({ kind: 'status', status: 403 }));
    expect(await failureOf(a.sync(proxy.url))).toBe('forbidden');
    expect(await a.lib.countOutbox()).toBe(2);
  });

  it('a 500 and an answer cut short fail the round; the next one converges', async () => {
    const a = await withHighlights('a', 3);
    proxy.setRule((_m, path) => (path.includes('_changes') ? { kind: 'status', status: 500 } : null));
    expect(await failureOf(a.sync(proxy.url))).toBe('server');
    proxy.setRule((_m, path) => (path.includes('_changes') ? { kind: 'cut' } : null));
    expect(await failureOf(a.sync(proxy.url))).toBe('bad-response');
    proxy.setRule(() => null);
    await a.sync(proxy.url);
    expect(await a.lib.countOutbox()).toBe(0);
  });

  it('a push whose answer is lost (stored, never acknowledged) is not written twice', async () => {
    const a = await withHighlights('a', 2);
    proxy.setRule((method, path) => (method === 'POST' && path.includes('_bulk_docs') ? { kind: 'cut' } : null));
    expect(await failureOf(a.sync(proxy.url))).toBe('bad-response');
    expect(await a.lib.countOutbox()).toBe(2);
    proxy.setRule(() => null);
    const before = proxy.log.length;
    await a.sync(proxy.url);
    expect(await a.lib.countOutbox()).toBe(0);
    // The server already held both: no second write.
    expect(proxy.log.slice(before).filter((l) => l.includes('_bulk_docs'))).toEqual([]);
    const info = (await (await fetch(`${server.url}/${DB}/h:h0`)).json()) as { _rev: string };
    expect(info._rev.startsWith('1-')).toBe(true);
  });

  it('a real 409 (another device wrote between read and write) is merged and pushed again', async () => {
    const a = await withHighlights('a', 1);
    await a.sync(server.url);
    const b = await device('b');
    await b.sync(server.url);
    const base = await a.lib.getHighlight('h0');
    if (!base) throw new Error('missing');
    await a.lib.putHighlight({ ...base, color: 'blue' });
    await b.lib.putHighlight({ ...base, note: 'from b' });
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let first = true;
    proxy.setRule((method, path): Fault => {
      if (method !== 'POST' || !path.includes('_bulk_docs') || !first) return null;
      first = false;
      return { kind: 'hold', until: held };
    });
    const logStart = proxy.log.length;
    const aSync = a.sync(proxy.url);
    await new Promise((r) => setTimeout(r, 300));
    await b.sync(server.url);
    release();
    const report = await aSync;
    // The held write conflicted; A fetched the server's side again and wrote the merge.
    expect(proxy.log.slice(logStart).filter((l) => l.includes('_bulk_docs')).length).toBe(2);
    expect(report.pushed).toBe(1);
    await b.sync(server.url);
    await a.sync(server.url);
    for (const d of [a, b]) expect(await d.lib.getHighlight('h0')).toMatchObject({ color: 'blue', note: 'from b' });
    expect(await snapshot(a.lib)).toEqual(await snapshot(b.lib));
  });

  it('changes delivered twice and a restart between pull and checkpoint change nothing', async () => {
    const a = await withHighlights('a', 4);
    await a.sync(server.url);
    const b = await device('b');
    await b.sync(server.url);
    const state = await snapshot(b.lib);
    await b.lib.setMeta('sync:since', '0');
    await b.restart();
    const again = await b.sync(server.url);
    expect(again.pulled).toBe(0);
    expect(again.pushed).toBe(0);
    expect(await snapshot(b.lib)).toEqual(state);
    expect(await b.lib.countOutbox()).toBe(0);
  });

  it('conflicting revisions on the server are merged, and the losers deleted', async () => {
    const a = await withHighlights('a', 1);
    await a.sync(server.url);
    const stored = await a.lib.getHighlight('h0');
    if (!stored) throw new Error('missing');
    const replica = highlightReplica(stored);
    const later = (s: string, n: string) => `${s.slice(0, 15)}-00000${n}-${s.slice(23)}`;
    const left = { ...replica, color: { value: 'green' as const, stamp: later(replica.color.stamp, '7') } };
    const right = { ...replica, note: { value: 'right side', stamp: later(replica.note.stamp, '8') } };
    // Two revisions of the same document written as replication would: both kept, one a conflict.
    const docs = [
      { ...toDoc({ type: 'highlight', value: left }), _rev: '2-aaaa', _revisions: { start: 2, ids: ['aaaa'] } },
      { ...toDoc({ type: 'highlight', value: right }), _rev: '2-bbbb', _revisions: { start: 2, ids: ['bbbb'] } },
    ];
    await fetch(`${server.url}/${DB}/_bulk_docs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ docs, new_edits: false }),
    });
    const before = (await (await fetch(`${server.url}/${DB}/h:h0?conflicts=true`)).json()) as { _conflicts?: string[] };
    expect(before._conflicts?.length).toBeGreaterThan(0);
    const b = await device('b');
    const report = await b.sync(server.url);
    expect(report.resolved).toBe(1);
    expect(await b.lib.getHighlight('h0')).toMatchObject({ color: 'green', note: 'right side' });
    const after = (await (await fetch(`${server.url}/${DB}/h:h0?conflicts=true`)).json()) as { _conflicts?: string[] };
    expect(after._conflicts ?? []).toEqual([]);
    await a.sync(server.url);
    expect(await snapshot(a.lib)).toEqual(await snapshot(b.lib));
  });

  it('a malformed or foreign document is skipped and counted; the rest apply', async () => {
    const a = await withHighlights('a', 2);
    await a.sync(server.url);
    await new CouchClient({ url: server.url, db: DB, username: '', password: '' }).bulkDocs([
      { _id: 'h:evil', glossa: 1, type: 'highlight', record: { id: 'evil', color: 'red<script>' } },
      { _id: 'someone-else', title: 'not ours' },
    ]);
    const b = await device('b');
    const report = await b.sync(server.url);
    expect(report.skipped).toBe(2);
    expect((await b.lib.allHighlights()).map((h) => h.id).sort()).toEqual(['h0', 'h1']);
  });

  it('a record the server refuses as too large is reported; everything else is synced', async () => {
    const a = await withHighlights('a', 3);
    await a.lib.upsertArticle(
      makeArticle({ id: 'big', text: '长'.repeat(60_000), html: `<p>${'长'.repeat(60_000)}</p>` }),
    );
    // Like CouchDB's max_document_size: any request over 100 kB is refused with 413.
    proxy.setRule((method, path, size) =>
      method === 'POST' && path.includes('_bulk_docs') && size > 100_000 ? { kind: 'status', status: 413 } : null,
    );
    const error = await a.sync(proxy.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).kind).toBe('refused');
    expect((error as SyncError).message).toContain('a:big');
    expect((await a.lib.pendingOutbox(10)).map((e) => e.key)).toEqual(['a:big']);
    const b = await device('b');
    await b.sync(server.url);
    expect((await b.lib.allHighlights()).length).toBe(3);
  });

  it('a server database reset or restored from an old copy gets everything again', async () => {
    const a = await withHighlights('a', 3);
    expect((await a.sync(server.url)).restarted).toBe(false);
    await fetch(`${server.url}/${DB}`, { method: 'DELETE' });
    await createDb(server.url);
    const again = await a.sync(server.url);
    expect(again.restarted).toBe(true);
    expect(again.pushed).toBe(3);
    const b = await device('b');
    await b.sync(server.url);
    expect(await snapshot(b.lib)).toEqual(await snapshot(a.lib));
  });
});
