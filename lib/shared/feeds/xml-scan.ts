/**
 * One linear pass over untrusted XML before any parser sees it. Feed parsers (fast-xml-parser
 * underneath) are lenient on purpose: they turn broken markup into plausible garbage, and their
 * cost on hostile shapes (entity declarations, deep nesting) is theirs, not ours to bound. So we
 * refuse here, in time proportional to the input:
 * - any `<!ENTITY`, and any DOCTYPE with an internal subset (`[`): external entities and
 *   billion-laughs bombs never reach a parser, whether or not it would expand them;
 * - structure that is not well formed: unclosed or mismatched elements, unterminated comments,
 *   CDATA sections, processing instructions or tags, a second root, nesting past
 *   {@link MAX_DEPTH} (recursive code downstream would overflow the stack);
 * - more than {@link MAX_FEED_ITEMS} entries, counted before anything is built from them, and
 *   more elements or attributes than any real feed has (the parser's cost grows with them).
 * It also reports the root element's name, which tells a feed from a web page or an OPML file.
 * Every step moves `i` forward or ends the scan; searches use `indexOf`, which never goes back.
 */
import { err, type FeedError, ok, type Result } from '../../model';

/** Most entries a feed may hold (issue 17). */
export const MAX_FEED_ITEMS = 1000;
/** Deeper nesting than any feed or OPML file needs. */
export const MAX_DEPTH = 256;
/**
 * More elements than a 5 MB feed of real entries holds (HTML bodies travel as text; even Atom
 * XHTML bodies stay far below). fast-xml-parser and feedsmith spend ~10 µs per element, so
 * millions of empty elements would cost seconds (bench/FINDINGS.md).
 */
export const MAX_ELEMENTS = 200_000;
/** Attributes on one element: feed elements have a handful; the parser slows superlinearly past thousands. */
export const MAX_ATTRIBUTES = 256;

/** What the scan learnt. */
export interface XmlOutline {
  /** Local name of the root element, lowercased (`rss`, `rdf`, `feed`, `opml`). */
  root: string;
  /** `item` / `entry` elements at depth 1 or 2 (RSS, RDF, Atom entries). */
  items: number;
}

const broken = (detail: string): Result<never, FeedError> => err({ code: 'broken-xml', detail });

/** Checks the structure of `text` (see the module comment) and outlines it. */
export function scanXml(text: string): Result<XmlOutline, FeedError> {
  const stack: string[] = [];
  let root: string | null = null;
  let items = 0;
  let elements = 0;
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    const skip = skipSpecial(text, lt);
    if (skip !== null) {
      if (!skip.ok) return skip;
      i = skip.value;
      continue;
    }
    if (text.charCodeAt(lt + 1) === 0x2f /* / */) {
      const gt = text.indexOf('>', lt);
      if (gt < 0) return broken('an end tag is not closed');
      const name = text.slice(lt + 2, gt).trim();
      const open = stack.pop();
      if (open !== name) return broken(open === undefined ? `stray </${name}>` : `<${open}> is closed by </${name}>`);
      i = gt + 1;
      continue;
    }
    const tag = readStartTag(text, lt);
    if (!tag.ok) return tag;
    const { name, end, selfClosing } = tag.value;
    if (++elements > MAX_ELEMENTS) return err({ code: 'too-large', detail: `more than ${MAX_ELEMENTS} elements` });
    if (stack.length === 0) {
      if (root !== null) return broken('more than one root element');
      root = localName(name);
    }
    const local = localName(name);
    if ((local === 'item' || local === 'entry') && (stack.length === 1 || stack.length === 2)) {
      items += 1;
      if (items > MAX_FEED_ITEMS) {
        return err({ code: 'too-many-items', detail: `more than ${MAX_FEED_ITEMS} entries` });
      }
    }
    if (!selfClosing) {
      if (stack.length >= MAX_DEPTH) return broken(`elements nested deeper than ${MAX_DEPTH}`);
      stack.push(name);
    }
    i = end;
  }
  if (root === null) return broken('no root element');
  if (stack.length > 0) return broken(`<${stack[stack.length - 1]}> is never closed`);
  return ok({ root, items });
}

/** Comments, CDATA, processing instructions and declarations: the index after them, or null. */
function skipSpecial(text: string, lt: number): Result<number, FeedError> | null {
  const until = (start: number, close: string, what: string): Result<number, FeedError> => {
    const end = text.indexOf(close, start);
    return end < 0 ? broken(`${what} is not closed`) : ok(end + close.length);
  };
  if (text.startsWith('<!--', lt)) return until(lt + 4, '-->', 'a comment');
  if (text.startsWith('<![CDATA[', lt)) return until(lt + 9, ']]>', 'a CDATA section');
  if (text.startsWith('<?', lt)) return until(lt + 2, '?>', 'a processing instruction');
  if (text.charCodeAt(lt + 1) !== 0x21 /* ! */) return null;
  const keyword = text.slice(lt + 2, lt + 9).toUpperCase();
  if (keyword === 'DOCTYPE') {
    // Only up to the first `>`: an internal subset's `[` comes before any `>` in it.
    const gt = text.indexOf('>', lt);
    if (gt < 0) return broken('the DOCTYPE is not closed');
    if (text.slice(lt, gt).includes('[')) {
      return err({ code: 'entity-declaration', detail: 'a DOCTYPE with an internal subset (entity declarations)' });
    }
    return ok(gt + 1);
  }
  if (keyword.startsWith('ENTITY')) return err({ code: 'entity-declaration', detail: 'an ENTITY declaration' });
  return broken(`unexpected <!${keyword.trim()}`);
}

/** XML name characters we accept in tag names (ASCII plus anything non-ASCII). */
const NAME = /^[A-Za-z_:\u0080-\uffff][-A-Za-z0-9_.:\u0080-\uffff]*/;

/** Reads `<name attr="…" …>` from `lt`: its name, the index after `>`, whether it ends in `/>`. */
function readStartTag(
  text: string,
  lt: number,
): Result<{ name: string; end: number; selfClosing: boolean }, FeedError> {
  const name = NAME.exec(text.slice(lt + 1, lt + 257))?.[0];
  if (name === undefined) return broken(`a "<" that starts no tag, at character ${lt}`);
  // Find the `>` outside quoted attribute values (a value may contain `>`). A `>` found once is
  // searched for again only when a value ran past it, so no stretch is read twice.
  let j = lt + 1 + name.length;
  let gt = -1;
  for (let attributes = 0; ; attributes++) {
    if (attributes > MAX_ATTRIBUTES) return broken(`<${name}> has more than ${MAX_ATTRIBUTES} attributes`);
    if (gt < j) gt = text.indexOf('>', j);
    if (gt < 0) return broken(`<${name}> is not closed`);
    const quote = nextQuote(text, j, gt);
    if (quote < 0) return ok({ name, end: gt + 1, selfClosing: text.charCodeAt(gt - 1) === 0x2f });
    const close = text.indexOf(text.charAt(quote), quote + 1);
    if (close < 0) return broken(`an attribute of <${name}> is not closed`);
    j = close + 1;
  }
}

/** Index of the first `"` or `'` in [from, to), or -1. */
function nextQuote(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x22 || c === 0x27) return k;
  }
  return -1;
}

/** `rdf:RDF` → `rdf`, `feed` → `feed`. */
function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1).toLowerCase();
}
