/**
 * A loopback HTTP proxy in front of the test CouchDB server that can misbehave on request:
 * refuse connections (server down), answer with an HTTP error (401, 403, 409, 500), cut a
 * response short, or deliver a response twice's worth of the same change. Sync must survive
 * each with nothing lost; the real server behind it keeps the real protocol semantics.
 */
import { createServer, request, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { freePort } from '../../scripts/couch-server.mjs';

/** What to do with one request; `null` passes it through untouched. */
export type Fault =
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'cut' }
  | { kind: 'drop' }
  | { kind: 'hold'; until: Promise<void> }
  | null;

/** Chooses a fault for a request (method, path with query, body size in bytes). */
export type FaultRule = (method: string, path: string, size: number) => Fault;

/** A running proxy. */
export interface FaultProxy {
  url: string;
  /** Requests seen, as `METHOD path`. */
  log: string[];
  /** The Authorization header of each request seen ('' when none), in order. */
  authorizations: string[];
  /** Replaces the rule (default: pass everything). */
  setRule(rule: FaultRule): void;
  stop(): Promise<void>;
}

/** Starts a proxy to `target` (e.g. `http://127.0.0.1:5984`). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  let rule: FaultRule = () => null;
  const log: string[] = [];
  const authorizations: string[] = [];
  const sockets = new Set<Socket>();
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    log.push(`${req.method} ${path}`);
    authorizations.push(req.headers.authorization ?? '');
    const fault = rule(req.method ?? 'GET', path, Number(req.headers['content-length'] ?? 0));
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, { 'Content-Type': 'application/json' });
      res.end(fault.body ?? JSON.stringify({ error: 'injected', reason: `injected ${fault.status}` }));
      return;
    }
    const held = fault?.kind === 'hold' ? fault.until : Promise.resolve();
    void held.then(() => {
      const forward = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path, headers: req.headers },
        (answer) => {
          if (fault?.kind === 'cut') {
            // Send the status and half the body, then hang up.
            const chunks: Buffer[] = [];
            answer.on('data', (c: Buffer) => chunks.push(c));
            answer.on('end', () => {
              const body = Buffer.concat(chunks);
              res.writeHead(answer.statusCode ?? 200, {
                'Content-Type': 'application/json',
                'Content-Length': body.length,
              });
              res.write(body.subarray(0, Math.floor(body.length / 2)));
              setTimeout(() => res.socket?.destroy(), 10);
            });
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      req.pipe(forward);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    authorizations,
    setRule: (next) => {
      rule = next;
    },
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
