// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  chromiumArgs,
  FIREFOX_UUID,
  firefoxLibraryUrl,
  GECKO_ID,
  launchFailureSentence,
  parseStartArgs,
  webExtRunArgs,
} from '../../../scripts/start-plan.mjs';

describe('npm start: which browser (issue 19)', () => {
  it('opens Chromium by default and Firefox on `npm start -- firefox`', () => {
    expect(parseStartArgs([])).toEqual({ ok: true, value: { target: 'chromium', build: true, exitWhenShown: false } });
    expect(parseStartArgs(['firefox'])).toEqual({
      ok: true,
      value: { target: 'firefox', build: true, exitWhenShown: false },
    });
    expect(parseStartArgs(['chrome', '--no-build', '--exit-when-shown'])).toEqual({
      ok: true,
      value: { target: 'chromium', build: false, exitWhenShown: true },
    });
  });

  it('names an unknown argument and the commands that work', () => {
    const parsed = parseStartArgs(['safari']);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toBe('Unknown argument “safari”: use npm start, or npm start -- firefox.');
  });
});

describe('npm start: Chromium flags (issue 19: Chromium refuses to run as root with its sandbox)', () => {
  it('adds --no-sandbox only when running as root', () => {
    expect(chromiumArgs({ extensionDir: '/x/chrome-mv3', isRoot: true })).toContain('--no-sandbox');
    expect(chromiumArgs({ extensionDir: '/x/chrome-mv3', isRoot: false })).not.toContain('--no-sandbox');
  });

  it('loads the build and nothing else', () => {
    expect(chromiumArgs({ extensionDir: '/x/chrome-mv3', isRoot: false })).toEqual([
      '--disable-extensions-except=/x/chrome-mv3',
      '--load-extension=/x/chrome-mv3',
      '--no-first-run',
    ]);
  });
});

describe('npm start -- firefox: web-ext run', () => {
  it('runs the Firefox build as a temporary add-on with its host pinned and the library as the start page', () => {
    const args = webExtRunArgs({ sourceDir: '/x/firefox-mv2', firefox: '/usr/bin/firefox-esr' });
    expect(args[0]).toBe('run');
    expect(args).toContain('--source-dir=/x/firefox-mv2');
    expect(args).toContain('--firefox=/usr/bin/firefox-esr');
    expect(args).toContain('--target=firefox-desktop');
    const pref = args.find((a) => a.startsWith('--pref=extensions.webextensions.uuids='));
    expect(JSON.parse(pref?.slice('--pref=extensions.webextensions.uuids='.length) ?? 'null')).toEqual({
      [GECKO_ID]: FIREFOX_UUID,
    });
    expect(args).toContain(`--start-url=moz-extension://${FIREFOX_UUID}/popup.html`);
    expect(firefoxLibraryUrl()).toBe(`moz-extension://${FIREFOX_UUID}/popup.html`);
  });

  it('uses the add-on id the Firefox build declares', async () => {
    const config = await import('node:fs').then((fs) => fs.readFileSync('wxt.config.ts', 'utf8'));
    expect(config).toContain(`id: '${GECKO_ID}'`);
  });
});

describe('npm start: a browser that will not start', () => {
  it('is one sentence with the browser’s first line and what to do, never a stack trace', () => {
    const error = new Error(
      'Failed to launch the browser process!\n[0101/ERROR:zygote_host_impl_linux.cc(100)] Running as root without --no-sandbox is not supported.\n    at ChildProcess.onClose (node_modules/x.js:1:1)',
    );
    const sentence = launchFailureSentence({ browser: 'chromium', executable: '/usr/bin/chromium', error });
    expect(sentence).toBe(
      'Could not open Chromium (/usr/bin/chromium: Running as root without --no-sandbox is not supported.); ' +
        'try npm start -- firefox, ' +
        'or load the build by hand as the README\'s "Loading the build by hand" says.',
    );
    expect(sentence).not.toContain('\n');
    expect(sentence).not.toContain(' at ');
  });

  it('offers Chromium when Firefox fails, and shortens a long reason', () => {
    const sentence = launchFailureSentence({
      browser: 'firefox',
      executable: '/usr/bin/firefox-esr',
      error: 'x'.repeat(400),
    });
    expect(sentence).toContain('try npm start,');
    expect(sentence).toContain(`${'x'.repeat(157)}…`);
    expect(sentence).not.toContain('x'.repeat(158));
  });
});
