/**
 * The eager content script's `browser` (lib/page/lazy-browser.ts; wxt.config.ts aliases
 * `wxt/browser` to it there): reading the browser's API object builds the extension bindings of
 * the page's isolated world, which a page that is not an article never needs, so the module must
 * not touch it until a call is made — and then hand out the real API (Firefox's `browser` when it
 * has a runtime, else Chromium's `chrome`).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const g = globalThis as Record<string, unknown>;
const saved = {
  browser: Object.getOwnPropertyDescriptor(g, 'browser'),
  chrome: Object.getOwnPropertyDescriptor(g, 'chrome'),
};

afterEach(() => {
  for (const [key, descriptor] of Object.entries(saved)) {
    if (descriptor) Object.defineProperty(g, key, descriptor);
    else delete g[key];
  }
  vi.resetModules();
});

/** Installs `value` as the global `key`, counting reads. */
function counted(key: string, value: unknown): { reads: number } {
  const count = { reads: 0 };
  Object.defineProperty(g, key, {
    configurable: true,
    get: () => {
      count.reads++;
      return value;
    },
  });
  return count;
}

describe('lazy browser', () => {
  it('reads neither `browser` nor `chrome` until the first call, then reaches the real API', async () => {
    const sendMessage = vi.fn(async () => 'answer');
    const chrome = counted('chrome', { runtime: { id: 'ext', sendMessage } });
    const browser = counted('browser', undefined);
    const { browser: lazy } = await import('../../../lib/page/lazy-browser');
    expect(chrome.reads + browser.reads).toBe(0);
    await expect(lazy.runtime.sendMessage({ hello: 1 })).resolves.toBe('answer');
    expect(sendMessage).toHaveBeenCalledWith({ hello: 1 });
    expect(chrome.reads).toBe(1);
    // Looked up once: later calls do not read the globals again.
    await lazy.runtime.sendMessage({ hello: 2 });
    expect(chrome.reads + browser.reads).toBe(2);
  });

  it('prefers Firefox’s own `browser` when it has a runtime', async () => {
    const firefox = {
      runtime: { id: 'ext', sendMessage: async () => null, getURL: (p: string) => `moz-extension://x${p}` },
    };
    counted('browser', firefox);
    counted('chrome', { runtime: { id: 'ext', getURL: () => 'wrong' } });
    const { browser: lazy } = await import('../../../lib/page/lazy-browser');
    expect(lazy.runtime.getURL('/popup.html')).toBe('moz-extension://x/popup.html');
  });

  it('takes Chromium’s `chrome` when a page’s markup names a `browser` global (no function in it)', async () => {
    // `<form id=browser><input name=runtime id=x>` makes `browser.runtime.id` truthy in Chromium.
    counted('browser', { runtime: { id: { tagName: 'INPUT' } } });
    counted('chrome', { runtime: { id: 'ext', getURL: (p: string) => `chrome-extension://x${p}` } });
    const { browser: lazy } = await import('../../../lib/page/lazy-browser');
    expect(lazy.runtime.getURL('/popup.html')).toBe('chrome-extension://x/popup.html');
  });
});
