/**
 * Saved images in the background: articles announced by the library and found by a periodic
 * sweep are queued, and each has its pictures fetched and stored (save-images.ts). SVG pictures
 * are sanitized where this context has a DOM (Firefox's background page) and refused by name
 * where it has none (Chrome's service worker).
 */
import { browser } from 'wxt/browser';
import { sanitizeSvg } from '../../shared/article/sanitize-svg';
import { type Library, onLibraryChange } from '../../storage';
import { createImageQueue, type ImageQueue } from './image-queue';
import { type SvgSanitizer, saveArticleImages } from './save-images';

/** The alarm that looks for due retries and articles whose images were never looked at. */
export const IMAGES_ALARM = 'glossa-images';
/** Articles looked at per sweep: the next alarm takes the rest. */
const SWEEP_BATCH = 50;

/** The SVG sanitizer this context can offer, if any. */
function svgSanitizer(): SvgSanitizer | undefined {
  if (typeof window === 'undefined' || typeof document === 'undefined') return undefined;
  return (svg) => sanitizeSvg(svg, window);
}

/** Starts saving images; answers the queue and the sweep (for tests and the wiring). */
export function startImageSaving(library: Promise<Library>): { queue: ImageQueue; sweep: () => Promise<void> } {
  const sanitize = svgSanitizer();
  const queue = createImageQueue(
    async (id) => saveArticleImages(id, { library: await library, ...(sanitize ? { sanitizeSvg: sanitize } : {}) }),
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
