/**
 * Draws highlights. The CSS Custom Highlight API (Chromium 105+, Firefox 140+) paints ranges
 * without touching the DOM, so a live page's markup, its scripts' selectors and our own text
 * offsets stay exactly as they were. Where it is missing (or refuses our ranges), highlights are
 * drawn by wrapping text in `<mark>` elements, which `remove` unwraps and re-joins cleanly.
 *
 * One registry entry per colour per layer (`layer.ts`: one per document or shadow root) holds
 * every range of that colour, so 1,000 highlights cost five registry entries. Overlapping highlights simply both paint: the colours
 * are translucent, so the overlap reads darker.
 */
import type { HighlightColor } from '../../model';
import { acquireLayer, type Layer } from './layer';

/** How a painter draws. */
export type PaintMode = 'custom-highlight' | 'wrap';

/** Draws, finds and removes highlights under one root. */
export interface Painter {
  readonly mode: PaintMode;
  /** Draws highlight `id` over `range` (replacing an earlier drawing of the same id). */
  draw(id: string, range: Range, color: HighlightColor): void;
  /** Marks one highlight as the active one (underlined), or none. */
  setActive(id: string | null): void;
  remove(id: string): void;
  /** Removes every drawing (before the annotations are placed and drawn again). */
  reset(): void;
  /** Removes every drawing and the styles this painter installed. */
  clear(): void;
  /** Ids of the highlights covering a DOM point (what a click landed on), newest drawn last. */
  idsAt(node: Node, offset: number): string[];
  /** The range a highlight is drawn over, to scroll to it or place a toolbar. */
  rangeOf(id: string): Range | null;
}

/** Options of {@link createPainter}. */
export interface PainterOptions {
  /** Where the `::highlight` / `mark` styles go: the document or the shadow root we render in. */
  styleTarget: Document | ShadowRoot;
  /** Force the wrapping fallback (tests, or a page where the API misbehaves). */
  mode?: PaintMode;
}

/** A painter for highlights under `root`, drawing into its style target's shared layer. */
export function createPainter(root: Element, options: PainterOptions): Painter {
  const layer = acquireLayer(options.styleTarget);
  const painter = options.mode !== 'wrap' && layer.sets ? highlightPainter(layer.sets) : wrapPainter(root);
  const clear = painter.clear.bind(painter);
  return Object.assign(painter, {
    clear() {
      clear();
      layer.release();
    },
  });
}

function highlightPainter({ byColor, active }: NonNullable<Layer['sets']>): Painter {
  const drawn = new Map<string, { range: Range; color: HighlightColor }>();
  let activeId: string | null = null;
  return {
    mode: 'custom-highlight',
    draw(id, range, color) {
      this.remove(id);
      drawn.set(id, { range, color });
      byColor.get(color)?.add(range);
      if (activeId === id) active.add(range);
    },
    setActive(id) {
      const old = activeId ? drawn.get(activeId) : undefined;
      if (old) active.delete(old.range);
      activeId = id;
      const now = id ? drawn.get(id) : undefined;
      if (now) active.add(now.range);
    },
    remove(id) {
      const old = drawn.get(id);
      if (!old) return;
      byColor.get(old.color)?.delete(old.range);
      active.delete(old.range);
      drawn.delete(id);
    },
    reset() {
      for (const id of [...drawn.keys()]) this.remove(id);
    },
    clear() {
      this.reset();
    },
    idsAt(node, offset) {
      const ids: string[] = [];
      for (const [id, { range }] of drawn) {
        try {
          if (range.isPointInRange(node, offset)) ids.push(id);
        } catch {
          // A point in another document or tree is in no range of ours.
        }
      }
      return ids;
    },
    rangeOf(id) {
      return drawn.get(id)?.range ?? null;
    },
  };
}

const MARK_CLASS = 'glossa-hl';

function wrapPainter(root: Element): Painter {
  const doc = root.ownerDocument;
  const marksOf = (id: string) =>
    [...root.querySelectorAll<HTMLElement>(`mark.${MARK_CLASS}`)].filter((m) => m.dataset.glossaId === id);
  return {
    mode: 'wrap',
    draw(id, range, color) {
      this.remove(id);
      for (const text of textNodesIn(range)) {
        let node = text;
        const start = node === range.startContainer ? range.startOffset : 0;
        const end = node === range.endContainer ? range.endOffset : node.data.length;
        if (end <= start) continue;
        if (end < node.data.length) node.splitText(end);
        if (start > 0) node = node.splitText(start);
        const mark = doc.createElement('mark');
        mark.className = MARK_CLASS;
        mark.dataset.glossaId = id;
        mark.dataset.color = color;
        node.replaceWith(mark);
        mark.append(node);
      }
    },
    setActive(id) {
      for (const m of root.querySelectorAll<HTMLElement>(`mark.${MARK_CLASS}`))
        m.classList.toggle('glossa-active', m.dataset.glossaId === id);
    },
    remove(id) {
      for (const mark of marksOf(id)) {
        const parent = mark.parentNode;
        mark.replaceWith(...mark.childNodes);
        parent?.normalize();
      }
    },
    reset() {
      const ids = new Set(
        [...root.querySelectorAll<HTMLElement>(`mark.${MARK_CLASS}`)].map((m) => m.dataset.glossaId ?? ''),
      );
      for (const id of ids) this.remove(id);
    },
    clear() {
      this.reset();
    },
    idsAt(node) {
      const ids: string[] = [];
      for (
        let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
        el && el !== root;
        el = el.parentElement
      ) {
        if (el.localName === 'mark' && el.classList.contains(MARK_CLASS))
          ids.unshift((el as HTMLElement).dataset.glossaId ?? '');
      }
      return ids;
    },
    rangeOf(id) {
      const marks = marksOf(id);
      const first = marks[0];
      const last = marks[marks.length - 1];
      if (!first || !last) return null;
      const range = doc.createRange();
      range.setStartBefore(first);
      range.setEndAfter(last);
      return range;
    },
  };
}

/** The text nodes a range touches, in order (collected first: wrapping changes the tree). */
function textNodesIn(range: Range): Text[] {
  const container = range.commonAncestorContainer;
  if (container.nodeType === 3) return [container as Text];
  const walker = container.ownerDocument?.createTreeWalker(container, 4);
  const nodes: Text[] = [];
  for (let node = walker?.nextNode(); node; node = walker?.nextNode()) {
    if (range.intersectsNode(node)) nodes.push(node as Text);
  }
  return nodes;
}
