/**
 * A deep copy of a document for Readability to rewrite, made without parsing its CSS.
 *
 * `document.cloneNode(true)` builds a new document and connects every node to it as it goes;
 * each `<style>` element connected to a document gets its style sheet parsed, even in a
 * document nobody will ever render. Traced in Chromium over the 130 corpus pages, that CSS
 * parsing was about a quarter of the clone's time, and the clone a fifth of an extraction. All
 * of it is thrown away: Readability removes every `<style>` before it reads anything else.
 *
 * So the copy is made in two steps: the document's children are imported into a bare copy of
 * the document (`cloneNode(false)` keeps its URL, base, mode and content type) while still
 * detached, where nothing is parsed; each `<style>` gets a `type` no browser parses; then they
 * are attached. The result is the same tree as `cloneNode(true)` except for those `type`
 * attributes, and Readability never looks at them: before `_prepDocument` removes every style
 * element, `parse()` only unwraps noscript images (reading `<img>` attributes and element
 * counts), reads JSON-LD scripts and removes scripts.
 */

/** A style sheet type browsers do not parse (only `text/css` or no type is CSS). */
export const INERT_STYLE_TYPE = 'text/x-glossa-inert';
const ELEMENT_NODE = 1;

/** A deep copy of `source` whose style elements are never parsed; `source` is only read. */
export function inertClone(source: Document): Document {
  const copy = source.cloneNode(false) as Document;
  const children = Array.from(source.childNodes, (child) => copy.importNode(child, true));
  for (const child of children) {
    if (child.nodeType !== ELEMENT_NODE) continue;
    const root = child as Element;
    if (root.localName === 'style') root.setAttribute('type', INERT_STYLE_TYPE);
    for (const style of Array.from(root.getElementsByTagName('style'))) style.setAttribute('type', INERT_STYLE_TYPE);
  }
  for (const child of children) copy.appendChild(child);
  return copy;
}
