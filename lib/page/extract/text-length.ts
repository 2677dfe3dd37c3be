/**
 * The length of Readability's "inner text" of an element, and its link density, without
 * building the text.
 *
 * Readability measures an element as `textContent.trim().replace(/\s{2,}/g, ' ').length`.
 * Profiling showed link density reading most of the text Readability reads (bench/FINDINGS.md):
 * every candidate's whole text, nested candidates again and again, plus one separate text read
 * for each link. Only lengths are wanted, and that length
 * composes: it is the count of non-space characters plus one for each run of spaces that has
 * non-space text on both sides. So a subtree can be summed up once (a `TextShape`), parents
 * built from their children's shapes, and a shape kept for each element asked about again.
 *
 * "Space" is exactly what `\s` and `String.prototype.trim` mean in JavaScript (ECMAScript
 * WhiteSpace and LineTerminator), so the numbers are the same as Readability's, to the unit.
 */

/** How a piece of text looks to the trim-and-collapse measure. */
export interface TextShape {
  /** Non-space characters (UTF-16 units, as `length` counts them). */
  chars: number;
  /** Runs of space with non-space text on both sides: each counts as one character. */
  gaps: number;
  /** Space before the first non-space character (with no non-space text: whether there is space at all). */
  lead: boolean;
  /** Space after the last non-space character (with no non-space text: same as `lead`). */
  trail: boolean;
}

const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const ELEMENT_NODE = 1;

/** Whether UTF-16 unit `c` is matched by `\s` (ECMAScript WhiteSpace or LineTerminator). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * A shape being built left to right, without allocating for each piece: `pending` is space
 * seen since the last non-space character, which becomes a gap only if more text follows.
 */
interface Builder {
  chars: number;
  gaps: number;
  lead: boolean;
  pending: boolean;
}

/** Appends the characters of `text` to `b`. */
function addText(b: Builder, text: string): void {
  let { chars, gaps, pending } = b;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      pending = true;
      continue;
    }
    if (pending) {
      if (chars > 0) gaps++;
      else b.lead = true;
      pending = false;
    }
    chars++;
  }
  b.chars = chars;
  b.gaps = gaps;
  b.pending = pending;
}

/** Appends a finished shape to `b`. */
function addShape(b: Builder, shape: TextShape): void {
  if (shape.chars === 0) {
    b.pending ||= shape.lead;
    return;
  }
  if (b.chars === 0) {
    b.lead = b.pending || shape.lead;
    b.gaps = shape.gaps;
  } else b.gaps += shape.gaps + (b.pending || shape.lead ? 1 : 0);
  b.chars += shape.chars;
  b.pending = shape.trail;
}

function finish(b: Builder): TextShape {
  return { chars: b.chars, gaps: b.gaps, lead: b.chars > 0 ? b.lead : b.pending, trail: b.pending };
}

const newBuilder = (): Builder => ({ chars: 0, gaps: 0, lead: false, pending: false });

/** `text.trim().replace(/\s{2,}/g, ' ').length` of the text this shape describes. */
export function shapeLength(shape: TextShape): number {
  return shape.chars + shape.gaps;
}

/** The shape of one string. */
export function shapeOf(text: string): TextShape {
  const b = newBuilder();
  addText(b, text);
  return finish(b);
}

/** The shape of the text `a` describes followed by the text `b` describes. */
export function joinShapes(a: TextShape, b: TextShape): TextShape {
  const builder = newBuilder();
  addShape(builder, a);
  addShape(builder, b);
  return finish(builder);
}

/**
 * Measures elements' texts while the DOM stays as it is; a measurer must be dropped as soon as
 * the document changes. Shapes of the elements `keep` accepts are remembered, so nested
 * questions cost one walk in total. Walking pays off only for such nested questions: touching
 * each node from script costs more than the browser's own text gathering for one whole body,
 * and less for the lengths of all its nested blocks (bench/FINDINGS.md has the ratios).
 */
export class TextMeasurer {
  private readonly shapes = new Map<Node, TextShape>();

  constructor(private readonly keep: (element: Element) => boolean) {}

  /** The shape of `node`'s `textContent`. */
  shape(node: Node): TextShape {
    const known = this.shapes.get(node);
    if (known) return known;
    const b = newBuilder();
    this.addChildren(b, node);
    const shape = finish(b);
    if (node.nodeType === ELEMENT_NODE && this.keep(node as Element)) this.shapes.set(node, shape);
    return shape;
  }

  /** Appends the text of `node`'s children to `b`, remembering the shapes of kept elements. */
  private addChildren(b: Builder, node: Node): void {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === TEXT_NODE || type === CDATA_SECTION_NODE) addText(b, (child as CharacterData).data);
      else if (type !== ELEMENT_NODE) continue;
      else if (this.shapes.has(child) || this.keep(child as Element)) addShape(b, this.shape(child));
      else this.addChildren(b, child);
    }
  }

  /** Readability's `_getInnerText(element).length`. */
  length(element: Element): number {
    return shapeLength(this.shape(element));
  }

  /**
   * Readability's `_getLinkDensity(element)`: link text over all text, a link to a `#fragment`
   * counting 0.3 of its length. Summed link by link in document order, as the original does,
   * so the floating-point result is the same bit for bit.
   */
  linkDensity(element: Element, hashUrl: RegExp): number {
    const textLength = this.length(element);
    if (textLength === 0) return 0;
    let linkLength = 0;
    const links = element.getElementsByTagName('a');
    for (let i = 0; i < links.length; i++) {
      const link = links[i] as Element;
      const href = link.getAttribute('href');
      const coefficient = href && hashUrl.test(href) ? 0.3 : 1;
      linkLength += this.length(link) * coefficient;
    }
    return linkLength / textLength;
  }
}
