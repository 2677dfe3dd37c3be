/**
 * The piece of a field shown under a search hit: about `width` characters of the original text
 * around the first place the query occurs, compared folded (case and width ignored), with the
 * query's spaces matching every run of spaces and punctuation (`open source` shows
 * `open-source`). When the whole query does not occur (its words are apart), the longest of
 * its words that does is shown.
 */
import { foldText } from '../../shared/fold-text';

/** A snippet of `text` around `query`, or null when no part of the query occurs in it. */
export function snippet(text: string, query: string, width = 80): string | null {
  const folded = foldText(text);
  const pieces = foldText(query).trim().split(/\s+/).filter(Boolean);
  if (pieces.length === 0) return null;
  const candidates = [pieces, ...[...pieces].sort((a, b) => b.length - a.length).map((p) => [p])];
  for (const words of candidates) {
    const pattern = new RegExp(words.map(escapeRegExp).join('[^\\p{L}\\p{N}\\p{M}]+'), 'u');
    const match = pattern.exec(folded);
    if (!match) continue;
    const [start, end] = originalSpan(text, folded, match.index, match.index + match[0].length);
    return around(text, start, end, width);
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
