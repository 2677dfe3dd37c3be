/**
 * How Glossa compares text a person typed with text it holds: NFKC (full and half width, ligatures
 * and compatibility forms made one) and lower case. Search indexes and queries with it; the
 * popup marks a snippet's matches with it, so what is marked is what was found.
 */

/** Case- and width-folded text. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
