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
import { isInControlForm, isSingleTitledArticle, isTeaser } from './detect-structure';
import { CJK_WEIGHT, linkedLength, weightedLength } from './detect-text';

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
const MAYBE_CANDIDATE = /and|article|body|column|content|main|shadow/i;
/**
 * `og:type` values that rule an article out. Not `website`: plenty of blogs put it on posts (the
 * Readability corpus has readerable pages with it).
 */
const NON_ARTICLE_TYPE = /^(?:product|profile)\b/i;

/** Readability's visibility test: inline style and attributes only. */
export function isNodeVisible(el: Element): boolean {
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (style && style.display === 'none') return false;
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
  let score = 0;
  let counted = 0;
  let content = false;

  for (const node of candidates(doc)) {
    if (!isVisible(node)) {
      skipped.hidden++;
      continue;
    }
    const match = `${node.getAttribute('class') ?? ''} ${node.id}`;
    if ((UNLIKELY.test(match) && !MAYBE_CANDIDATE.test(match)) || node.matches('li p')) {
      skipped.unlikely++;
      continue;
    }
    const text = node.textContent?.trim() ?? '';
    // Even all-CJK text this short cannot reach the threshold: skip the weighting.
    const length = text.length * weight < minContentLength ? text.length : weightedLength(text, weight);
    if (length < minContentLength) {
      skipped.short++;
      continue;
    }
    // The costlier checks run only on the few nodes long enough to count.
    if (linkedLength(node, weight) > length * maxLinkDensity) {
      skipped.linkDense++;
      continue;
    }
    if (isTeaser(node, weight)) {
      skipped.teaser++;
      continue;
    }
    if (isInControlForm(node, weight, forms)) {
      skipped.form++;
      continue;
    }
    score += Math.sqrt(length - minContentLength);
    counted++;
    if (score > minScore) {
      content = true;
      if (stopEarly) break;
    }
  }

  const semantic = !content && isSingleTitledArticle(doc, weight, maxLinkDensity, isVisible);
  const rule = content ? 'content' : semantic ? 'semantic' : null;
  return { isArticle: rule !== null, rule, veto: null, score, counted, skipped };
}

/** `og:type=…` when the page's Open Graph type rules out an article, else null. */
function declaredNonArticle(doc: Document): string | null {
  const type = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim() ?? '';
  return NON_ARTICLE_TYPE.test(type) ? `og:type=${type}` : null;
}

/**
 * Readability's candidates: paragraphs, preformatted blocks, articles, and `div`s that hold
 * text separated by `<br>` instead of paragraphs. Document order, each node once.
 */
function candidates(doc: Document): Element[] {
  const nodes = Array.from(doc.querySelectorAll('p, pre, article'));
  const brs = doc.querySelectorAll('div > br');
  if (brs.length === 0) return nodes;
  const set = new Set<Element>(nodes);
  for (let i = 0; i < brs.length; i++) {
    const parent = brs[i]?.parentElement;
    if (parent) set.add(parent);
  }
  return Array.from(set);
}
