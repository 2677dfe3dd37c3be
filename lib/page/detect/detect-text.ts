/**
 * Text measures for article detection that are fair to Chinese, Japanese and Korean.
 *
 * Readability's rule counts characters, and a Han character carries about as much as three
 * Latin ones (a word and its space), so a 150-character Chinese news brief scored like a
 * 150-character English blurb and short Chinese posts were never offered. Here a CJK character
 * counts {@link CJK_WEIGHT} times; text without CJK measures exactly as before, which keeps the
 * English behaviour (and Readability's thresholds) unchanged.
 *
 * Runs eagerly in the content script on every page: plain loops over char codes, no regexes
 * with Unicode property escapes, no allocation per character.
 */
import { isCjkUnit } from '../../shared/article/cjk';

/** How many Latin characters one Han, kana or Hangul character is worth. */
export const CJK_WEIGHT = 3;

/**
 * How many leading code units of a candidate the detector scans for CJK before weighting it.
 * Long enough for a Chinese paragraph that opens with a Latin name, a number or a date.
 */
export const CJK_PROBE = 64;

/**
 * Length of `text` in Latin-character equivalents: `text.length` plus `weight - 1` for each CJK
 * code unit (none when the first `probe` units hold no CJK). Equal to `text.length` for text
 * without CJK, so Readability's thresholds still apply to it verbatim.
 */
export function weightedLength(text: string, weight: number = CJK_WEIGHT, probe = Number.POSITIVE_INFINITY): number {
  // Most text on the web has no CJK at all: one native regex scan answers that, and only text
  // that has some pays for the per-character loop (it was most of detection's time). With a
  // `probe`, only that many leading code units are scanned for CJK: Chinese prose shows a Han
  // character within a few words, and English paragraphs are then not read twice.
  const head = text.length > probe ? text.slice(0, probe) : text;
  if (!CJK_ANYWHERE.test(head)) return text.length;
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    if (isCjkUnit(text.charCodeAt(i))) cjk++;
  }
  return text.length + cjk * (weight - 1);
}

/**
 * Any unit {@link isCjkUnit} accepts (same ranges, lib/shared/article/cjk.ts): Han, kana and
 * Hangul all carry more per character than Latin letters.
 */
const CJK_ANYWHERE =
  /[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\ud840-\ud8bf\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/;

/**
 * True when the weighted text of `el` is longer than `limit`. Reads text nodes only until the
 * answer is known, so asking about a paragraph's 1 MB ancestor costs no more than asking about
 * a teaser. Each text node is trimmed, so indentation between tags does not count.
 */
export function textLongerThan(el: Element, limit: number, weight: number = CJK_WEIGHT): boolean {
  // 4 is NodeFilter.SHOW_TEXT, spelled out so it works with any realm's NodeFilter.
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  let sum = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    sum += weightedLength(node.nodeValue?.trim() ?? '', weight);
    if (sum > limit) return true;
  }
  return false;
}

/**
 * Weighted length of the text inside links that lead elsewhere. In-page anchors (`href="#…"`:
 * footnotes, tables of contents, heading permalinks) are part of reading, so they do not count.
 * A node that sits inside a link (a card: `<a><h3/><p/></a>`) is all link; a caller that
 * already knows whether it does passes `insideLink`.
 */
export function linkedLength(
  el: Element,
  weight: number = CJK_WEIGHT,
  insideLink: boolean = isOutgoingLink(el.parentElement?.closest('a') ?? null),
): number {
  if (insideLink) return weightedLength(el.textContent?.trim() ?? '', weight);
  // Plain text, no elements at all: no links either, and no subtree query to pay for.
  if (el.firstElementChild === null) return 0;
  let sum = 0;
  // A static NodeList: iterating a live HTMLCollection is far slower (jsdom most of all).
  const links = el.querySelectorAll('a[href]');
  for (let i = 0; i < links.length; i++) {
    const a = links[i];
    if (a === undefined || isInPageLink(a)) continue;
    sum += weightedLength(a.textContent?.trim() ?? '', weight);
  }
  return sum;
}

/** True for an `<a href>` that leads out of the page. */
export function isOutgoingLink(a: Element | null): boolean {
  return a?.hasAttribute('href') === true && !isInPageLink(a);
}

/** True for `href="#…"`: a jump within the page, not a way out of it. */
function isInPageLink(a: Element): boolean {
  return (a.getAttribute('href') ?? '').trim().startsWith('#');
}
