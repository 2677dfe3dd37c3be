/**
 * Trimming spaces and tabs (not other whitespace) in one pass. The regular expression
 * `/[ \t]+$/` looks like a trim but is not anchored at its start: on a long run of spaces that
 * does not reach the end, it tries — and fails — at every position of the run, which is quadratic
 * on hostile input. These scan from the ends instead.
 */

const isBlank = (code: number) => code === 0x20 || code === 0x09;

/** `text` without leading and trailing spaces and tabs. */
export function trimBlanks(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
