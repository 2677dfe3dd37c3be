// Replaces gray-matter's lib/utils.js in browser bundles: the same helpers without Node's
// Buffer (gray-matter calls Buffer.from on every parse only to keep an unused `orig` copy).
export function define(obj, key, val) {
  Reflect.defineProperty(obj, key, { enumerable: false, configurable: true, writable: true, value: val });
}
export const isBuffer = () => false;
export const isObject = (val) => val !== null && typeof val === 'object' && !Array.isArray(val);
export const toBuffer = (input) => input;
function toText(input) {
  if (typeof input !== 'string') throw new TypeError('expected input to be a string');
  return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
}
export const arrayify = (val) => (val ? (Array.isArray(val) ? val : [val]) : []);
export function startsWith(str, substr, len) {
  return str.slice(0, typeof len === 'number' ? len : substr.length) === substr;
}
export { toText as toString };
export default { define, isBuffer, isObject, toBuffer, toString: toText, arrayify, startsWith };
