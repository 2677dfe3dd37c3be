// Fails early, in one sentence, on a Node that Glossa's tools do not support. Without it an old
// Node gets past `npm ci` with EBADENGINE warnings and then breaks somewhere deep inside Vite,
// jsdom or WXT with an error that does not mention Node at all.
//
// Run as `preinstall` (npm runs it before `postinstall`'s `wxt prepare`) and by `npm start`.
// Chosen over `engine-strict=true` in .npmrc because that also enforces every dependency's own
// `engines`, some of which are stale (a bench-only package still says Node ≤ 16), and its
// message names a package, not the fix.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The Node versions Glossa supports: the same range as package.json's `engines.node`. */
export const SUPPORTED_NODE = '^20.19.0 || ^22.13.0 || >=24.0.0';

/**
 * Whether `version` (e.g. `v20.20.2`) is in SUPPORTED_NODE. The floor comes from the tools:
 * Vite 8 and jsdom 29 need 20.19 on the 20 line and 22.13 on the 22 line; odd lines are skipped.
 * Written by hand because it runs before any dependency (semver) may be installed.
 */
export function isSupportedNode(version) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) return false;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  if (major === 20) return minor >= 19;
  if (major === 22) return minor >= 13;
  return major >= 24;
}

/** The sentence shown on an unsupported Node. */
export function unsupportedNodeMessage(version) {
  return (
    `Glossa needs Node ${SUPPORTED_NODE} (this is Node ${version}): install Node 20.19 or newer ` +
    `(e.g. \`nvm install 20\`, or https://nodejs.org/en/download), then run npm ci again.`
  );
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const version = process.argv[2] ?? process.version;
  if (!isSupportedNode(version)) {
    console.error(unsupportedNodeMessage(version));
    process.exit(1);
  }
}
