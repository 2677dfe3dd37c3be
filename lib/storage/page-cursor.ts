/**
 * The opaque position handed out by `listArticles`. It names the last article of a page by
 * its sort key *and* its id, because many articles can share a `savedAt` (one bulk import
 * stamps them all at once) and a timestamp alone would skip or repeat them.
 */

/** Where the previous page ended, in `bySavedAt` order (savedAt desc, then id desc). */
export interface PagePosition {
  savedAt: number;
  id: string;
}

/** Encodes a position as an opaque string for the caller to hand back unchanged. */
export function encodePageCursor(position: PagePosition): string {
  return JSON.stringify([position.savedAt, position.id]);
}

/**
 * Decodes a cursor from `encodePageCursor`. Throws on anything else: a mangled cursor is a
 * bug in the caller, and silently restarting from the top would show duplicates.
 */
export function decodePageCursor(cursor: string): PagePosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(cursor);
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === 2) {
    const [savedAt, id]: unknown[] = parsed;
    if (typeof savedAt === 'number' && Number.isFinite(savedAt) && typeof id === 'string') return { savedAt, id };
  }
  throw new RangeError(`Glossa storage: not a page cursor: ${cursor}`);
}
