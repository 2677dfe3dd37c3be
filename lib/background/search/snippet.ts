/**
 * The piece of a field shown under a search hit: about `width` characters of the original text
 * around the first place the query occurs, compared folded (case and width ignored), with the
 * query's spaces matching every run of spaces and punctuation (`open source` shows
 * `open-source`). When the whole query does not occur (its words are apart), the longest of
 * its words that does is shown.
 */
import { foldText } from '../../shared/fold-text';
import { isTermCode } from './terms';

/** Longest query looked for (a person types far less); more words than this are not tried. */
const MAX_QUERY = 256;
const MAX_WORDS = 8;

/**
 * A text's letters, numbers and marks, with every run of anything else made one space, and
 * where each of its characters came from: a query's words then match across any punctuation
 * by a plain `indexOf`, with no regular expression to backtrack.
 */
function wordStream(folded: string): { text: string; from: number[] } {
  let text = '';
  const from: number[] = [];
  let gap = false;
  for (let i = 0; i < folded.length; i++) {
    const word = isTermCode(folded.charCodeAt(i));
    if (!word) {
      gap = text.length > 0;
      continue;
    }
    if (gap) {
      text += ' ';
      from.push(i);
      gap = false;
    }
    text += folded[i];
    from.push(i);
  }
  return { text, from };
}

/** A snippet of `text` around `query`, or null when no part of the query occurs in it. */
export function snippet(text: string, query: string, width = 80): string | null {
  const wanted = wordStream(foldText(query.slice(0, MAX_QUERY))).text;
  if (wanted === '') return null;
  const words = [...new Set(wanted.split(' '))].sort((a, b) => b.length - a.length).slice(0, MAX_WORDS);
  const folded = foldText(text);
  const stream = wordStream(folded);
  for (const needle of [wanted, ...words]) {
    const at = stream.text.indexOf(needle);
    if (at < 0) continue;
    const start = stream.from[at] ?? 0;
    const end = (stream.from[at + needle.length - 1] ?? start) + 1;
    const [from, to] = originalSpan(text, folded, start, end);
    return around(text, from, to, width);
  }
  return null;
}

/** `width` characters of `text` centred on [start, end), with an ellipsis where it is cut. */
function around(text: string, start: number, end: number, width: number): string {
  const from = Math.max(0, Math.min(start - Math.floor((width - (end - start)) / 2), text.length - width));
  const to = Math.min(text.length, from + Math.max(width, end - start));
  const piece = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${piece}${to < text.length ? '…' : ''}`;
}

/**
 * Maps a span of the folded text back to the original. Folding usually keeps every length, so
 * the span is the same; when it does not (NFKC turns … into ...), characters are folded one by
 * one to find where each folded character came from.
 */
function originalSpan(text: string, folded: string, start: number, end: number): [number, number] {
  if (folded.length === text.length) return [start, end];
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const piece = foldText(ch);
    for (let k = 0; k < piece.length; k++) origin.push(i);
    i += ch.length;
  }
  origin.push(text.length);
  return [origin[start] ?? 0, origin[end] ?? text.length];
}
