// Headless Chromium for benchmarks, with the flags a closed-network machine needs, and
// optionally the built extension loaded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

export const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Starts Chromium; with `extensionDir`, loads it and resolves the extension origin.
 * `protocolTimeout` (ms) raises puppeteer's 180 s limit for one call (a slow peer's pass).
 */
export async function launchChromium(extensionDir, { protocolTimeout } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'glossa-bench-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    ...(protocolTimeout ? { protocolTimeout } : {}),
    args: [
      ...FLAGS,
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ],
  });
  let origin = null;
  if (extensionDir) {
    const worker = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    );
    origin = `chrome-extension://${new URL(worker.url()).host}`;
  }
  return {
    browser,
    origin,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `fn(...args)` in an extension page once the bundled seed is imported (the popup lists
 * it), and returns its result: how suites fill the library before they measure.
 */
export async function inSeededLibrary(chrome, fn, ...args) {
  const setup = await chrome.browser.newPage();
  try {
    await setup.goto(`${chrome.origin}/popup.html`);
    await setup.waitForSelector('li.item > a', { timeout: 30_000 });
    return await setup.evaluate(fn, ...args);
  } finally {
    await setup.close();
  }
}

/** Median and 95th percentile of a list of numbers. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}
