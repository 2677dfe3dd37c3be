/**
 * Starts real headless Chromium or Firefox ESR with the built extension installed, and knows
 * each browser's quirks: Chromium loads an unpacked folder by flag; Firefox installs it over WebDriver BiDi with a pinned moz-extension host and never
 * resolves `goto()` on extension pages, so navigation there is started and then polled.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Which browser a test runs in. */
export type BrowserName = 'chromium' | 'firefox';

/** A running browser with Glossa installed. */
export interface ExtensionBrowser {
  name: BrowserName;
  browser: Browser;
  /** Origin of extension pages, e.g. `chrome-extension://abc…` or `moz-extension://uuid`. */
  origin: string;
  /** Opens an extension page (path like `/popup.html`) in a new tab and waits for `readySelector`. */
  openExtensionPage: (pathname: string, readySelector?: string) => Promise<Page>;
  /** Installs the build again over itself: the browser treats it as an update (onInstalled "update"). */
  update: () => Promise<void>;
  close: () => Promise<void>;
}

/** Waits for a tab whose URL contains `fragment` (polling: Firefox's BiDi target events lag URL changes). */
export async function waitForTab(browser: Browser, fragment: string, timeout = 30_000): Promise<Page> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    for (const page of await browser.pages()) {
      // Firefox reports moz-extension tabs as about:blank: ask the document itself.
      const href = page.url().includes(fragment)
        ? page.url()
        : await page.evaluate(() => location.href).catch(() => '');
      if (href.includes(fragment)) return page;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No tab with “${fragment}” opened within ${timeout} ms`);
}

/**
 * Polls `fn` in the page until it returns true. Unlike waitForFunction, survives the page
 * navigating underneath (Firefox's BiDi throws from evaluations that race a navigation).
 */
export async function pollPage(page: Page, fn: (arg: string) => boolean, arg = '', timeout = 30_000): Promise<void> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (await page.evaluate(fn, arg).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Page condition not met within ${timeout} ms: ${fn.toString().slice(0, 120)}`);
}

/** Reloads a page; on Firefox extension pages reload() never resolves, so poll for the new document. */
export async function reloadPage(page: Page, readySelector: string): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __glossaOld?: boolean }).__glossaOld = true;
  });
  page.reload().catch(() => undefined);
  await pollPage(
    page,
    () => !(window as unknown as { __glossaOld?: boolean }).__glossaOld && document.readyState !== 'loading',
  );
  await page.waitForSelector(readySelector, { timeout: 30_000 });
}

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** Build folders `npm run build` writes. */
export const BUILD_DIRS: Record<BrowserName, string> = {
  chromium: path.join(ROOT, '.output/chrome-mv3'),
  firefox: path.join(ROOT, '.output/firefox-mv2'),
};
const GECKO_ID = 'glossa@glossa.example';
const FIREFOX_UUID = '6f1c0d2e-8a4b-4c3d-9e5f-0a1b2c3d4e5f';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Options for {@link launchWithExtension}. */
export interface LaunchOptions {
  /** A user-data folder to reuse (two profiles = two "devices"); a fresh one by default. */
  profileDir?: string;
  /** Browser UI language, e.g. `zh-CN`. */
  lang?: string;
}

/** Starts `name` headless with the built extension installed. */
export async function launchWithExtension(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

async function launchChromium(options: LaunchOptions): Promise<ExtensionBrowser> {
  const dir = BUILD_DIRS.chromium;
  const profile = options.profileDir ?? mkdtempSync(path.join(tmpdir(), 'glossa-chromium-'));
  // Installed over CDP rather than by --load-extension: a command-line extension is blocked
  // after runtime.reload() or a reinstall, and tests need to update it in place.
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    enableExtensions: true,
    // Below the tests' 120 s: a CDP call that never returns fails naming itself, not the test.
    protocolTimeout: 60_000,
    userDataDir: profile,
    args: [...CHROMIUM_FLAGS, ...(options.lang ? [`--lang=${options.lang}`] : [])],
    env: { ...process.env, ...(options.lang ? { LANGUAGE: options.lang.replace('-', '_') } : {}) },
  });
  const id = await browser.installExtension(dir);
  const origin = `chrome-extension://${id}`;
  return {
    name: 'chromium',
    browser,
    origin,
    openExtensionPage: async (pathname, readySelector) => {
      const page = await browser.newPage();
      await page.goto(origin + pathname, { waitUntil: 'domcontentloaded' });
      if (readySelector) await page.waitForSelector(readySelector, { timeout: 30_000 });
      return page;
    },
    update: async () => {
      await browser.installExtension(dir);
    },
    close: async () => {
      await browser.close();
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function launchFirefox(options: LaunchOptions): Promise<ExtensionBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      ...(options.lang ? { 'intl.locale.requested': options.lang } : {}),
    },
  });
  await browser.installExtension(BUILD_DIRS.firefox);
  const origin = `moz-extension://${FIREFOX_UUID}`;
  return {
    name: 'firefox',
    browser,
    origin,
    openExtensionPage: async (pathname, readySelector) => {
      const page = await browser.newPage();
      // goto() on moz-extension:// never resolves under BiDi: start it, then poll the page.
      page.goto(origin + pathname).catch(() => undefined);
      await pollPage(page, (p: string) => location.href.includes(p) && document.readyState !== 'loading', pathname);
      if (readySelector) await page.waitForSelector(readySelector, { timeout: 30_000 });
      return page;
    },
    update: async () => {
      await browser.installExtension(BUILD_DIRS.firefox);
    },
    close: () => browser.close(),
  };
}
