/**
 * Which run of the eager content script owns this frame. Only one may: when the script runs
 * again in a frame that already has it (the extension reloaded or updated while the tab stayed
 * open, and the script was injected anew), the newer run stops the older one's listeners,
 * watcher and control.
 *
 * This replaces WXT's `ContentScriptContext`, which announces every start to the page itself
 * (`window.postMessage` with our extension id, and a document event a page can forge to switch
 * us off): the page must learn nothing of Glossa and command nothing. The hand-over lives on the
 * isolated world's global under a registered symbol, like lib/page's other hand-overs, where
 * the page's own world cannot see or touch it.
 */

const KEY = Symbol.for('glossa.content-script-run');

/** Starts this run: aborts any earlier run in this frame; returns the signal that stops this one. */
export function claimContentScriptRun(): AbortSignal {
  const g = globalThis as { [KEY]?: AbortController };
  g[KEY]?.abort();
  const run = new AbortController();
  g[KEY] = run;
  return run.signal;
}
