/**
 * A real HTTP server on 127.0.0.1 serving pictures and misbehaviours for the image-saving tests
 * (no fetch mocks: the bytes cross a socket as they would from a web server): routes are
 * registered per test, every request is logged with its headers, and in-flight requests counted.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Answers one request. */
export type Route = (res: ServerResponse) => void | Promise<void>;

/** A running server. */
export interface ImageServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Paths requested, in order, with their headers. */
  requests: { path: string; headers: IncomingHttpHeaders }[];
  /** The most requests seen in flight at once. */
  maxInFlight: number;
  route(path: string, answer: Route): void;
  stop(): Promise<void>;
}

/** A PNG-signed byte string of `width` × `height` with `salt` making it a different picture. */
export function pngBytes(width: number, height: number, salt = 0, size = 64): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(Math.max(size, 33));
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  bytes[bytes.length - 1] = salt;
  return bytes;
}

/** Serves `body` with a type (and a Content-Length unless `chunked`). */
export function serve(body: Uint8Array | string, type: string, chunked = false): Route {
  return (res) => {
    const headers: Record<string, string | number> = { 'content-type': type };
    if (!chunked) headers['content-length'] = Buffer.byteLength(body);
    res.writeHead(200, headers);
    res.end(body);
  };
}

/** Starts a server with no routes (unknown paths answer 404). */
export async function startImageServer(): Promise<ImageServer> {
  const routes = new Map<string, Route>();
  const sockets = new Set<Socket>();
  let inFlight = 0;
  const state: ImageServer = {
    origin: '',
    requests: [],
    maxInFlight: 0,
    route: (path, answer) => void routes.set(path, answer),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    state.requests.push({ path, headers: req.headers });
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const answer = routes.get(path);
    if (!answer) {
      res.writeHead(404).end();
      return;
    }
    await answer(res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
