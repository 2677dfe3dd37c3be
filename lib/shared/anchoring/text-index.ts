/**
 * A flat, normalized view of the text under a root element, with a map back to DOM positions.
 *
 * Anchoring must find the same words in two different DOMs of one article: the live page and
 * the sanitized stored copy. Those differ in whitespace (indentation, newlines between
 * paragraphs, `&nbsp;`) and in where block boundaries fall, so matching on raw `textContent`
 * would fail on copies that read identically. The index therefore:
 * - collapses every run of whitespace (including nbsp and the ideographic space 　) to one
 *   space, and trims the ends;
 * - treats the start and end of block elements (`p`, `li`, `h2`, `br` …) as whitespace, so
 *   `<p>a</p><p>b</p>` reads "a b" whether or not the markup had a newline between them;
 * - skips text nobody reads (`script`, `style`, `template`, `[hidden]`) and Glossa's own UI
 *   (`[data-glossa-ui]`), and zero-width characters (soft hyphen, ZWSP).
 *
 * Offsets into {@link TextIndex.text} are UTF-16 code units of this normalized text: the unit of
 * JavaScript strings and DOM ranges. Every TextPositionSelector Glossa writes counts in it.
 */

/** Elements whose edges separate words. */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
/** Elements whose text is not part of what the reader sees. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'svg', 'SVG']);

/** The normalized text of a root and the way back to the DOM. */
export interface TextIndex {
  readonly root: Element;
  /** Normalized text (see the module comment). */
  readonly text: string;
  /** Text nodes that contribute characters, in document order. */
  readonly nodes: readonly Text[];
  /** For each character: index into `nodes`, or -1 for a space that stands for a block edge. */
  readonly charNode: Int32Array;
  /** For each character: its offset inside its node (unused when `charNode` is -1). */
  readonly charOffset: Int32Array;
  /** For each node: the index of its first character, and one past its last. */
  readonly nodeStart: Int32Array;
  readonly nodeEnd: Int32Array;
}

/** Whether a UTF-16 unit is whitespace that collapses. */
export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0xfeff
  );
}

/** Characters that take no room and carry no meaning for matching. */
function isInvisible(code: number): boolean {
  return code === 0xad || code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060;
}

/** Normalizes a string the way the index normalizes DOM text (for quotes typed or imported). */
export function normalizeText(value: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isInvisible(code)) continue;
    if (isSpace(code)) {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += value[i];
  }
  return out;
}

/** Builds the index of `root`'s text. Linear in the size of the subtree. */
export function buildTextIndex(root: Element): TextIndex {
  const builder = new Builder(root.textContent?.length ?? 0);
  walk(root, builder);
  return builder.finish(root);
}

function walk(parent: Node, b: Builder): void {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      b.addText(node as Text);
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (SKIPPED.has(el.nodeName) || el.hasAttribute('hidden') || el.hasAttribute('data-glossa-ui')) continue;
      const block = BLOCKS.has(el.nodeName);
      if (block) b.addBreak();
      walk(el, b);
      if (block) b.addBreak();
    }
  }
}

/**
 * UTF-16 code units to a string in one native call (the code units are little-endian in
 * memory on every platform browsers run on). A lone surrogate becomes U+FFFD: still one unit, so
 * offsets are unchanged.
 */
const decoder = new TextDecoder('utf-16le');

/** Accumulates characters and their DOM positions into growable typed arrays. */
class Builder {
  private codes: Uint16Array;
  private node: Int32Array;
  private offset: Int32Array;
  private length = 0;
  /** A space is owed before the next visible character: node index, or -1 for a block edge. */
  private pending: { node: number; offset: number } | null = null;
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(estimate: number) {
    const capacity = Math.max(64, estimate + (estimate >> 3));
    this.codes = new Uint16Array(capacity);
    this.node = new Int32Array(capacity);
    this.offset = new Int32Array(capacity);
  }

  addBreak(): void {
    if (this.length > 0 && !this.pending) this.pending = { node: -1, offset: 0 };
  }

  addText(text: Text): void {
    const data = text.data;
    const index = this.nodes.length;
    let added = false;
    let first = 0;
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      if (isInvisible(code)) continue;
      if (isSpace(code)) {
        if (this.length > 0 && !this.pending) this.pending = { node: index, offset: i };
        continue;
      }
      if (this.pending) {
        this.push(32, this.pending.node, this.pending.offset);
        this.pending = null;
      }
      if (!added) {
        added = true;
        first = this.length;
      }
      this.push(code, index, i);
    }
    // A node that gave only (owed) whitespace still counts if the space it owes is emitted later.
    if (added || this.pending?.node === index) {
      this.nodes.push(text);
      this.starts.push(added ? first : this.length);
      this.ends.push(this.length);
    }
  }

  private push(code: number, node: number, offset: number): void {
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length] = code;
    this.node[this.length] = node;
    this.offset[this.length] = offset;
    this.length++;
  }

  private grow(): void {
    const size = this.codes.length * 2;
    const codes = new Uint16Array(size);
    codes.set(this.codes);
    const node = new Int32Array(size);
    node.set(this.node);
    const offset = new Int32Array(size);
    offset.set(this.offset);
    this.codes = codes;
    this.node = node;
    this.offset = offset;
  }

  finish(root: Element): TextIndex {
    const n = this.length;
    const text = decoder.decode(this.codes.subarray(0, n));
    // A space owed by a node is emitted only when a later character follows; fix `ends` then.
    const nodeEnd = Int32Array.from(this.ends);
    for (let i = 0; i < n; i++) {
      const k = this.node[i] ?? -1;
      if (k >= 0 && (nodeEnd[k] ?? 0) < i + 1) nodeEnd[k] = i + 1;
    }
    return {
      root,
      text,
      nodes: this.nodes,
      charNode: this.node.slice(0, n),
      charOffset: this.offset.slice(0, n),
      nodeStart: Int32Array.from(this.starts),
      nodeEnd,
    };
  }
}
