/**
 * Decides, cheaply, whether the page in front of the user is an article worth offering to read
 * and annotate. Runs eagerly in the content script on every http(s) page, so it must stay tiny
 * (no Readability import: extraction lives behind its own import in `extract.ts`) and fast (one
 * pass over candidate nodes, stopping as soon as the answer is yes).
 *
 * It is Readability's `isProbablyReaderable` with three changes:
 * - CJK characters weigh {@link CJK_WEIGHT} Latin characters, so short Chinese posts score like
 *   English posts of the same substance; pages without CJK score exactly as before;
 * - paragraphs that are mostly links, snippets under linked headings, or text in forms made of
 *   controls do not count, so search results, front pages and sign-in pages are not articles;
 * - a single `<article>` headed by the page title is an article even when short (link posts);
 * - a page that declares itself a product or a profile (`og:type`) is not one, however wordy.
 */
import { isControlForm, isSingleTitledArticle, isTeaser } from './detect-structure';
import { CJK_PROBE, CJK_WEIGHT, isOutgoingLink, linkedLength, weightedLength } from './detect-text';

export { CJK_WEIGHT } from './detect-text';

/** Tuning knobs; the defaults are Readability's and reproduce its verdict on English pages. */
export interface DetectOptions {
  /** Shortest candidate (in weighted characters) that adds to the score. Default 140. */
  minContentLength?: number;
  /** Score above which the page is an article. Default 20. */
  minScore?: number;
  /** Latin characters per CJK character. Default {@link CJK_WEIGHT}; 1 turns the weighting off. */
  cjkWeight?: number;
  /** Share of a candidate's text inside outgoing links above which it is navigation. Default 0.5. */
  maxLinkDensity?: number;
  /** Whether a node is shown; style and attributes only, since the page may not be laid out. */
  visibilityChecker?: (el: Element) => boolean;
}

/** Why candidates were left out of the score: the numbers behind a verdict, for tests and debugging. */
export interface SkipCounts {
  hidden: number;
  unlikely: number;
  short: number;
  linkDense: number;
  teaser: number;
  form: number;
}

/** The verdict with its evidence. */
export interface ArticleScore {
  isArticle: boolean;
  /** Which rule said yes: enough prose (`content`), or article markup (`semantic`); null for no. */
  rule: 'content' | 'semantic' | null;
  /** Set when the page declares itself something else (e.g. `og:type=product`); nothing was scored. */
  veto: string | null;
  /** Sum of `sqrt(weightedLength - minContentLength)` over counted candidates. */
  score: number;
  /** Candidates that added to the score. */
  counted: number;
  skipped: SkipCounts;
}

const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
/** Candidate elements, most decisive first. */
const CANDIDATE_TAGS = ['article', 'p', 'pre'] as const;
const MAYBE_CANDIDATE = /and|article|body|column|content|main|shadow/i;
/**
 * `og:type` values that rule an article out. Not `website`: plenty of blogs put it on posts (the
 * Readability corpus has readerable pages with it).
 */
const NON_ARTICLE_TYPE = /^(?:product|profile)\b/i;

/** Readability's visibility test: inline style and attributes only. */
export function isNodeVisible(el: Element): boolean {
  // Reading `.style` builds a style declaration object; most candidates have no inline style,
  // and the attribute mirrors every inline change, so it answers first.
  if (el.hasAttribute('style') && (el as HTMLElement).style?.display === 'none') return false;
  if (el.hasAttribute('hidden')) return false;
  if (el.getAttribute('aria-hidden') !== 'true') return true;
  // Wikimedia renders math as aria-hidden fallback images that readers still see.
  const className = el.getAttribute('class') ?? '';
  return className.includes('fallback-image');
}

/**
 * True when the document is probably an article. Stops at the first rule that says yes; use
 * {@link articleScore} to see why.
 */
export function isProbablyArticle(doc: Document, options: DetectOptions = {}): boolean {
  return scan(doc, options, true).isArticle;
}

/** Scores the whole document (no early exit) and says which rule, if any, makes it an article. */
export function articleScore(doc: Document, options: DetectOptions = {}): ArticleScore {
  return scan(doc, options, false);
}

