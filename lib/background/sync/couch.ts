/**
 * A thin client of the CouchDB replication protocol: the endpoints Glossa's sync needs (database
 * info, `_changes`, `_all_docs` by keys, `_bulk_docs`, `open_revs`, one attachment), over `fetch`.
 * Every failure becomes a {@link SyncError} with a kind the UI can put in plain words.
 * Each request has a deadline well under the 30 s after which an MV3 worker is stopped.
 */
import { type ServerConfig, SyncError, validateConfig } from '../../shared/sync/config';

/** A document as the server returns it. */
export interface CouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _attachments?: Record<string, Attachment>;
  [field: string]: unknown;
}

/** An attachment as a document lists it: a stub of one the server holds, or inline data to store. */
export interface Attachment {
  content_type?: string;
  length?: number;
  digest?: string;
  stub?: boolean;
  /** Base64 of the bytes (only when sending a new one). */
  data?: string;
}

/** One row of `_changes` (include_docs). */
export interface ChangeRow {
  id: string;
  seq: string | number;
  deleted?: boolean;
  doc?: CouchDoc;
}

/** One result of `_bulk_docs`. */
export interface BulkResult {
  id: string;
  rev?: string;
  ok?: boolean;
  error?: string;
  reason?: string;
}

/** Counts requests and bytes: the bench and the status line report them. */
export interface Traffic {
  requests: number;
  bytesSent: number;
  bytesReceived: number;
}

const TIMEOUT_MS = 20_000;
/** Largest answer read from the server (a page of `_changes` with article bodies is the big one). */
export const MAX_RESPONSE_BYTES = 64_000_000;

/** A client bound to one database. */
export class CouchClient {
  readonly traffic: Traffic = { requests: 0, bytesSent: 0, bytesReceived: 0 };
  private readonly base: string;
  private readonly auth: string | null;

  constructor(
    config: ServerConfig,
    private readonly fetcher: typeof fetch = (input, init) => fetch(input, init),
    /** Largest answer read (tests make it small). */
    private readonly maxResponseBytes = MAX_RESPONSE_BYTES,
  ) {
    const problem = validateConfig(config);
    if (problem) throw new SyncError('bad-config', problem);
    this.base = `${config.url.replace(/\/+$/, '')}/${encodeURIComponent(config.db)}`;
    this.auth = config.username ? `Basic ${base64(`${config.username}:${config.password}`)}` : null;
  }

  /** Database info; creates the database when it is missing and `create` is set. */
  async info(create = false): Promise<{ update_seq: unknown; doc_count: number }> {
    try {
      return await this.json('GET', '');
    } catch (error) {
      if (!(create && error instanceof SyncError && error.kind === 'not-found')) throw error;
      await this.json('PUT', '');
      return this.json('GET', '');
    }
  }

  /** Changes after `since`, with documents and their conflicting revisions listed. */
  changes(since: string, limit: number): Promise<{ results: ChangeRow[]; last_seq: string | number }> {
    const query = `?style=all_docs&include_docs=true&conflicts=true&limit=${limit}&since=${encodeURIComponent(since)}`;
    return this.json('GET', `/_changes${query}`);
  }

  /** The current winning revisions of `ids` (absent and deleted ones left out), with conflicts. */
  async getDocs(ids: readonly string[]): Promise<Map<string, CouchDoc>> {
    const body = await this.json<{ rows: { key: string; doc?: CouchDoc | null }[] }>(
      'POST',
      '/_all_docs?include_docs=true&conflicts=true',
      { keys: ids },
    );
    const found = new Map<string, CouchDoc>();
    for (const row of body.rows ?? []) if (row.doc) found.set(row.key, row.doc);
    return found;
  }

  /** Specific revisions of one document (the losing sides of a conflict). */
  async getRevisions(id: string, revs: readonly string[]): Promise<CouchDoc[]> {
    const path = `/${encodeURIComponent(id)}?open_revs=${encodeURIComponent(JSON.stringify(revs))}`;
    const rows = await this.json<{ ok?: CouchDoc }[]>('GET', path);
    return rows.flatMap((row) => (row.ok ? [row.ok] : []));
  }

  /** This device's checkpoint document (`_local/…`, never replicated), or null when absent. */
  async getLocal(id: string): Promise<{ since: string; _rev?: string } | null> {
    try {
      const doc = await this.json<{ since?: unknown; _rev?: string }>('GET', `/${id}`);
      return typeof doc.since === 'string' ? { since: doc.since, _rev: doc._rev } : null;
    } catch (error) {
      if (error instanceof SyncError && error.kind === 'not-found') return null;
      throw error;
    }
  }

