/**
 * Link density for Readability 0.6.0's `_getLinkDensity`, answered from text shapes
 * (text-length.ts) instead of reading each element's and each link's text again.
 *
 * Most of the reading happens in one loop of `_grabArticle`: right after scoring, it asks the
 * density of every candidate, in the order the scoring created them (`_initializeNode` then
 * `candidates.push`), with nothing changing the document in between. Candidates are nested
 * (each paragraph's parent, grandparent… up to five levels), so the original reads the same
 * text many times over. Here the first question of that loop starts a batch: one measurer
 * remembers the shapes of all those candidates and of their links, and answers each later
 * question as long as it is the very next candidate in that order. Any other question ends
 * the batch. After the loop, candidates are asked about only after the document has changed,
 * and then never as the next one in an unbroken run, so a stale shape is never used.
 */
import { TextMeasurer } from './text-length';

/** Links are kept: many candidates share them, and each is read once. */
const isLink = (element: Element): boolean => element.localName === 'a';

/** Tracks the candidate run and answers densities; one per Readability instance. */
export class CandidateDensity {
  /** Elements initialized since the last density question: this attempt's candidates. */
  private fresh: Element[] = [];
  /** The candidates of the running batch, in the order the loop asks about them. */
  private order: Element[] = [];
  private next = 0;
  private batch: TextMeasurer | null = null;

  constructor(private readonly hashUrl: RegExp) {}

  /** Call after Readability's `_initializeNode(element)`. */
  initialized(element: Element): void {
    this.fresh.push(element);
  }

  /** Readability's `_getLinkDensity(element)`, same value to the bit. */
  density(element: Element): number {
    const batch = this.batchFor(element);
    // No link: the density is 0 whatever the text, so the text is not measured.
    if (element.getElementsByTagName('a').length === 0) return 0;
    return (batch ?? new TextMeasurer(isLink)).linkDensity(element, this.hashUrl);
  }

  /** The batch measurer that may answer for `element`, starting a batch if it opens a run; else null. */
  private batchFor(element: Element): TextMeasurer | null {
    if (this.batch && this.order[this.next] === element) {
      this.next++;
      return this.batch;
    }
    const start = this.fresh.lastIndexOf(element);
    this.order = start < 0 ? [] : this.fresh.slice(start);
    this.fresh = [];
    if (start < 0) {
      this.batch = null;
      return null;
    }
    const members = new Set<Element>(this.order);
    this.next = 1;
    this.batch = new TextMeasurer((element) => members.has(element) || isLink(element));
    return this.batch;
  }
}
