/**
 * What one (term, article) pair of the index says: the article's slot, which fields hold the
 * term, and roughly how often. A posting is `slot * 32 + bits`; bits 0–2 are the fields (title,
 * notes, body) and bits 3–4 a log bucket of the number of occurrences. Lists of postings are
 * in ascending slot order, which is also the order articles were added in, so new articles
 * append (`appended.ts`) and merges pack them (`segment.ts`).
 */

/** The term is in the title. */
export const IN_TITLE = 1;
/** The term is in a highlight quote or note. */
export const IN_NOTES = 2;
/** The term is in the body. */
export const IN_BODY = 4;
/** Field bits of a posting. */
export const FIELD_MASK = 7;
/** `posting = slot * POSTING_SLOT + bits`. */
export const POSTING_SLOT = 32;

/** Occurrence bucket, already shifted into place: 1, 2–3, 4–7, 8 or more. */
export function countBits(count: number): number {
  return (count >= 8 ? 3 : count >= 4 ? 2 : count >= 2 ? 1 : 0) << 3;
}