  /** Stores this device's checkpoint document. */
  async putLocal(id: string, body: { since: string }, rev?: string): Promise<void> {
    await this.json('PUT', `/${id}`, rev ? { ...body, _rev: rev } : body);
  }

  /** Writes documents; per-document results (a conflict is a result, not a thrown error). */
  bulkDocs(docs: readonly CouchDoc[]): Promise<BulkResult[]> {
    return this.json('POST', '/_bulk_docs', { docs });
  }

  /** The bytes of one attachment of a document, read with a cap of `maxBytes`. */
  async attachment(docId: string, name: string, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
    const path = `/${encodeURIComponent(docId)}/${encodeURIComponent(name)}`;
    return (await this.request('GET', path, undefined, maxBytes, '*/*')).bytes;
  }

  /** One request with JSON in and out; every failure becomes a SyncError. */
  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { bytes, status } = await this.request(method, path, body, this.maxResponseBytes, 'application/json');
    try {
      return JSON.parse(new TextDecoder().decode(bytes)) as T;
    } catch {
      throw new SyncError('bad-response', 'The server’s answer was not complete JSON (cut short?).', status);
    }
  }

  /** One request; its answer's bytes (at most `cap`); every failure becomes a SyncError. */
  private async request(
    method: string,
    path: string,
    body: unknown,
    cap: number,
    accept: string,
  ): Promise<{ bytes: Uint8Array<ArrayBuffer>; status: number }> {
    const headers: Record<string, string> = { Accept: accept };
    if (this.auth) headers.Authorization = this.auth;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    this.traffic.requests += 1;
    this.traffic.bytesSent += payload?.length ?? 0;
    let response: Response;
    try {
      response = await this.fetcher(this.base + path, {
        method,
        headers,
        body: payload,
        credentials: 'omit',
        // The password rides in a header we set: a redirect must never carry it elsewhere.
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        throw new SyncError('timeout', 'The server did not answer within 20 seconds.');
      }
      throw new SyncError('unreachable', 'Could not reach the server (offline, wrong address, or blocked).');
    }
    const bytes = await readCapped(response, cap);
    this.traffic.bytesReceived += bytes.byteLength;
    if (!response.ok) throw httpError(response.status, new TextDecoder().decode(bytes.subarray(0, 4096)));
    return { bytes, status: response.status };
  }
}

/**
 * The body of `response`, read with a cap: a server (or anything posing as one) that
 * answers without end cannot fill the background's memory. Over the cap, the request fails.
 */
async function readCapped(response: Response, cap: number): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () =>
    new SyncError('bad-response', `The server’s answer is larger than ${cap / 1_000_000} MB.`, response.status);
  if (Number(response.headers.get('content-length') ?? 0) > cap) throw tooLarge();
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const parts: Uint8Array[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > cap) {
        await reader.cancel();
        throw tooLarge();
      }
      parts.push(value);
    }
  } catch (error) {
    if (error instanceof SyncError) throw error;
    throw new SyncError('bad-response', 'The server’s answer was cut short.', response.status);
  }
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.byteLength;
  }
  return all;
}

/** Maps an HTTP failure to a kind and a sentence. */
function httpError(status: number, text: string): SyncError {
  const reason = /"reason"\s*:\s*"([^"]{0,200})"/.exec(text)?.[1];
  const detail = reason ? ` (${reason})` : '';
  if (status === 401)
    return new SyncError('unauthorized', `The server refused the user name or password${detail}.`, status);
  if (status === 403) return new SyncError('forbidden', `This user may not use this database${detail}.`, status);
  if (status === 404) return new SyncError('not-found', `The database does not exist${detail}.`, status);
  if (status === 429) return new SyncError('server', `The server is busy (rate limited)${detail}.`, status);
  if (status === 413 || status === 507)
    return new SyncError('quota', `The server is out of space or refused the size${detail}.`, status);
  if (status >= 500) return new SyncError('server', `The server failed (HTTP ${status})${detail}.`, status);
  return new SyncError('bad-response', `Unexpected answer HTTP ${status}${detail}.`, status);
}

/** Base64 of a UTF-8 string (btoa alone rejects non-Latin-1 passwords). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
