// A real CouchDB-protocol server for tests and the bench: pouchdb-server, in memory, on
// 127.0.0.1 at a free port, with CORS on (the extension reaches it from an extension origin).
// Started in its own temporary directory, since it writes a config and a log where it runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../node_modules/pouchdb-server/bin/pouchdb-server');

/** A free loopback port. */
export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitUntilUp(url, child) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('pouchdb-server did not start within 30 s');
}

/** Starts a fresh in-memory server. */
export async function startCouchServer() {
  const dir = mkdtempSync(join(tmpdir(), 'glossa-couch-'));
  const config = join(dir, 'config.json');
  writeFileSync(
    config,
    JSON.stringify({
      httpd: { enable_cors: true },
      cors: {
        origins: '*',
        credentials: true,
        methods: 'GET, PUT, POST, HEAD, DELETE',
        headers: 'accept, authorization, content-type, origin, referer',
      },
      log: { file: join(dir, 'log.txt'), level: 'error' },
    }),
  );
  const port = await freePort();
  const args = [BIN, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--config', config];
  const child = spawn(process.execPath, args, { cwd: dir, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child);
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
