/** The Node versions Glossa supports: the same range as package.json's `engines.node`. */
export const SUPPORTED_NODE: string;
/** Whether `version` (e.g. `v20.20.2`) is in SUPPORTED_NODE. */
export function isSupportedNode(version: string): boolean;
/** The sentence shown on an unsupported Node. */
export function unsupportedNodeMessage(version: string): string;
