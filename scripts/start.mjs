// `npm start`: build Glossa for Chrome and Firefox, then open Chromium with it loaded and the
// seed article in the reader, or (`npm start -- firefox`) Firefox through `web-ext run` with the
// build as a temporary add-on and the library open. Without a display, say where the builds are
// and how to load them by hand. A browser that will not start is one sentence, never a stack.
// The choices themselves (flags, arguments, messages) are in start-plan.mjs, unit-tested.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isSupportedNode, unsupportedNodeMessage } from './check-node.mjs';
import { chromiumArgs, launchFailureSentence, parseStartArgs, webExtRunArgs } from './start-plan.mjs';

const root = path.resolve(import.meta.dirname, '..');
const chromeDir = path.join(root, '.output/chrome-mv3');
const firefoxDir = path.join(root, '.output/firefox-mv2');
const isRoot = process.getuid?.() === 0;

if (!isSupportedNode(process.version)) fail(unsupportedNodeMessage(process.version));
const parsed = parseStartArgs(process.argv.slice(2));
if (!parsed.ok) fail(parsed.error);
const options = parsed.value;

if (options.build) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const executable =
  options.target === 'firefox'
    ? ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find(existsSync)
    : ['/usr/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/chromium-browser'].find(existsSync);
if (!hasDisplay || !executable) {
  printByHand(
    hasDisplay
      ? `No ${options.target === 'firefox' ? 'Firefox' : 'Chromium'} was found to open it in.`
      : 'No display is available here, so no browser was opened.',
  );
  process.exit(0);
}
if (options.target === 'firefox') await openFirefox(executable);
else await openChromium(executable);

/** Chromium through puppeteer-core: load the build, open the library, then the seed in the reader. */
async function openChromium(chromium) {
  const { default: puppeteer } = await import('puppeteer-core');
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath: chromium,
      headless: false,
      defaultViewport: null,
      userDataDir: mkdtempSync(path.join(tmpdir(), 'glossa-start-')),
      args: chromiumArgs({ extensionDir: chromeDir, isRoot }),
    });
  } catch (error) {
    fail(launchFailureSentence({ browser: 'chromium', executable: chromium, error }));
  }
  try {
    const worker = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
      { timeout: 30_000 },
    );
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.goto(`${origin}/popup.html`);
    await page.waitForSelector('li.item > a', { timeout: 30_000 });
    const href = await page.$eval('li.item > a', (a) => a.href);
    await page.goto(href);
    await page.waitForSelector('article .g-body', { timeout: 30_000 });
    console.log(
      `Glossa is loaded in Chromium and shows the seed article (${page.url()}). Close the browser window to stop.`,
    );
  } catch (error) {
    await browser.close();
    fail(launchFailureSentence({ browser: 'chromium', executable: chromium, error }));
  }
  if (options.exitWhenShown) await browser.close();
  else browser.disconnect();
}

/** Firefox through `web-ext run`, which installs the build as a temporary add-on and stays attached. */
async function openFirefox(firefox) {
  const webExt = path.join(root, 'node_modules/.bin/web-ext');
  const child = spawn(webExt, webExtRunArgs({ sourceDir: firefoxDir, firefox }), {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const installed = new Promise((resolve) => {
    const read = (chunk) => {
      output += chunk;
      if (/Installed .* as a temporary add-on/.test(output)) resolve(true);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', () => resolve(false));
  });
  if (!(await installed)) {
    fail(launchFailureSentence({ browser: 'firefox', executable: firefox, error: lastLines(output) }));
  }
  // Keep draining web-ext's output (a full pipe would block it) without keeping it.
  for (const stream of [child.stdout, child.stderr]) stream.removeAllListeners('data').resume();
  console.log(
    'Glossa is installed in Firefox as a temporary add-on and its library tab is open (if the tab loaded a moment ' +
      'before the add-on and shows an error, press F5). Close Firefox or press Ctrl+C here to stop.',
  );
  if (options.exitWhenShown) child.kill('SIGINT');
}

/** web-ext's last meaningful lines: its own reason for failing. */
function lastLines(text) {
  const lines = text.split('\n').filter((l) => l.trim() && !l.includes('Firefox stdout'));
  return lines.slice(-1).join('') || 'web-ext exited';
}

function printByHand(why) {
  console.log(`
Glossa is built.
  Chrome/Chromium build: ${chromeDir}
  Firefox build:         ${firefoxDir}
${why}
Load it by hand:
  Chrome/Chromium: open chrome://extensions, turn on "Developer mode", click "Load unpacked",
                   and choose ${chromeDir}
  Firefox:         open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…",
                   and choose ${path.join(firefoxDir, 'manifest.json')}
Then click the Glossa toolbar button: the seed article is listed; click it to read it.`);
}

/** Ends `npm start` with one sentence on stderr. */
function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}
