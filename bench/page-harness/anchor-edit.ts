/**
 * The anchor bench's edited article: random character-level edits to ~1 % of the normalized
 * text (tests/support/text-edits.ts), written back into the page as plain paragraphs, with the
 * right answer for every highlight kept for judging.
 */
import { buildTextIndex } from '../../lib/shared/anchoring';
import { isSpace } from '../../lib/shared/anchoring/text-index';
import { type EditKind, editText, mapRange, rng } from '../../tests/support/text-edits';
import type { State } from './anchor-types';

/** The edits the issue asks for: all five character-level kinds, on ~`share` of the text. */
const KINDS: EditKind[] = ['insert', 'delete', 'replace', 'whitespace', 'punctuation'];

/**
 * `normalizeText` with the map from each input character to its output index (-1: dropped),
 * so truths found in the edited string carry over to the index of the edited DOM.
 */
function normalizeWithMap(value: string): { text: string; map: Int32Array } {
  const map = new Int32Array(value.length).fill(-1);
  let out = '';
  let owed = -1;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isSpace(code)) {
      if (out.length > 0 && owed < 0) owed = i;
      continue;
    }
    if (owed >= 0) {
      map[owed] = out.length;
      out += ' ';
      owed = -1;
    }
    map[i] = out.length;
    out += value[i];
  }
  return { text: out, map };
}

/**
 * Edits ~`share` of the original normalized text and puts the result into the `<article>` as
 * plain paragraphs: one `<p>` per stretch between the original's block edges (where the edit
 * left that space alone), separated by a space text node, so the article's raw textContent is
 * exactly the edited string (dom-anchor-text-quote's coordinates) and our index of it is that
 * string normalized. Each highlight's right answer is where its surviving characters went.
 */
export function edit(s: State, seed: number, share: number): { chars: number; paragraphs: number; changed: number } {
  const original = s.originalText;
  const edited = editText(original, rng(seed), share, KINDS);
  const splits: number[] = [];
  for (let i = 0; i < original.length; i++) {
    if (s.index.charNode[i] !== -1) continue;
    const j = edited.map[i] ?? -1;
    if (j >= 0 && edited.text.charCodeAt(j) === 32) splits.push(j);
  }
  const fragment = document.createDocumentFragment();
  let from = 0;
  const paragraph = (to: number) => {
    const p = document.createElement('p');
    p.textContent = edited.text.slice(from, to);
    fragment.append(p);
  };
  for (const j of splits) {
    paragraph(j);
    fragment.append(' ');
    from = j + 1;
  }
  paragraph(edited.text.length);
  s.article.replaceChildren(fragment);
  void document.body.offsetHeight;

  const index = buildTextIndex(s.article);
  const normalized = normalizeWithMap(edited.text);
  if (normalized.text !== index.text) throw new Error('edited index text differs from the normalized edit');
  const map = new Int32Array(original.length);
  for (let i = 0; i < original.length; i++) {
    const j = edited.map[i] ?? -1;
    map[i] = j < 0 ? -1 : (normalized.map[j] ?? -1);
  }
  let changed = 0;
  for (let i = 0; i < original.length; i++) if (edited.map[i] === -1) changed++;
  s.phase = 'edited';
  s.index = index;
  s.truth = s.spans.map((span) => mapRange(map, span.start, span.end));
  return { chars: index.text.length, paragraphs: splits.length + 1, changed };
}
