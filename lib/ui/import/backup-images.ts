/**
 * Restoring a backup's saved images (lib/ui/export/backup-images.ts). A backup file may come from
 * anywhere, so every picture is checked as if fetched: its bytes must be the ones its hash names
 * (recomputed), a picture by its magic bytes (SVG only through the SVG sanitizer), within the
 * per-picture cap; every map passes the one validator. A map whose pictures did not all arrive
 * keeps the rest as failures due now, so the background fetches them again. A map is written
 * only for an article the library holds, and never over one with as many saved pictures.
 */
import { type FailedImageEntry, type ImageEntry, isSavedImage, type StoredImage } from '../../model';
import { checkPicture, fromBase64 } from '../../shared/images/picture';
import { isRecord } from '../../shared/validate/guards';
import { checkImageMap } from '../../shared/validate/images';
import type { Library } from '../../storage';

/** What restoring images writes to and reads from the library. */
export type ImageTarget = Pick<Library, 'getArticleMeta' | 'getImageMap' | 'saveImageMap'>;

/** A backup's image maps and pictures, checked. */
export interface CheckedImages {
  maps: { articleId: string; entries: ImageEntry[]; thumb: string | null }[];
  images: Map<string, StoredImage>;
  skipped: number;
}

/** Checks the `imageMaps` and `images` members of a parsed backup (absent: nothing to restore). */
export async function checkBackupImages(
  json: Record<string, unknown>,
  sanitizeSvg?: (svg: string) => string | null,
): Promise<CheckedImages> {
  const out: CheckedImages = { maps: [], images: new Map(), skipped: 0 };
  const maps = Array.isArray(json.imageMaps) ? json.imageMaps : [];
  const images = Array.isArray(json.images) ? json.images : [];
  for (const value of images) {
    const image = isRecord(value) ? await checkPicture(value.hash, fromBase64(value.data), sanitizeSvg, value) : null;
    if (image) out.images.set(image.hash, image);
    else out.skipped++;
  }
  for (const value of maps) {
    const checked = checkImageMap(value);
    const articleId = isRecord(value) && typeof value.articleId === 'string' ? value.articleId : null;
    if (!checked.ok || !articleId) {
      out.skipped++;
      continue;
    }
    out.maps.push({ articleId, ...checked.value });
  }
  return out;
}

/** Writes the checked maps with their pictures; answers how many articles got images. */
export async function restoreBackupImages(
  checked: CheckedImages,
  target: ImageTarget,
  now = Date.now(),
): Promise<number> {
  let restored = 0;
  for (const map of checked.maps) {
    if (!(await target.getArticleMeta(map.articleId))) continue;
    const entries: ImageEntry[] = map.entries.map((entry) =>
      isSavedImage(entry) && !checked.images.has(entry.hash)
        ? ({ src: entry.src, failed: 'network', tries: 0, nextTry: now } satisfies FailedImageEntry)
        : entry,
    );
    const saved = entries.filter(isSavedImage);
    const existing = await target.getImageMap(map.articleId);
    if (existing && existing.entries.filter(isSavedImage).length >= saved.length) continue;
    const thumb = map.thumb && checked.images.has(map.thumb) ? map.thumb : null;
    const needed = new Set([...saved.map((entry) => entry.hash), ...(thumb ? [thumb] : [])]);
    const images = [...needed].flatMap((hash) => {
      const image = checked.images.get(hash);
      return image ? [image] : [];
    });
    await target.saveImageMap({ articleId: map.articleId, entries, thumb, images }, now);
    restored++;
  }
  return restored;
}
