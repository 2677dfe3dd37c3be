// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSupportedNode, SUPPORTED_NODE, unsupportedNodeMessage } from '../../../scripts/check-node.mjs';

describe('check-node (issue 19: fail early on an unsupported Node)', () => {
  it('states the same range as package.json engines, which npm and the README show', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(SUPPORTED_NODE);
    expect(readFileSync('README.md', 'utf8')).toContain(SUPPORTED_NODE);
  });

  it('accepts the supported lines from their floors and refuses the rest', () => {
    for (const v of ['v20.19.0', 'v20.20.2', '22.13.0', 'v22.20.1', 'v24.0.0', 'v26.1.0']) {
      expect(isSupportedNode(v), v).toBe(true);
    }
    for (const v of ['v18.20.4', 'v20.18.3', 'v21.7.0', 'v22.12.0', 'v23.5.0', 'nonsense', '']) {
      expect(isSupportedNode(v), v).toBe(false);
    }
  });

  it('accepts the Node running the tests (CI runs on the supported machine)', () => {
    expect(isSupportedNode(process.version)).toBe(true);
  });

  it('exits 1 with one sentence that says what to do, and 0 on a supported version', () => {
    const bad = spawnSync(process.execPath, ['scripts/check-node.mjs', 'v18.19.0'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe(unsupportedNodeMessage('v18.19.0'));
    expect(bad.stderr).toContain('nvm install 20');
    const good = spawnSync(process.execPath, ['scripts/check-node.mjs', 'v20.20.2'], { encoding: 'utf8' });
    expect(good.status).toBe(0);
    expect(good.stderr).toBe('');
  });
});
