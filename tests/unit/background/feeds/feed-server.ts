/**
 * A real HTTP server on 127.0.0.1 for the feed fetch tests: each test routes paths to handlers
 * and reads back the requests the server saw (headers included), so conditional GET, redirects,
 * Retry-After and size caps are tested against a socket, not a fetch mock.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers one request. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A request as the server saw it. */
export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

/** A running server: its base URL, the requests so far, and how to stop it. */
export interface FeedServer {
  base: string;
  seen: SeenRequest[];
  /** Sockets the server saw closed before their response finished. */
  aborted: () => number;
  close: () => Promise<void>;
}

/** Starts a server answering `routes` (404 elsewhere). */
export async function startFeedServer(routes: Record<string, Handler>): Promise<FeedServer> {
  const seen: SeenRequest[] = [];
  let aborted = 0;
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    seen.push({ path, headers: req.headers });
    res.on('close', () => {
      if (!res.writableFinished) aborted += 1;
    });
    const handler = routes[path];
    if (handler) handler(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    seen,
    aborted: () => aborted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
