/**
 * The hand-over between the eager content script and the injected highlighting layer (and the
 * reading view), which share this frame's isolated world: whether the layer already runs (it
 * may be injected more than once: on revisit and on the first selection), and who wants to
 * hear that this page's highlights changed elsewhere, or that the note editor's frame asked to
 * close. Keyed by a registered symbol on the
 * isolated world's global, invisible to the page (see reading-view-handle.ts).
 */
const KEY = Symbol.for('glossa.annotator');

interface Shared {
  running: boolean;
  listeners: Set<() => void>;
  closers: Set<(deletedId: string | null) => void>;
  goers: Set<(id: string) => boolean>;
}

function shared(): Shared {
  const g = globalThis as { [KEY]?: Shared };
  g[KEY] ??= { running: false, listeners: new Set(), closers: new Set(), goers: new Set() };
  return g[KEY];
}

/** Marks the layer as running; false if it already was. */
export function claimAnnotator(): boolean {
  const s = shared();
  if (s.running) return false;
  s.running = true;
  return true;
}

/** Calls `listener` when the background says this page's highlights changed; returns unsubscribe. */
export function onPageHighlightsChanged(listener: () => void): () => void {
  const { listeners } = shared();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every listener of this frame that the page's highlights changed. */
export function announcePageHighlightsChanged(): void {
  for (const listener of shared().listeners) listener();
}

/** Calls `listener` when the note editor's frame asks to close; returns unsubscribe. */
export function onNoteFrameClose(listener: (deletedId: string | null) => void): () => void {
  const { closers } = shared();
  closers.add(listener);
  return () => closers.delete(listener);
}

/** Tells the highlighting layer that its note editor's frame asked to close. */
export function announceNoteFrameClose(deletedId: string | null): void {
  for (const listener of shared().closers) listener(deletedId);
}

/** Calls `listener` when the side panel asks to go to a highlight; returns unsubscribe. */
export function onPageGoTo(listener: (id: string) => boolean): () => void {
  const { goers } = shared();
  goers.add(listener);
  return () => goers.delete(listener);
}

/** Asks the highlighting layer to go to highlight `id`; false when no layer has it. */
export function announcePageGoTo(id: string): boolean {
  let found = false;
  for (const listener of shared().goers) found = listener(id) || found;
  return found;
}
