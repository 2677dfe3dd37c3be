/**
 * The paragraph margin controls of a live page: the same small button the stored copy puts in
 * each paragraph (components/annotation/use-paragraph-controls.ts), but drawn in Glossa's own
 * layer — absolutely placed beside each paragraph — because the page's DOM is the page's: its
 * paragraphs read exactly as before. The buttons follow reading order, so Tab reaches them in
 * order; each is invisible until its paragraph is under the reader's pointer or it has focus,
 * and always shown when its paragraph has a note; a hidden one lets clicks through to the page. Positions are read in one layout pass (all
 * reads, then one render) whenever the page may have moved: resize, body size changes, a
 * scroll inside the page's own scroll box, a new paragraph list.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Placement } from '../../lib/shared/highlighting/placement';
import { t } from '../../lib/shared/i18n';

/** Props of {@link MarginControls}. */
export interface MarginControlsProps {
  /** The paragraphs with a control, in reading order. */
  paragraphs: Element[];
  /** The number each paragraph is called by in the controls' names. */
  numbers: number[];
  placement: Placement | null;
  onOpen: (paragraph: Element, control: HTMLElement) => void;
  /** Which pointer moves count (a live page: the reader's own, never a page script's). */
  accept: (event: Event) => boolean;
}

/** Space between a control and its paragraph, and the control's size (px). */
const GAP = 6;
const SIZE = 22;

/** A paragraph's band, relative to the controls' box: its control's corner, its bottom and right. */
interface Place {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Where each paragraph's control goes, relative to `origin`; null for a paragraph not laid out. */
function layOut(paragraphs: Element[], origin: Element): (Place | null)[] {
  const base = origin.getBoundingClientRect();
  const page = -base.left + 2;
  return paragraphs.map((p) => {
    const box = p.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return null;
    return {
      top: box.top - base.top,
      left: Math.max(page, box.left - base.left - SIZE - GAP),
      bottom: box.bottom - base.top,
      right: box.right - base.left,
    };
  });
}

/** The innermost paragraph whose band (control included) holds point (x, y), or -1. */
function placeAt(places: (Place | null)[], x: number, y: number): number {
  let found = -1;
  places.forEach((p, i) => {
    if (p && y >= p.top && y < p.bottom && x >= p.left && x <= p.right) found = i;
  });
  return found;
}

/** The controls, in a zero-size box the positions are measured from. */
export function MarginControls({ paragraphs, numbers, placement, onOpen, accept }: MarginControlsProps) {
  const box = useRef<HTMLDivElement>(null);
  const [places, setPlaces] = useState<(Place | null)[]>([]);
  const placesNow = useRef(places);
  placesNow.current = places;
  const [hovered, setHovered] = useState(-1);
  const noted = useMemo(
    () => new Set(placement?.placed.flatMap((p) => (p.highlight.kind === 'paragraph-note' ? [p.paragraph] : []))),
    [placement],
  );

  useLayoutEffect(() => {
    const origin = box.current;
    const doc = origin?.ownerDocument;
    const win = doc?.defaultView;
    if (!origin || !doc || !win) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      setPlaces(layOut(paragraphs, origin));
    };
    const later = () => {
      if (!frame) frame = win.requestAnimationFrame(measure);
    };
    measure();
    // Every browser has it; a test DOM (jsdom) may not.
    const resizes = win.ResizeObserver ? new win.ResizeObserver(later) : null;
    resizes?.observe(doc.body);
    win.addEventListener('resize', later, { passive: true });
    // The page's own scroll boxes move their paragraphs without resizing anything.
    const onScroll = (event: Event) => {
      if (event.target !== doc) later();
    };
    doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => {
      win.cancelAnimationFrame(frame);
      resizes?.disconnect();
      win.removeEventListener('resize', later);
      doc.removeEventListener('scroll', onScroll, { capture: true });
    };
  }, [paragraphs]);

  // The paragraph under the reader's pointer, its margin included (one layout read a move).
  useEffect(() => {
    const origin = box.current;
    const doc = origin?.ownerDocument;
    if (!origin || !doc) return;
    const onMove = (event: MouseEvent) => {
      if (!accept(event)) return;
      const base = origin.getBoundingClientRect();
      setHovered(placeAt(placesNow.current, event.clientX - base.left, event.clientY - base.top));
    };
    doc.addEventListener('mousemove', onMove, { passive: true });
    return () => doc.removeEventListener('mousemove', onMove);
  }, [accept]);

  return (
    <div ref={box} class="g-margin" data-glossa-ui="">
      {paragraphs.map((paragraph, i) => {
        const place = places[i];
        if (!place) return null;
        const has = noted.has(paragraph);
        return (
          <button
            key={i}
            type="button"
            class="g-para-btn"
            aria-label={t(has ? 'paraNoteEdit' : 'paraNoteAdd', numbers[i] ?? i + 1)}
            data-has-note={has ? '' : undefined}
            data-hover={hovered === i ? '' : undefined}
            style={{ top: `${place.top}px`, left: `${place.left}px` }}
            onClick={(event) => {
              event.preventDefault();
              onOpen(paragraph, event.currentTarget);
            }}
          />
        );
      })}
    </div>
  );
}
