// `npm run lint`, and the lint `npm test` runs: Biome (lint, format, import boundaries) over the
// sources, then `web-ext lint` (Mozilla's add-on linter, store rules included) over a fresh
// Firefox build, so a clone lints without building by hand first. Exits non-zero on any finding.
import { spawnSync } from 'node:child_process';

const steps = [
  ['npx', ['biome', 'check', '.']],
  ['npx', ['wxt', 'build', '-b', 'firefox']],
  ['npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--warnings-as-errors']],
];

for (const [cmd, args] of steps) {
  console.log(`\n── ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
