/**
 * The plain text of sanitized article HTML, shaped for reading and anchoring: one block element
 * (paragraph, heading, list item, cell…) per paragraph, paragraphs separated by a blank line,
 * whitespace inside a paragraph collapsed as a browser would render it, `<br>` kept as a line
 * break and `<pre>` kept verbatim. Walks the tree without recursion so deeply nested markup
 * cannot overflow the stack.
 */

/** Elements that start and end a paragraph of text. */
const BLOCKS = new Set(
  `address article aside blockquote caption dd details div dl dt figcaption figure footer
   h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th
   thead tr ul`.split(/\s+/),
);

/** Stands for `<br>` while whitespace is collapsed; the HTML parser never yields NUL in text. */
const LINE_BREAK = '\u0000';

/**
 * Extracts the visible text below `root` (assumed sanitized: nothing hidden remains).
 * Paragraphs are joined with `\n\n`; an empty body gives `''`.
 */
export function blockText(root: Node): string {
  const blocks: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = collapse(buffer);
    if (text !== '') blocks.push(text);
    buffer = '';
  };

  let node: Node | null = root.firstChild;
  while (node !== null) {
    let descend = false;
    if (node.nodeType === 3) {
      buffer += node.nodeValue ?? '';
    } else if (node.nodeType === 1) {
      const tag = node.nodeName.toLowerCase();
      if (tag === 'br') {
        buffer += LINE_BREAK;
      } else if (tag === 'pre') {
        flush();
        const verbatim = withoutLeadingNewlines(node.textContent ?? '').trimEnd();
        if (verbatim !== '') blocks.push(verbatim);
      } else {
        if (BLOCKS.has(tag)) flush();
        descend = true;
      }
    }
    if (descend && node.firstChild !== null) {
      node = node.firstChild;
      continue;
    }
    node = leave(node, root, flush);
  }
  flush();
  return blocks.join('\n\n');
}

/**
 * Moves past `node` to the next node in document order, closing (flushing) every block
 * element that ends on the way up. Returns `null` when the walk is back at `root`.
 */
function leave(start: Node, root: Node, flush: () => void): Node | null {
  let node: Node | null = start;
  while (node !== null && node !== root) {
    if (node.nodeType === 1 && BLOCKS.has(node.nodeName.toLowerCase())) flush();
    if (node.nextSibling !== null) return node.nextSibling;
    node = node.parentNode;
  }
  return null;
}

/** Collapses whitespace to single spaces, keeping `<br>` line breaks and trimming each line. */
function collapse(buffer: string): string {
  if (!/\S/.test(buffer)) return '';
  const lines = buffer
    .split(LINE_BREAK)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  return trimNewlines(lines);
}

/**
 * `text` without its leading newlines. (Trims are written out: `/\s+$/` and `/\n+$/` retry at
 * every position of a long run that does not reach the end, quadratic on a hostile `<pre>`.)
 */
function withoutLeadingNewlines(text: string): string {
  let start = 0;
  while (text.charCodeAt(start) === 10) start++;
  return start === 0 ? text : text.slice(start);
}

/** `text` without leading and trailing newlines. */
function trimNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return withoutLeadingNewlines(text.slice(0, end));
}
