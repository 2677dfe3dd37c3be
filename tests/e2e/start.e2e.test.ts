// Issue 19: `npm start`'s real launch path, under a virtual display (xvfb-run), on the builds the
// suite already made (`--no-build`). The machine runs the tests as root, so the Chromium case is
// the one that used to die ("Running as root without --no-sandbox is not supported").
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs `npm start -- <args> --no-build --exit-when-shown` with a display of its own. */
function start(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const r = spawnSync('xvfb-run', ['-a', 'node', 'scripts/start.mjs', ...args, '--no-build', '--exit-when-shown'], {
    encoding: 'utf8',
    env,
    timeout: 110_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm start under a display', () => {
  it('opens Chromium with Glossa and the seed article in the reader (as root: with --no-sandbox)', () => {
    const r = start();
    expect(r.stderr).not.toMatch(/Could not open|Error/);
    expect(r.stdout).toMatch(
      /Glossa is loaded in Chromium and shows the seed article \(chrome-extension:\/\/[a-p]{32}\/reader\.html\?id=a_[0-9a-f]{24}\)/,
    );
    expect(r.status).toBe(0);
  });

  it('npm start -- firefox installs the Firefox build with web-ext run', () => {
    const r = start('firefox');
    expect(r.stderr).not.toMatch(/Could not open/);
    expect(r.stdout).toContain('Glossa is installed in Firefox as a temporary add-on');
    expect(r.status).toBe(0);
  });

  it('without a display says where the builds are and how to load them, and opens nothing', () => {
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const r = spawnSync('node', ['scripts/start.mjs', '--no-build'], { encoding: 'utf8', env, timeout: 30_000 });
    expect(r.stdout).toContain('No display is available here, so no browser was opened.');
    expect(r.stdout).toContain('.output/chrome-mv3');
    expect(r.status).toBe(0);
  });
});
