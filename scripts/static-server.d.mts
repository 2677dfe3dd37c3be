/** A running test server on 127.0.0.1. */
export interface StaticServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Serves `body` at `pathname` (with `type`, HTML by default). */
  route: (pathname: string, body: string, type?: string) => void;
  close: () => Promise<void>;
}
/** Starts a server for the folder `root` (or only routes, when null) on a free loopback port. */
export function startStaticServer(root: string | null): Promise<StaticServer>;