function scan(doc: Document, options: DetectOptions, stopEarly: boolean): ArticleScore {
  const minContentLength = options.minContentLength ?? 140;
  const minScore = options.minScore ?? 20;
  const weight = options.cjkWeight ?? CJK_WEIGHT;
  const maxLinkDensity = options.maxLinkDensity ?? 0.5;
  const isVisible = options.visibilityChecker ?? isNodeVisible;
  const skipped: SkipCounts = { hidden: 0, unlikely: 0, short: 0, linkDense: 0, teaser: 0, form: 0 };
  const veto = declaredNonArticle(doc);
  if (veto) return { isArticle: false, rule: null, veto, score: 0, counted: 0, skipped };
  const forms = new Map<Element, boolean>();
  const tooLong = new Map<Element, boolean>();
  const ancestries = new Map<Element, Ancestry>();
  let score = 0;
  let counted = 0;
  let content = false;
  // Candidates that passed the cheap tests (Readability's own) but not yet the costly ones (links,
  // teasers, forms), with their share of the score. Since every share is positive, the page is an
  // article exactly when the verified shares add up past `minScore`; so the costly tests wait
  // until the pending shares could get there, and then run (see `settle`), stopping as soon as
  // the verified ones suffice. Usually one or two long paragraphs settle it.
  const pending: Pending[] = [];
  let pendingScore = 0;

  /**
   * Runs the costly tests on pending candidates until the answer is known. Their cost grows
   * with the candidate's size, so each round takes the smallest candidate whose share alone
   * would settle it, else the largest.
   */
  const settle = (all: boolean): void => {
    pending.sort((a, b) => a.length - b.length);
    while (pending.length > 0 && (all || !content)) {
      const need = (minScore - score) ** 2 + minContentLength;
      let at = pending.findIndex((c) => c.length > need);
      if (at < 0) at = pending.length - 1;
      const candidate = pending.splice(at, 1)[0] as Pending;
      const share = Math.sqrt(candidate.length - minContentLength);
      pendingScore -= share;
      const reason = verify(candidate);
      if (reason) {
        skipped[reason]++;
        continue;
      }
      score += share;
      counted++;
      if (score > minScore) content = true;
    }
  };
  /** Takes one candidate; true when the scan can stop. */
  const visit = (node: Element): boolean => {
    const judged = judge(node);
    if (typeof judged === 'string') {
      skipped[judged]++;
      return false;
    }
    pending.push(judged);
    pendingScore += Math.sqrt(judged.length - minContentLength);
    if (stopEarly && score + pendingScore > minScore) settle(false);
    return content && stopEarly;
  };
  /** Readability's tests: why `node` does not count, or what the costly tests need to know. */
  const judge = (node: Element): keyof SkipCounts | Pending => {
    if (!isVisible(node)) return 'hidden';
    // Most candidates have neither class nor id, and then no pattern can match: the regexes are
    // not even compiled on such a page (a first regex costs the eager script ~0.1–0.25 ms).
    const match = `${node.getAttribute('class') ?? ''} ${node.id}`;
    if (match !== ' ' && UNLIKELY.test(match) && !MAYBE_CANDIDATE.test(match)) return 'unlikely';
    const up = ancestry(node.parentElement, ancestries);
    // Readability's `li p`: list-item paragraphs.
    if (up.inListItem && node.localName === 'p') return 'unlikely';
    const text = node.textContent?.trim() ?? '';
    // Even all-CJK text this short cannot reach the threshold: skip the weighting.
    const length = text.length * weight < minContentLength ? text.length : weightedLength(text, weight, CJK_PROBE);
    if (length < minContentLength) return 'short';
    return { node, length, up };
  };
  /** Our tests: why a long enough candidate is still not prose, or null when it is. */
  const verify = ({ node, length, up }: Pending): keyof SkipCounts | null => {
    if (linkedLength(node, weight, up.inLink) > length * maxLinkDensity) return 'linkDense';
    if (isTeaser(node, weight, length, tooLong)) return 'teaser';
    if (isControlForm(up.form, weight, forms)) return 'form';
    return null;
  };

  // Readability's candidates: articles, paragraphs, preformatted blocks, then the `div`s that
  // hold text separated by `<br>` instead of paragraphs. The verdict does not depend on the
  // order (every share is positive), so each kind is its own query: Chromium answers a
  // single-tag query several times faster than the list `p, pre, article`, and an `<article>`
  // usually settles the page alone. Each later query runs only if the earlier ones did not
  // decide. A `div` is in no other group, so only `<br>` parents need de-duplicating.
  let done = false;
  for (const tag of CANDIDATE_TAGS) {
    const nodes = doc.querySelectorAll(tag);
    for (let i = 0; i < nodes.length && !done; i++) done = visit(nodes[i] as Element);
    if (done) break;
  }
  if (!done) {
    const brs = doc.querySelectorAll('div > br');
    const seen = new Set<Element>();
    for (let i = 0; i < brs.length && !done; i++) {
      const parent = brs[i]?.parentElement;
      if (!parent || seen.has(parent)) continue;
      seen.add(parent);
      done = visit(parent);
    }
  }

  if (!(content && stopEarly)) settle(true);
  const semantic = !content && isSingleTitledArticle(doc, weight, maxLinkDensity, isVisible);
  const rule = content ? 'content' : semantic ? 'semantic' : null;
  return { isArticle: rule !== null, rule, veto: null, score, counted, skipped };
}

/** `og:type=…` when the page's Open Graph type rules out an article, else null. */
function declaredNonArticle(doc: Document): string | null {
  // Open Graph tags live in <head>; searching only there spares a walk of the whole body.
  const type = (doc.head ?? doc).querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim() ?? '';
  return type !== '' && NON_ARTICLE_TYPE.test(type) ? `og:type=${type}` : null;
}

/** A candidate long enough to count, waiting for the costly tests. */
interface Pending {
  node: Element;
  /** Weighted text length. */
  length: number;
  up: Ancestry;
}

/** What a candidate's ancestors make of it; the same for all children of one parent. */
interface Ancestry {
  /** Inside an `<li>`: Readability does not count list-item paragraphs. */
  inListItem: boolean;
  /** Inside a link that leads elsewhere (a teaser card): all its text is link text. */
  inLink: boolean;
  /** The `<form>` it sits in, if any. */
  form: Element | null;
}

/**
 * The {@link Ancestry} of children of `parent`, computed once per parent: sibling paragraphs
 * then cost one map lookup instead of three walks up the tree each.
 */
function ancestry(parent: Element | null, cache: Map<Element, Ancestry>): Ancestry {
  if (!parent) return { inListItem: false, inLink: false, form: null };
  let known = cache.get(parent);
  if (!known) {
    known = {
      inListItem: parent.closest('li') !== null,
      inLink: isOutgoingLink(parent.closest('a')),
      form: parent.closest('form'),
    };
    cache.set(parent, known);
  }
  return known;
}
