/**
 * The anchor bench's drawing measurement: how long Glossa's painter takes to put the intact
 * article's 1,000 highlights on screen (see `draw`).
 */

import { HIGHLIGHT_COLORS } from '../../lib/model';
import { createPainter } from '../../lib/shared/highlighting/painter';
import type { State } from './anchor-types';

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
/** A task queued now runs after the current frame's style, layout and paint. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/**
 * Time to draw Glossa's intact ranges with the painter (CSS Custom Highlight API): started in
 * an animation frame, ended by a task queued there, which runs once that frame's style, layout
 * and paint are done on the main thread (rasterizing happens elsewhere). `what` says how much
 * is done: nothing (the frame's floor), `createPainter` alone (it adopts a style sheet, which
 * restyles the document), the painter and a `draw()` per range, or (`ranges`) only the draws,
 * with a painter made and settled two frames before. `syncMs` is the calls alone; `twoFramesMs`
 * runs until two more animation frames have begun (bound to the frame clock).
 */
export async function draw(
  s: State,
  what: 'nothing' | 'painter' | 'highlights' | 'ranges',
): Promise<{ ms: number; syncMs: number; twoFramesMs: number; mode: string; count: number }> {
  const early = what === 'ranges' ? createPainter(s.article, { styleTarget: document }) : null;
  if (early) await frame();
  await frame();
  const started = performance.now();
  const painter = early ?? (what === 'nothing' ? null : createPainter(s.article, { styleTarget: document }));
  if (painter && (what === 'highlights' || what === 'ranges')) {
    s.drawn.forEach((range, i) => {
      painter.draw(`h${i}`, range, HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length] ?? 'yellow');
    });
  }
  const syncMs = performance.now() - started;
  await nextTask();
  const ms = performance.now() - started;
  await frame();
  await frame();
  const twoFramesMs = performance.now() - started;
  painter?.clear();
  await frame();
  await frame();
  return {
    ms,
    syncMs,
    twoFramesMs,
    mode: painter?.mode ?? 'none',
    count: what === 'highlights' || what === 'ranges' ? s.drawn.length : 0,
  };
}
