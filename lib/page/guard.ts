/**
 * Nothing of ours may escape into a web page: code that runs in a page's frame (the eager
 * content script, the page agent, the injected scripts) wraps its callbacks so an exception stays
 * ours — reported to our console with a prefix, never uncaught in the page's console or
 * `onerror`.
 */

/** `fn` with every exception (and a returned promise's rejection) caught and reported as ours. */
export function guard<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void {
  return (...args) => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch(report);
    } catch (e) {
      report(e);
    }
  };
}

/** `fn()`, or `fallback` when it throws (reported as ours). */
export function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (e) {
    report(e);
    return fallback;
  }
}

/** Reports an error of ours where a developer looks, never where the page listens. */
export function report(e: unknown): void {
  console.debug('[Glossa]', e);
}
