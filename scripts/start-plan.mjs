// The decisions `npm start` makes, as pure functions so they are unit-tested without a browser
// (tests/unit/scripts/start-plan.test.ts): which browser, which flags, what to say on failure.
// scripts/start.mjs only carries them out.

/** The add-on id in the Firefox build's manifest (wxt.config.ts). */
export const GECKO_ID = 'glossa@glossa.example';

/**
 * The moz-extension host `npm start -- firefox` pins through the `extensions.webextensions.uuids`
 * pref, so the page to open is known before the temporary add-on is installed (Firefox otherwise
 * picks a random one per install).
 */
export const FIREFOX_UUID = '6a1c55e2-7d0b-4f3e-9a41-0d1b5e7c9f21';

const TARGETS = { chromium: 'chromium', chrome: 'chromium', firefox: 'firefox' };

/**
 * Reads `npm start -- [chromium|firefox] [--no-build] [--exit-when-shown]`.
 * `--no-build` reuses `.output` (tests build once); `--exit-when-shown` closes the browser once
 * the seed or the library is on screen, so a test can run the real launch path and end.
 */
export function parseStartArgs(argv) {
  let target = 'chromium';
  let build = true;
  let exitWhenShown = false;
  for (const arg of argv) {
    if (arg === '--no-build') build = false;
    else if (arg === '--exit-when-shown') exitWhenShown = true;
    else if (Object.hasOwn(TARGETS, arg)) target = TARGETS[arg];
    else return { ok: false, error: `Unknown argument “${arg}”: use npm start, or npm start -- firefox.` };
  }
  return { ok: true, value: { target, build, exitWhenShown } };
}

/**
 * Chromium's command line. `--no-sandbox` only as root: Chromium refuses to start as root with its
 * sandbox on (containers, CI boxes and cloud shells often are root); for anyone else the sandbox
 * stays, since it is what protects the machine from a page.
 */
export function chromiumArgs({ extensionDir, isRoot }) {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    ...(isRoot ? ['--no-sandbox'] : []),
  ];
}

/** `web-ext run`'s arguments: the Firefox build as a temporary add-on, with Glossa's library open. */
export function webExtRunArgs({ sourceDir, firefox }) {
  return [
    'run',
    '--target=firefox-desktop',
    `--source-dir=${sourceDir}`,
    `--firefox=${firefox}`,
    '--no-input',
    '--no-reload',
    `--pref=extensions.webextensions.uuids=${JSON.stringify({ [GECKO_ID]: FIREFOX_UUID })}`,
    `--start-url=${firefoxLibraryUrl()}`,
  ];
}

/** The library page (the popup's page, in a tab) at the pinned host. */
export function firefoxLibraryUrl() {
  return `moz-extension://${FIREFOX_UUID}/popup.html`;
}

/**
 * One sentence for a browser that would not start: what failed, the browser's own first line
 * (never a stack trace), and what to do instead.
 */
export function launchFailureSentence({ browser, executable, error }) {
  const lines = String(error instanceof Error ? error.message : error)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('at '));
  // Puppeteer's first line only says the process failed; the browser's own reason follows it,
  // after Chromium's `[pid:tid:ERROR:file.cc(123)]` log prefix.
  const generic = lines.length > 1 && /^Failed to launch the browser process/.test(lines[0] ?? '');
  const reason = (generic ? lines[1] : lines[0])?.replace(/^\[[^\]]*\]\s*/, '') || 'no reason given';
  const short = reason.length > 160 ? `${reason.slice(0, 157)}…` : reason;
  const other = browser === 'chromium' ? 'npm start -- firefox' : 'npm start';
  return (
    `Could not open ${browser === 'chromium' ? 'Chromium' : 'Firefox'} (${executable}: ${short}); ` +
    `try ${other}, or load the build by hand as the README's "Loading the build by hand" says.`
  );
}
