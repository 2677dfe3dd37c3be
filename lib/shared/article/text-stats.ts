/**
 * Numbers the library shows beside an article (length, reading time, language, preview).
 * Most of Glossa's articles are Chinese, where a "word" count is meaningless: a Han character is
 * roughly one word, so CJK characters and space-separated words are counted separately.
 * Everything here is a single linear pass (no Intl.Segmenter, which is quadratic in Node 20).
 */
import { isHangulUnit, isHanOrKanaUnit, isHanUnit, isKanaUnit } from './cjk';

/**
 * A letter, digit or combining mark outside CJK: Latin, Greek, Cyrillic, Arabic, Indic… and
 * Hangul, which is written with spaces and so is counted by words.
 */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const WHITESPACE = /\s+/gu;
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Reading speeds for adult readers of Chinese (characters) and English (words) per minute. */
const CJK_CHARS_PER_MINUTE = 400;
const WORDS_PER_MINUTE = 230;

/** Language detection looks at the start only: enough to decide, cheap on a 2.5 MB article. */
const LANG_SAMPLE = 20_000;

/**
 * Characters whose simplified and traditional forms differ and that are frequent in running
 * text: counting both sets tells zh-TW/zh-HK writing from zh-CN writing well enough.
 */
const TRADITIONAL = codeUnits(
  '們個這來說時為會對國學與發後經動開間現於體關點還過長當實從無電話見機組計劃畫臺灣種讓頭東車聽寫區',
);
const SIMPLIFIED = codeUnits(
  '们个这来说时为会对国学与发后经动开间现于体关点还过长当实从无电话见机组计划画台湾种让头东车听写区',
);

/**
 * Counts visible characters: Unicode code points that are not whitespace, so an emoji or a rare
 * Han character outside the BMP counts once and 800 Chinese characters count 800.
 */
export function countChars(text: string): number {
  const compact = text.replace(WHITESPACE, '');
  return compact.length - (compact.match(SURROGATE_PAIR)?.length ?? 0);
}

/**
 * Estimates reading time in whole minutes (at least 1): CJK characters at ~400/min plus other
 * words at ~230/min, so a Chinese article is not mistaken for a one-"word" text.
 */
export function readingMinutes(text: string): number {
  const { cjk, words } = countUnits(text);
  const minutes = cjk / CJK_CHARS_PER_MINUTE + words / WORDS_PER_MINUTE;
  return Math.max(1, Math.round(minutes));
}

/**
 * Counts CJK characters and runs of other letters/digits in one pass over char codes: regexes
 * with Unicode properties were far slower on the 2.5 MB stress article (bench/FINDINGS.md).
 */
function countUnits(text: string): { cjk: number; words: number } {
  let cjk = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (isHanOrKanaUnit(c)) {
      cjk += 1;
      inWord = false;
      if (c >= 0xd800 && c <= 0xdbff) i += 1; // a supplementary-plane ideograph is one character
      continue;
    }
    // U+3000–U+ABFF outside the CJK ranges above is punctuation and symbols: skip the regex.
    const wordChar = c < 0x80 ? isAsciiAlnum(c) : c <= 0x2fff || c >= 0xac00 ? WORD_CHAR.test(text.charAt(i)) : false;
    if (wordChar && !inWord) words += 1;
    // Apostrophes inside a word (don't, l’heure) do not split it.
    inWord = wordChar || (inWord && (c === 0x27 || c === 0x2019) && isAsciiAlnum(text.charCodeAt(i + 1)));
  }
  return { cjk, words };
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** The UTF-16 code units of a string of BMP characters, for quick membership tests. */
function codeUnits(chars: string): Set<number> {
  return new Set(Array.from(chars, (ch) => ch.charCodeAt(0)));
}

/**
 * Guesses a BCP 47 tag for CJK text from the scripts it uses: a real share of kana means
 * Japanese, Hangul means Korean, mostly Han means Chinese (zh-TW when traditional-only forms
 * outnumber simplified-only ones). Returns `null` for everything else rather than guess between
 * languages that share the Latin (or another) script.
 */
export function detectLang(text: string): string | null {
  const sample = text.slice(0, LANG_SAMPLE);
  let letters = 0;
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < sample.length; i += 1) {
    // Code-unit ranges, not a regex per character: this loop runs over every imported article.
    const c = sample.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) letters += 1;
    } else if (isHanUnit(c)) {
      letters += 1;
      han += 1;
      if (TRADITIONAL.has(c)) traditional += 1;
      else if (SIMPLIFIED.has(c)) simplified += 1;
      if (c >= 0xd800) i += 1; // the low surrogate of a supplementary ideograph
    } else if (isKanaUnit(c)) {
      letters += 1;
      kana += 1;
    } else if (isHangulUnit(c)) {
      letters += 1;
      hangul += 1;
    } else if (c < 0xd800 || c > 0xdfff ? /\p{L}/u.test(sample.charAt(i)) : false) {
      letters += 1;
    }
  }
  if (letters === 0) return null;
  // Japanese prose is rarely under a fifth kana; a few katakana loanwords in Chinese are not.
  if (kana / letters >= 0.1) return 'ja';
  if (hangul / letters >= 0.3) return 'ko';
  if (han / letters >= 0.3) return traditional > simplified ? 'zh-TW' : 'zh-CN';
  return null;
}

/**
 * A one-line preview for lists: whitespace (paragraph breaks included) collapsed to single
 * spaces, cut to at most `max` code points with a trailing ellipsis when shortened, never in the
 * middle of a surrogate pair.
 */
export function excerpt(text: string, max = 200): string {
  let out = '';
  let points = 0;
  let pendingSpace = false;
  // One pass that stops early: a 2.5 MB article costs no more than a short one.
  for (const ch of text) {
    if (/\s/u.test(ch)) {
      pendingSpace = points > 0;
      continue;
    }
    const add = pendingSpace ? 2 : 1;
    if (points + add > max) {
      return `${Array.from(out)
        .slice(0, Math.max(0, max - 1))
        .join('')
        .trimEnd()}…`;
    }
    out += pendingSpace ? ` ${ch}` : ch;
    points += add;
    pendingSpace = false;
  }
  return out;
}
