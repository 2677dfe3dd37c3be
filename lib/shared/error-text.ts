/**
 * A thrown value in words, for a message a person reads. Anything can be thrown (an Error, a
 * DOMException, a string, an object from a hostile page's getter), so nothing about it is trusted:
 * an Error gives its message, a string itself, anything else a neutral phrase.
 */

/** The words for `thrown`, at most `max` characters. */
export function errorText(thrown: unknown, max = 500): string {
  const text = thrown instanceof Error ? thrown.message : typeof thrown === 'string' ? thrown : 'unknown error';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
