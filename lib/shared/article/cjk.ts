/**
 * Which UTF-16 code units are CJK, in one place: detection weights them, reading time counts
 * them, language guessing sorts them by script. Code-unit tests (not regexes) because they run
 * over every character of a page on the content script's hot path.
 */

/**
 * Han (BMP blocks, compatibility ideographs, and the lead surrogates D840–D8BF of the
 * supplementary ideograph planes) and kana (incl. halfwidth katakana).
 */
export function isHanOrKanaUnit(c: number): boolean {
  return isHanUnit(c) || isKanaUnit(c);
}

/** Han ideographs; a supplementary-plane ideograph is recognised by its lead surrogate. */
export function isHanUnit(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd840 && c <= 0xd8bf)
  );
}

/** Hiragana, katakana, katakana extensions and halfwidth katakana. */
export function isKanaUnit(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff) || (c >= 0xff66 && c <= 0xff9f);
}

/** Hangul syllables and jamo. */
export function isHangulUnit(c: number): boolean {
  return (c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f);
}

/**
 * Any CJK unit: Han, kana or Hangul, in one flat test (the union of the three above), for loops
 * over every character of a page in the eager content script, where each extra call is paid
 * cold. Characters below U+1100 (all of Latin, Greek, Cyrillic…) leave at the first comparison.
 */
export function isCjkUnit(c: number): boolean {
  return (
    c >= 0x1100 &&
    ((c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xac00 && c <= 0xd7af) ||
      (c >= 0x3040 && c <= 0x30ff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      c <= 0x11ff ||
      (c >= 0x3130 && c <= 0x318f) ||
      (c >= 0x31f0 && c <= 0x31ff) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xd840 && c <= 0xd8bf) ||
      (c >= 0xff66 && c <= 0xff9f))
  );
}
