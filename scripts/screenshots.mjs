// `npm run screenshots`: refreshes the README's screenshots. Runs the e2e file that takes them
// (tests/e2e/screenshots.e2e.test.ts, headless Chromium, on a fresh build) and copies
// tests/artifacts/docs-*.png to docs/*.png. `--no-run` only copies what the last e2e run left.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
/** Artifact name → the docs file the README shows. */
const SHOTS = {
  'docs-popup.png': 'popup.png',
  'docs-reader.png': 'reader.png',
  'docs-reading-view.png': 'reading-view.png',
  'docs-options.png': 'options.png',
};

if (!process.argv.includes('--no-run')) {
  for (const [cmd, args] of [
    ['npx', ['wxt', 'build', '-b', 'chrome']],
    ['npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', 'tests/e2e/screenshots.e2e.test.ts']],
  ]) {
    const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
for (const [artifact, doc] of Object.entries(SHOTS)) {
  const from = path.join(root, 'tests/artifacts', artifact);
  if (!existsSync(from)) {
    console.error(`${from} is missing: run npm run screenshots without --no-run.`);
    process.exit(1);
  }
  copyFileSync(from, path.join(root, 'docs', doc));
  console.log(`docs/${doc} ← tests/artifacts/${artifact}`);
}
