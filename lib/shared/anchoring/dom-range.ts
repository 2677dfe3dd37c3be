/**
 * Between offsets in a {@link TextIndex} and DOM Ranges. A range's text is read from the
 * index, so a selection made anywhere (bold, links, across paragraphs) becomes a plain
 * `[start, end)` and back, whatever elements lie between.
 */
import type { TextIndex } from './text-index';

/** Index of the first character at or after a DOM boundary point (= characters before it). */
export function offsetAt(index: TextIndex, container: Node, offset: number): number {
  const k = container.nodeType === 3 ? nodeIndex(index, container as Text) : -1;
  if (k >= 0) return offsetInNode(index, k, offset);
  // An element boundary (or a text node we skip): the first indexed node after the point.
  const doc = container.ownerDocument ?? (container as Document);
  const point = doc.createRange();
  point.setStart(container, offset);
  let lo = 0;
  let hi = index.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // comparePoint < 0: the node's start is before the point.
    if (point.comparePoint(index.nodes[mid] as Text, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < index.nodes.length ? (index.nodeStart[lo] ?? index.text.length) : index.text.length;
}

const positions = new WeakMap<TextIndex, Map<Text, number>>();

/** Position of a text node in the index (a map built on first use: selections are rare). */
function nodeIndex(index: TextIndex, node: Text): number {
  let map = positions.get(index);
  if (!map) {
    map = new Map(index.nodes.map((n, i) => [n, i]));
    positions.set(index, map);
  }
  return map.get(node) ?? -1;
}

function offsetInNode(index: TextIndex, k: number, offset: number): number {
  let lo = index.nodeStart[k] ?? 0;
  let hi = index.nodeEnd[k] ?? lo;
  // Characters of node k inside [lo, hi) have increasing offsets; a block-edge space (-1) may
  // sit among them only at the very start, and counts as "before".
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const own = index.charNode[mid] === k;
    if (!own || (index.charOffset[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The normalized `[start, end)` of a DOM range, trimmed of spaces; null if it holds no text. */
export function rangeToOffsets(index: TextIndex, range: Range): { start: number; end: number } | null {
  let start = offsetAt(index, range.startContainer, range.startOffset);
  let end = offsetAt(index, range.endContainer, range.endOffset);
  while (start < end && index.text.charCodeAt(start) === 32) start++;
  while (end > start && index.text.charCodeAt(end - 1) === 32) end--;
  return end > start ? { start, end } : null;
}

/** A DOM range over the characters `[start, end)` of the index. */
export function offsetsToRange(index: TextIndex, start: number, end: number): Range {
  const doc = index.root.ownerDocument;
  const range = doc.createRange();
  const s = boundary(index, start, 'start');
  const e = boundary(index, end, 'end');
  range.setStart(s.node, s.offset);
  range.setEnd(e.node, e.offset);
  return range;
}

/**
 * DOM point for a character boundary. A start lands before the first real character at or
 * after `at`; an end lands after the last real character before `at` (block-edge spaces have
 * no DOM position of their own).
 */
function boundary(index: TextIndex, at: number, side: 'start' | 'end'): { node: Node; offset: number } {
  const { charNode, charOffset, nodes } = index;
  if (side === 'start') {
    for (let i = Math.max(0, at); i < charNode.length; i++) {
      const k = charNode[i] ?? -1;
      if (k >= 0) return { node: nodes[k] as Text, offset: charOffset[i] ?? 0 };
    }
  } else {
    for (let i = Math.min(at, charNode.length) - 1; i >= 0; i--) {
      const k = charNode[i] ?? -1;
      if (k >= 0) return { node: nodes[k] as Text, offset: (charOffset[i] ?? 0) + 1 };
    }
  }
  const last = nodes[nodes.length - 1];
  if (side === 'end' && last) return { node: last, offset: last.data.length };
  return { node: index.root, offset: side === 'start' ? 0 : index.root.childNodes.length };
}
