/**
 * `wxt/browser` as the eager content script gets it (wxt.config.ts aliases it there): the
 * browser's own API — Firefox's `browser`, Chromium's `chrome`, no polyfill — looked up on first
 * use instead of when the script starts. Merely reading `chrome` builds the extension bindings of
 * the page's isolated world (about 0.4 ms, bench/FINDINGS.md), and on a page that is not an
 * article, most of the web, the script never calls them.
 */
import type { browser as Browser } from 'wxt/browser';

type Api = typeof Browser;

let api: Api | undefined;

function resolve(): Api {
  if (api) return api;
  // Firefox's `browser`, when it is one: in Chromium a page's markup can name a global `browser`
  // (`<form id=browser>` with an input named `runtime`), but no markup makes a function.
  const g = globalThis as { browser?: { runtime?: { id?: unknown; sendMessage?: unknown } }; chrome?: unknown };
  const firefox = g.browser?.runtime;
  api = (typeof firefox?.sendMessage === 'function' && firefox.id ? g.browser : g.chrome) as Api;
  return api;
}

export const browser: Api = new Proxy({} as Api, { get: (_, key) => Reflect.get(resolve(), key) });
