/**
 * Which parts of a search snippet to emphasise. The search answers with plain text; the popup
 * marks the words of the query inside it, compared the way search compares (case and
 * full/half width folded), and renders the pieces as elements, never as HTML.
 */
import { foldText } from '../../shared/fold-text';

/** A piece of a snippet: its text and whether it matched the query. */
export interface SnippetPiece {
  text: string;
  match: boolean;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The needles to look for: the query's words, longest first so they win over their parts. */
function needles(query: string): string[] {
  const words = foldText(query).split(/\s+/u).filter(Boolean);
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

/** Overlapping CJK pairs of a word: what search matched when the whole word is absent. */
function cjkPairs(word: string): string[] {
  const chars = [...word];
  if (chars.length < 3 || !chars.every((c) => CJK.test(c))) return [];
  return chars.slice(0, -1).map((c, i) => c + (chars[i + 1] ?? ''));
}

/**
 * Splits `snippet` into matching and non-matching pieces for `query`. A Chinese word that does
 * not occur whole falls back to its character pairs (search found the document by them).
 * Joining the pieces' text gives `snippet` back unchanged.
 */
export function emphasise(snippet: string, query: string): SnippetPiece[] {
  // Fold character by character with a map back: NFKC may change the length.
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const ch of snippet) {
    const piece = foldText(ch);
    for (let k = 0; k < piece.length; k++) origin.push(offset);
    folded += piece;
    offset += ch.length;
  }
  origin.push(snippet.length);
  const marked = new Uint8Array(snippet.length);
  const markAll = (needle: string): boolean => {
    let found = false;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      const start = origin[at] ?? 0;
      // The end maps through the folded character after the match: that keeps a folded
      // pair from the same original character together.
      const end = origin[at + needle.length] ?? snippet.length;
      marked.fill(1, start, end);
      found = true;
    }
    return found;
  };
  for (const word of needles(query)) {
    if (!markAll(word)) for (const pair of cjkPairs(word)) markAll(pair);
  }
  const pieces: SnippetPiece[] = [];
  for (let i = 0; i < snippet.length; i++) {
    const match = marked[i] === 1;
    const last = pieces.at(-1);
    const ch = snippet[i] ?? '';
    if (last && last.match === match) last.text += ch;
    else pieces.push({ text: ch, match });
  }
  return pieces;
}
