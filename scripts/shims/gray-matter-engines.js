// Replaces gray-matter's lib/engines.js in browser bundles: YAML through js-yaml 4's safe
// core schema, and no JavaScript engine at all (gray-matter's uses eval).
import { CORE_SCHEMA, dump, load } from 'js-yaml';

export const yaml = {
  parse: (str) => load(str, { schema: CORE_SCHEMA }),
  stringify: (data) => dump(data, { schema: CORE_SCHEMA }),
};
export const json = {
  parse: (str) => JSON.parse(str),
  stringify: (data) => JSON.stringify(data, null, 2),
};
export default { yaml, json };
