/**
 * Highlighting: drawing highlights (`painter`), placing an article's annotations in the DOM
 * (`placement`), making and changing records (`records`), note Markdown (`markdown`) and the
 * store interface the UI writes through (`store`).
 */

export { changed, newHighlight, quoteOf } from '../../model/records';
export { parseInline, parseNote } from './markdown';
export { createPainter, type Painter, type PaintMode } from './painter';
export { type Placed, type Placement, place } from './placement';
export type { AnnotationStore } from './store';
