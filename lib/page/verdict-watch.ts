/**
 * Keeps the article verdict of a page current. Many pages are not done at `document_idle`:
 * single-page apps render after load and blogs fetch their posts late. A debounced
 * MutationObserver re-checks, but only a few times and only for a while after load, so a page
 * that never stops changing (tickers, feeds, ads) costs at most a handful of detections.
 */

/** Limits of the re-checking. */
export interface WatchOptions {
  /** Quiet time after the last mutation before re-checking. Default 500 ms. */
  debounceMs?: number;
  /** Most re-checks after the first check. Default 5. */
  maxRechecks?: number;
  /** Stop watching this long after start. Default 30 s. */
  windowMs?: number;
  /** Mutations only inside these nodes (our own UI) never trigger a re-check. */
  ignore?: (node: Node) => boolean;
}

/**
 * Calls `onVerdict` with `check()`'s answer now and whenever it changes after a re-check,
 * until `signal` aborts or the limits are reached. `check` must not throw (wrap it).
 */
export function watchVerdict(
  doc: Document,
  check: () => boolean,
  onVerdict: (isArticle: boolean) => void,
  signal: AbortSignal,
  options: WatchOptions = {},
): void {
  const { debounceMs = 500, maxRechecks = 5, windowMs = 30_000, ignore = () => false } = options;
  const win = doc.defaultView;
  let verdict = check();
  onVerdict(verdict);
  if (!win || signal.aborted) return;
  let rechecks = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new win.MutationObserver((records) => {
    if (records.every((r) => ignore(r.target) || [...r.addedNodes, ...r.removedNodes].every(ignore))) return;
    clearTimeout(timer);
    timer = setTimeout(recheck, debounceMs);
  });
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(deadline);
  };
  const recheck = () => {
    rechecks++;
    const next = check();
    if (next !== verdict) {
      verdict = next;
      onVerdict(next);
    }
    if (rechecks >= maxRechecks) stop();
  };
  const deadline = setTimeout(stop, windowMs);
  signal.addEventListener('abort', stop, { once: true });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
}
