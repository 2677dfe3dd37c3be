/**
 * File names for downloads. Titles hold characters that Windows, macOS or Linux refuse or that
 * browsers replace (`/\:*?"<>|`, control characters), can be hundreds of characters long, and
 * can be reserved names on Windows (`CON`, `NUL`…): the name is cleaned and cut, never empty.
 */

/** Longest stem kept, in code points (leaves room for an extension under the 255-byte limit). */
const MAX_STEM = 80;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A safe file name made of `title` and `extension` (without the dot). */
export function fileNameFor(title: string, extension: string): string {
  const cleaned = title
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Names may not start or end with a dot or a space (trimmed by hand: see lib/shared/blank-trim.ts).
  let start = 0;
  let end = cleaned.length;
  while (start < end && (cleaned[start] === '.' || cleaned[start] === ' ')) start++;
  while (end > start && (cleaned[end - 1] === '.' || cleaned[end - 1] === ' ')) end--;
  const bare = cleaned.slice(start, end);
  const points = Array.from(bare);
  let stem = points.length > MAX_STEM ? points.slice(0, MAX_STEM).join('').trimEnd() : bare;
  if (stem === '' || RESERVED.test(stem)) stem = `glossa-${stem || 'article'}`;
  return `${stem}.${extension}`;
}
