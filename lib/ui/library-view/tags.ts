/**
 * Tag hygiene. Tags are typed by hand in a 380-pixel popup, so the same tag arrives as
 * " Ukraine", "ukraine" and "ＵＫＲＡＩＮＥ" (full width, from a Chinese IME): one tag must not
 * become three. Tags keep the spelling the user first gave; comparisons fold case and width.
 */

/** Longest tag kept, in code points: a tag is a label, not a note. */
export const MAX_TAG_LENGTH = 40;

/** The comparison form of a tag: NFKC (full/half width) and lower case. */
export function tagKey(tag: string): string {
  return tag.normalize('NFKC').toLowerCase();
}

/**
 * A tag as stored: trimmed, inner whitespace collapsed, NFC, at most {@link MAX_TAG_LENGTH}
 * code points; `null` when nothing is left.
 */
export function normalizeTag(raw: string): string | null {
  const cleaned = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (!cleaned) return null;
  return [...cleaned].slice(0, MAX_TAG_LENGTH).join('').trim();
}

/**
 * `tags` with `raw` added, unless it is empty or already there (compared by {@link tagKey});
 * the original array when nothing changes, so callers can skip the write.
 */
export function withTag(tags: readonly string[], raw: string): readonly string[] {
  const tag = normalizeTag(raw);
  if (tag === null) return tags;
  const key = tagKey(tag);
  return tags.some((t) => tagKey(t) === key) ? tags : [...tags, tag];
}

/** `tags` without `tag` (compared by {@link tagKey}); the original array when it was absent. */
export function withoutTag(tags: readonly string[], tag: string): readonly string[] {
  const key = tagKey(tag);
  const kept = tags.filter((t) => tagKey(t) !== key);
  return kept.length === tags.length ? tags : kept;
}

/** Whether `tags` holds `tag` (compared by {@link tagKey}). */
export function hasTag(tags: readonly string[], tag: string): boolean {
  const key = tagKey(tag);
  return tags.some((t) => tagKey(t) === key);
}
