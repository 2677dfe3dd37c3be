/**
 * Highlighting in any document (a web page or the reader): drawing highlights (`painter`),
 * placing an article's annotations in the DOM (`placement`), note Markdown (`markdown`) and the
 * store interface the UI writes through (`store`). Records themselves are lib/model's.
 */

export { parseInline, parseNote } from './markdown';
export { createPainter, type Painter, type PaintMode } from './painter';
export { type Placed, type Placement, place } from './placement';
export type { AnnotationStore } from './store';
