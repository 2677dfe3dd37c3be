/**
 * Whether this frame's page agent (entrypoints/page-agent.ts) already runs. The background may
 * inject it more than once — on the article verdict, and ahead of the reading view or the
 * highlighting layer — and only the first copy may listen, or a call to the tab would get two
 * answers. Keyed by a registered symbol on the isolated world's global, invisible to the page
 * (see reading-view-handle.ts).
 */
const KEY = Symbol.for('glossa.pageAgent');

/** Marks the agent as running; false if it already was. */
export function claimPageAgent(): boolean {
  const g = globalThis as { [KEY]?: true };
  if (g[KEY]) return false;
  g[KEY] = true;
  return true;
}
