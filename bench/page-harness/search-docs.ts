/**
 * The search bench's library: 10,000 articles made deterministically from the ~150 corpus
 * articles, and the ground truth of each query. Article `i` is corpus article `i mod N`; past
 * the first round it keeps each paragraph with probability 0.85 and takes in one to three
 * paragraphs of another article, so copies differ and words spread across articles. A fifth
 * of the articles get highlights: quotes of their own sentences and a note borrowed from
 * another article. The truth of a query is every article whose folded text (title, notes,
 * body; see {@link truthFold}) contains the folded query: substring match, so a word inside a
 * longer word or an unspaced Chinese sentence counts.
 */
import type { SearchDoc } from '../../lib/background/search';
import { foldText } from '../../lib/shared/fold-text';
import { rng } from '../../tests/support/text-edits';

/** A corpus article as bench/suites/search-corpus.mjs sends it. */
export interface BaseArticle {
  name: string;
  title: string;
  paragraphs: string[];
}

/** A sentence (or the whole paragraph) of `paragraph`, picked by `random`. */
function sentenceOf(paragraph: string, random: () => number): string {
  const sentences = paragraph.split(/(?<=[.!?。！？])\s*/).filter((s) => s.trim().length > 8);
  return sentences[Math.floor(random() * sentences.length)] ?? paragraph.slice(0, 120);
}

/** `count` articles built from `base` (see the module comment). */
export function buildDocs(base: readonly BaseArticle[], count: number, seed: number): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (let i = 0; i < count; i++) {
    const random = rng(seed + i);
    const source = base[i % base.length] as BaseArticle;
    const round = Math.floor(i / base.length);
    let paragraphs = source.paragraphs;
    if (round > 0) {
      paragraphs = paragraphs.filter(() => random() < 0.85);
      const other = base[Math.floor(random() * base.length)] as BaseArticle;
      const borrowed = 1 + Math.floor(random() * 3);
      for (let k = 0; k < borrowed; k++) {
        const piece = other.paragraphs[Math.floor(random() * other.paragraphs.length)] ?? '';
        paragraphs.splice(Math.floor(random() * (paragraphs.length + 1)), 0, piece);
      }
    }
    const notes: string[] = [];
    if (random() < 0.2 && paragraphs.length > 0) {
      const quotes = 1 + Math.floor(random() * 3);
      for (let k = 0; k < quotes; k++) {
        notes.push(sentenceOf(paragraphs[Math.floor(random() * paragraphs.length)] ?? '', random));
      }
      const lender = base[Math.floor(random() * base.length)] as BaseArticle;
      notes.push(sentenceOf(lender.paragraphs[Math.floor(random() * lender.paragraphs.length)] ?? '', random));
    }
    docs.push({
      id: `a${i}`,
      title: round === 0 ? source.title : `${source.title} · ${round}`,
      notes,
      body: paragraphs.join('\n\n'),
    });
  }
  return docs;
}

/**
 * Text as the truth compares it: case and width folded (NFKC, lower case), and every run of
 * characters that are not letters, digits or marks (spaces, punctuation) made one space, so
 * "open source" is in "open-source" and no phrase depends on the line breaks around it.
 */
export function truthFold(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ');
}

/** Folded text of each article (title, notes, body), for the truth. */
export function flatTexts(docs: readonly SearchDoc[]): string[] {
  return docs.map((d) => truthFold(`${d.title}\n${d.notes.join('\n')}\n${d.body}`));
}

/** The ids of the articles holding `query`, by brute force over {@link flatTexts}. */
export function truthOf(docs: readonly SearchDoc[], flat: readonly string[], query: string): Set<string> {
  const needle = truthFold(query).trim();
  const ids = new Set<string>();
  flat.forEach((text, i) => {
    if (text.includes(needle)) ids.add(docs[i]?.id ?? '');
  });
  return ids;
}
