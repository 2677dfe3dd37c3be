/**
 * Whether the highlighting layer already runs in this frame's isolated world (it may be
 * injected more than once: on revisit and on the first selection). Keyed by a registered
 * symbol on the isolated world's global, invisible to the page (see reading-view-handle.ts).
 */
const KEY = Symbol.for('glossa.annotator');

/** Marks the layer as running; false if it already was. */
export function claimAnnotator(): boolean {
  const g = globalThis as { [KEY]?: true };
  if (g[KEY]) return false;
  g[KEY] = true;
  return true;
}
