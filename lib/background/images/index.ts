/**
 * Saved images in the background: articles announced by the library and found by a periodic
 * sweep are queued, and each has its pictures fetched and stored (save-images.ts). SVG pictures
 * are sanitized where there is a DOM: in place in Firefox's background page, in the offscreen
 * document for Chrome's service worker (which has none).
 */
import { browser } from 'wxt/browser';
import { sanitizeSvg } from '../../shared/article/sanitize-svg';
import { type Library, onLibraryChange } from '../../storage';
import { createSvgCleaner } from '../html-preparer';
import { createImageQueue, type ImageQueue } from './image-queue';
import { saveArticleImages } from './save-images';

/** The alarm that looks for due retries and articles whose images were never looked at. */
export const IMAGES_ALARM = 'glossa-images';
/** Articles looked at per sweep: the next alarm takes the rest. */
const SWEEP_BATCH = 50;

/** Starts saving images; answers the queue and the sweep (for tests and the wiring). */
export function startImageSaving(library: Promise<Library>): { queue: ImageQueue; sweep: () => Promise<void> } {
  // `window` is read only where there is one (the cleaner checks before calling this).
  const sanitize = createSvgCleaner((svg) => sanitizeSvg(svg, window));
  const queue = createImageQueue(
    async (id) => saveArticleImages(id, { library: await library, sanitizeSvg: sanitize }),
    (error) => console.warn('Glossa: saving images failed', error),
  );
  const sweep = async () => {
    const lib = await library;
    queue.enqueue(await lib.dueImageRetries(Date.now(), SWEEP_BATCH));
    queue.enqueue(await lib.articlesWithoutImageMap(SWEEP_BATCH));
  };
  onLibraryChange((change) => {
    if (change.store === 'articles') queue.enqueue(change.ids);
  });
  void browser.alarms.get(IMAGES_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(IMAGES_ALARM, { periodInMinutes: 15 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === IMAGES_ALARM) void sweep().catch(() => undefined);
  });
  void sweep().catch(() => undefined);
  return { queue, sweep };
}
