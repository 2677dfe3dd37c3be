/** A running pouchdb-server. */
export interface CouchServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  stop: () => Promise<void>;
}
/** A free loopback port. */
export function freePort(): Promise<number>;
/** Starts a fresh in-memory pouchdb-server on loopback, CORS on. */
export function startCouchServer(): Promise<CouchServer>;
