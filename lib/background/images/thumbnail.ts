/**
 * The popup's small pictures, made once when an article's images are saved, so the list shows
 * local bytes and never loads the web. Drawn with `createImageBitmap` and an `OffscreenCanvas`
 * (both exist in Chrome's service worker and in Firefox's background page), encoded as WebP,
 * or JPEG where the browser cannot encode WebP.
 */

/** The longest side of a thumbnail, in CSS pixels (the popup shows them at 56–80 px, on 2× screens). */
export const THUMB_MAX = 160;

/**
 * The size to draw a `width` × `height` picture at so that it fits in `max` × `max`: never
 * enlarged, proportions kept, each side at least 1 pixel. Null for a size that is no picture.
 */
export function thumbSize(width: number, height: number, max = THUMB_MAX): { width: number; height: number } | null {
  if (!(width > 0 && height > 0) || !Number.isFinite(width) || !Number.isFinite(height)) return null;
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Whether this context can draw thumbnails at all. */
export function canMakeThumbnails(): boolean {
  return typeof createImageBitmap === 'function' && typeof OffscreenCanvas === 'function';
}

/**
 * A thumbnail of `blob` with its pixel size, or null where this context cannot decode or draw
 * it (no canvas here, a format the browser cannot decode, an encoder that failed).
 */
export async function makeThumbnail(blob: Blob): Promise<{ blob: Blob; width: number; height: number } | null> {
  if (!canMakeThumbnails()) return null;
  let bitmap: ImageBitmap | null = null;
  try {
    bitmap = await createImageBitmap(blob);
    const target = thumbSize(bitmap.width, bitmap.height);
    if (!target) return null;
    const canvas = new OffscreenCanvas(target.width, target.height);
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, target.width, target.height);
    // A browser without a WebP encoder answers PNG instead: too large for a list picture.
    let out = await canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
    if (out.type !== 'image/webp') out = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.82 });
    return { blob: out, ...target };
  } catch {
    return null;
  } finally {
    bitmap?.close();
  }
}
