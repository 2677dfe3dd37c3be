/**
 * A backup's saved images, when the reader asks for them: each article's image map, and each
 * stored picture once (by hash) as base64 with its type and size. Written one record per line
 * like the rest of the backup, and a picture at a time, so the file is never one string.
 *
 * ```json
 * "imageMaps":[
 * {"articleId":"a_…","entries":[{"src":"https://…","hash":"…"}, …],"thumb":"…"},
 * …],
 * "images":[
 * {"hash":"…","type":"image/png","width":640,"height":480,"data":"iVBORw0…"},
 * …]
 * ```
 */
import { toBase64 } from '../../shared/images/picture';
import type { Library } from '../../storage';

/** What exporting images reads from the library. */
export type ImageSource = Pick<Library, 'getImageMap' | 'getImages'>;

/** Pictures read at once. */
const IMAGE_BATCH = 16;

/** The parts of the `imageMaps` and `images` members (with their leading comma) for these articles. */
export async function backupImageParts(source: ImageSource, articleIds: readonly string[]): Promise<string[]> {
  const parts: string[] = [',\n"imageMaps":['];
  const hashes = new Set<string>();
  let first = true;
  for (const id of articleIds) {
    const map = await source.getImageMap(id);
    if (!map) continue;
    for (const hash of map.hashes) hashes.add(hash);
    const { articleId, entries, thumb } = map;
    parts.push(`${first ? '\n' : ',\n'}${JSON.stringify({ articleId, entries, thumb })}`);
    first = false;
  }
  parts.push('],\n"images":[');
  first = true;
  const all = [...hashes].sort();
  for (let i = 0; i < all.length; i += IMAGE_BATCH) {
    const images = await source.getImages(all.slice(i, i + IMAGE_BATCH));
    for (const image of images.values()) {
      const data = toBase64(new Uint8Array(await image.blob.arrayBuffer()));
      const { hash, type, width, height } = image;
      parts.push(`${first ? '\n' : ',\n'}${JSON.stringify({ hash, type, width, height, data })}`);
      first = false;
    }
  }
  parts.push(']');
  return parts;
}
