// `npm start`: build Glossa for Chrome and Firefox, then open Chromium (or Firefox) with it
// loaded and the seed article shown in the reader. Without a display, say where the builds
// are and how to load them by hand.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const chromeDir = path.join(root, '.output/chrome-mv3');
const firefoxDir = path.join(root, '.output/firefox-mv2');

const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const chromium = ['/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/chromium-browser'].find(existsSync);

if (!hasDisplay || !chromium) {
  console.log(`
Glossa is built.
  Chrome/Chromium build: ${chromeDir}
  Firefox build:         ${firefoxDir}
${hasDisplay ? 'No Chromium was found to open it in.' : 'No display is available here, so no browser was opened.'}
Load it by hand:
  Chrome/Chromium: open chrome://extensions, turn on "Developer mode", click "Load unpacked",
                   and choose ${chromeDir}
  Firefox:         open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…",
                   and choose ${path.join(firefoxDir, 'manifest.json')}
Then click the Glossa toolbar button: the seed article is listed; click it to read it.`);
  process.exit(0);
}

const { default: puppeteer } = await import('puppeteer-core');
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: false,
  defaultViewport: null,
  userDataDir: mkdtempSync(path.join(tmpdir(), 'glossa-start-')),
  args: [`--disable-extensions-except=${chromeDir}`, `--load-extension=${chromeDir}`, '--no-first-run'],
});
const worker = await browser.waitForTarget(
  (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
);
const origin = `chrome-extension://${new URL(worker.url()).host}`;
const page = (await browser.pages())[0] ?? (await browser.newPage());
await page.goto(`${origin}/popup.html`);
await page.waitForSelector('li.item > a', { timeout: 30_000 });
const href = await page.$eval('li.item > a', (a) => a.href);
await page.goto(href);
console.log(`Glossa is loaded in Chromium and shows the seed article. Close the browser window to stop.`);
browser.disconnect();
