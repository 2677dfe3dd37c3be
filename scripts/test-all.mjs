// The README's test command: type-check, lint (Biome and web-ext lint), build both browsers,
// run the unit suite, then the end-to-end suite in real Chromium and Firefox. Ends with one
// line of totals over every suite: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];
const out = 'tests/artifacts';
mkdirSync(out, { recursive: true });

/** Runs a command as a single pass/fail check. */
function check(name, cmd, args) {
  console.log(`\n── ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  results.push({ name, passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1 });
  return r.status === 0;
}

/** Runs a vitest suite and counts its tests from the JSON report. */
function vitest(name, config) {
  const file = `${out}/${name}.json`;
  rmSync(file, { force: true });
  console.log(`\n── ${name}: vitest --config ${config}`);
  const r = spawnSync(
    'npx',
    ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
    {
      stdio: 'inherit',
    },
  );
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    // A file that fails to load fails no test; count it, and count an empty run, as one failure.
    const broken = report.numFailedTests === 0 && (!report.success || r.status !== 0) ? 1 : 0;
    const failed = report.numFailedTests + broken + (report.numTotalTests === 0 ? 1 : 0);
    results.push({ name, passed: report.numPassedTests, failed });
  } catch {
    results.push({ name, passed: 0, failed: 1 });
  }
  return r.status === 0;
}

check('typecheck', 'npm', ['run', 'typecheck']);
// The same lint as `npm run lint`: Biome, then web-ext lint of a Firefox build of its own.
check('lint', 'npm', ['run', 'lint']);
const built = check('build', 'npm', ['run', 'build']);
vitest('unit', 'vitest.config.ts');
if (built) vitest('e2e', 'vitest.e2e.config.ts');

console.log('\n── totals by suite');
for (const r of results) console.log(`  ${r.name.padEnd(14)} ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
