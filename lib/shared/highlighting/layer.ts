/**
 * One drawing layer per place highlights are shown (a document, or the shadow root of a reading
 * view): its highlight-registry entries (one per colour, under a name of its own, since a page
 * and the reading view over it share the document's registry) and its style sheet. Painters
 * share their target's layer and keep only their own ranges in it.
 *
 * The style sheet is installed once per layer and stays while one painter (or an early
 * `preparePainting` call) uses it: adding a sheet with `::highlight()` rules restyles the whole
 * document, which is costly on a long article once it is on screen (`npm run bench -- anchor`
 * times drawing), and almost free before the article is.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../model';
import { highlightStyles } from './styles';

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): boolean;
}
/** A CSS `Highlight`: a set of ranges painted together. */
export type HighlightSet = { add(r: Range): void; delete(r: Range): boolean; priority: number };
type HighlightCtor = new (...ranges: Range[]) => HighlightSet;

/** A target's shared layer. */
export interface Layer {
  /** Registry-name prefix, e.g. `glossa1` (`glossa1-yellow` …). */
  readonly name: string;
  /** The shared sets, or null where the Custom Highlight API is missing. */
  readonly sets: { byColor: Map<HighlightColor, HighlightSet>; active: HighlightSet } | null;
  /** Gives the layer up; the last user removes its registry entries and styles. */
  release(): void;
}

interface Entry {
  layer: Omit<Layer, 'release'>;
  users: number;
  teardown: () => void;
}

const entries = new WeakMap<Document | ShadowRoot, Entry>();
let count = 0;

/** The page's highlight registry and constructor, if this browser has them. */
function highlightApi(doc: Document): { registry: HighlightRegistry; Ctor: HighlightCtor } | null {
  const w = doc.defaultView as unknown as {
    CSS?: { highlights?: HighlightRegistry };
    Highlight?: HighlightCtor;
  } | null;
  return w?.CSS?.highlights && typeof w.Highlight === 'function'
    ? { registry: w.CSS.highlights, Ctor: w.Highlight }
    : null;
}

function documentOf(target: Document | ShadowRoot): Document {
  return 'defaultView' in target ? target : target.ownerDocument;
}

/** The layer of `target`, created on first use. */
export function acquireLayer(target: Document | ShadowRoot): Layer {
  let entry = entries.get(target);
  if (!entry) {
    const name = `glossa${++count}`;
    const api = highlightApi(documentOf(target));
    let sets: Layer['sets'] = null;
    if (api) {
      const byColor = new Map<HighlightColor, HighlightSet>();
      for (const color of HIGHLIGHT_COLORS) {
        const set = new api.Ctor();
        byColor.set(color, set);
        api.registry.set(`${name}-${color}`, set);
      }
      const active = new api.Ctor();
      active.priority = 1;
      api.registry.set(`${name}-active`, active);
      sets = { byColor, active };
    }
    const uninstall = installStyles(target, name);
    const created: Entry = {
      layer: { name, sets },
      users: 0,
      teardown: () => {
        if (api) {
          for (const color of HIGHLIGHT_COLORS) api.registry.delete(`${name}-${color}`);
          api.registry.delete(`${name}-active`);
        }
        uninstall();
        entries.delete(target);
      },
    };
    entries.set(target, created);
    entry = created;
  }
  const held = entry;
  held.users++;
  let released = false;
  return {
    ...held.layer,
    release() {
      if (released) return;
      released = true;
      if (--held.users === 0) held.teardown();
    },
  };
}

/**
 * Installs `target`'s highlight styles now, before the article is on screen; returns the
 * function that gives them up.
 */
export function preparePainting(target: Document | ShadowRoot): () => void {
  const layer = acquireLayer(target);
  return () => layer.release();
}

/**
 * Puts the styles where they apply: a constructed sheet adopted by the document or shadow
 * root (nothing added to the page's DOM), or a `<style>` where that is unsupported. Returns how
 * to take them away again.
 */
function installStyles(target: Document | ShadowRoot, name: string): () => void {
  const doc = documentOf(target);
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (Sheet && 'adoptedStyleSheets' in target) {
    try {
      const sheet = new Sheet();
      sheet.replaceSync(highlightStyles(name));
      target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
      return () => {
        target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    } catch {
      // Fall through to a <style> element.
    }
  }
  const style = doc.createElement('style');
  style.dataset.glossaUi = '';
  style.textContent = highlightStyles(name);
  ('head' in target && target.head ? target.head : target).append(style);
  return () => style.remove();
}
