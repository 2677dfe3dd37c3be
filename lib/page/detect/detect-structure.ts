/**
 * Structural tells that separate articles from pages that merely contain prose-sized text:
 * teaser snippets under linked headings (search results, news front pages), text inside
 * forms made of controls (login, sign-up), and the one case where markup alone says "article"
 * (a single `<article>` whose heading is the page title: short posts that have too little
 * text for the content score).
 *
 * Part of the eager content-script detector, so every check is a bounded walk or a single
 * querySelector; nothing here lays out the page.
 */
import { linkedLength, textLongerThan, weightedLength } from './detect-text';

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
/** Visible form controls. */
const CONTROLS = 'input:not([type="hidden"]), select, textarea';

/** How far up from a paragraph to look for the item (result, teaser card) it belongs to. */
const TEASER_MAX_DEPTH = 3;
/**
 * An item whose text besides its linked heading is shorter than this (weighted characters;
 * ~100 English words, ~200 Chinese characters) is a teaser: title link plus snippet.
 */
const TEASER_MAX_REST = 600;
/** The longest linked heading a teaser can have (weighted): an upper bound for the quick exit. */
const TEASER_MAX_HEADING = 300;
/** Text one visible form control "buys": a form with less text per control is a form, not prose. */
const TEXT_PER_CONTROL = 100;
/** A form with a password field and less text than this is a sign-in form around some legalese. */
const PASSWORD_FORM_MAX_TEXT = 1500;
/** Below this (weighted) a heading is too generic ("Home", "首页") to vouch for a page title. */
const MIN_TITLE_HEADING = 10;
/** Besides its heading, a titled `<article>` needs this much text (or some media) to count. */
const MIN_ARTICLE_BODY = 15;
/** Error pages reuse the article template; their heading says so. */
const ERROR_PAGE = /\b404\b|not found|page (?:does not|doesn't) exist|找不到|不存在|ページが見つかりません/i;

/**
 * True when `node` is a snippet under a linked heading: the nearest ancestor (or the node, for
 * `<article>`) within a few levels that holds a heading leading elsewhere has little text
 * besides that heading. Readability skips `li p` for the same reason; results and teasers are
 * just as often `div`s and `article`s. `length` is the node's own weighted text length;
 * `tooLong` caches, per element, whether its text is past the teaser limit.
 */
export function isTeaser(node: Element, weight: number, length: number, tooLong: Map<Element, boolean>): boolean {
  // A paragraph this long is no snippet, whatever holds it; most counted paragraphs leave here.
  if (length > TEASER_MAX_HEADING + TEASER_MAX_REST) return false;
  let item: Element | null = node.tagName === 'ARTICLE' ? node : node.parentElement;
  for (let depth = 0; item && depth < TEASER_MAX_DEPTH; depth++) {
    if (item.tagName === 'BODY' || item.tagName === 'MAIN') return false;
    // Too long to be heading + snippet, and every ancestor is longer still. Checked first so the
    // heading search below only ever runs on small subtrees. Sibling paragraphs share parents,
    // so the answer is kept per element for the rest of the scan.
    let long = tooLong.get(item);
    if (long === undefined) {
      long = textLongerThan(item, TEASER_MAX_HEADING + TEASER_MAX_REST, weight);
      tooLong.set(item, long);
    }
    if (long) return false;
    const heading = item.querySelector(HEADINGS);
    if (heading) {
      const headingLength = weightedLength(heading.textContent?.trim() ?? '', weight);
      if (headingLength === 0 || linkedLength(heading, weight) * 2 < headingLength) return false;
      return !textLongerThan(item, headingLength + TEASER_MAX_REST, weight);
    }
    item = item.parentElement;
  }
  return false;
}

/**
 * True when `form` (the `<form>` a candidate sits in, if any) is made of controls rather than
 * prose: a sign-in form, a sign-up form, a settings panel. Whole-page ASP.NET forms hold a
 * couple of controls and a lot of text, so they pass. A paragraph outside any form is prose even
 * if it holds a stray control: asking every paragraph for controls cost more than the rest of
 * its checks together. Results are cached per form.
 */
export function isControlForm(form: Element | null, weight: number, cache: Map<Element, boolean>): boolean {
  if (!form) return false;
  let heavy = cache.get(form);
  if (heavy === undefined) {
    heavy = isControlHeavy(form, weight);
    cache.set(form, heavy);
  }
  return heavy;
}

/** True when `container` holds visible controls and too little text for them to be incidental. */
export function isControlHeavy(container: Element, weight: number): boolean {
  // Most containers hold no control at all: the plainest selector answers that. Static queries
  // only (no live collections), so repeated scans cost what the first one does.
  if (container.querySelector('input, select, textarea') === null) return false;
  const controls = container.querySelectorAll(CONTROLS).length;
  if (controls === 0) return false;
  const text = weightedLength(container.textContent?.trim() ?? '', weight);
  const password = container.querySelector('input[type="password"]') !== null;
  return controls * TEXT_PER_CONTROL >= text || (password && text < PASSWORD_FORM_MAX_TEXT);
}

/**
 * Markup that says "this page is one article": exactly one outermost `<article>`, visible, whose
 * first `h1` (else `h2`) names the page (`<title>` contains it or the reverse), with some body
 * besides the heading, mostly not links, not a form, not an error page. Catches link posts and
 * news briefs whose text is too short for the content score.
 */
export function isSingleTitledArticle(
  doc: Document,
  weight: number,
  maxLinkDensity: number,
  isVisible: (el: Element) => boolean,
): boolean {
  const all = doc.querySelectorAll('article');
  let article: Element | undefined;
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    if (el === undefined || el.parentElement?.closest('article')) continue;
    if (article) return false;
    article = el;
  }
  if (!article || !isVisible(article)) return false;
  const heading = article.querySelector('h1') ?? article.querySelector('h2');
  if (!heading) return false;
  const headingText = normalize(heading.textContent ?? '');
  const title = normalize(doc.title);
  const headingLength = weightedLength(headingText, weight);
  if (headingLength < MIN_TITLE_HEADING || title === '') return false;
  if (!title.includes(headingText) && !headingText.includes(title)) return false;
  if (ERROR_PAGE.test(headingText)) return false;
  const length = weightedLength(article.textContent?.trim() ?? '', weight);
  const hasMedia = article.querySelector('img, picture, video, audio, iframe') !== null;
  if (length - headingLength < MIN_ARTICLE_BODY && !hasMedia) return false;
  if (linkedLength(article, weight) > length * maxLinkDensity) return false;
  return !(isControlHeavy(article, weight) || isControlForm(article.closest('form'), weight, new Map()));
}

/** Lower-cased with whitespace runs collapsed, for comparing a heading with `<title>`. */
function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}
