/**
 * What the library takes on this device, by kind, and which articles take the most: the options
 * page's Storage section, so a reader short of space sees where it went and what to remove.
 * Sizes are what the records hold (text as UTF-8, pictures as their stored bytes), not the
 * browser's own on-disk accounting, which `navigator.storage.estimate()` gives as one total.
 * One read-only pass over each store, on request only: never on a hot path.
 */
import type { IDBPDatabase } from 'idb';
import type { GlossaSchema } from './schema';
import type { ArticleSize, StorageUsage } from './types';

type Db = IDBPDatabase<GlossaSchema>;

/** UTF-8 length of `text` without encoding it (a saved body can be megabytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one character of four bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Rough size of a structured record: its JSON, which is what a person would call its size. */
function recordBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

/** Totals by kind and the `top` largest articles (text plus the pictures they hold). */
export async function storageUsage(db: Db, top = 5): Promise<StorageUsage> {
  const tx = db.transaction(['articles', 'bodies', 'images', 'imageMaps', 'searchDocs', 'trash'], 'readonly');
  const sizes = new Map<string, ArticleSize>();
  let articleBytes = 0;
  for (let c = await tx.objectStore('articles').openCursor(); c; c = await c.continue()) {
    const bytes = recordBytes(c.value);
    articleBytes += bytes;
    sizes.set(c.key, { id: c.key, title: c.value.title, bytes, imageBytes: 0 });
  }
  for (let c = await tx.objectStore('bodies').openCursor(); c; c = await c.continue()) {
    const bytes = utf8Length(c.value.html) + utf8Length(c.value.text);
    articleBytes += bytes;
    const size = sizes.get(c.key);
    if (size) size.bytes += bytes;
  }
  const pictureBytes = new Map<string, number>();
  for (let c = await tx.objectStore('images').openCursor(); c; c = await c.continue()) {
    pictureBytes.set(c.key, c.value.bytes);
  }
  let quotaRefused = 0;
  for (let c = await tx.objectStore('imageMaps').openCursor(); c; c = await c.continue()) {
    const size = sizes.get(c.key);
    if (size) for (const hash of new Set(c.value.hashes)) size.imageBytes += pictureBytes.get(hash) ?? 0;
    if (c.value.entries.some((e) => 'failed' in e && e.failed === 'quota')) quotaRefused++;
  }
  let searchBytes = 0;
  for (let c = await tx.objectStore('searchDocs').openCursor(); c; c = await c.continue()) {
    searchBytes += recordBytes(c.value);
  }
  const trash = { count: 0, bytes: 0 };
  for (let c = await tx.objectStore('trash').openCursor(); c; c = await c.continue()) {
    trash.count++;
    trash.bytes += recordBytes(c.value);
  }
  await tx.done;
  let imageBytes = 0;
  for (const bytes of pictureBytes.values()) imageBytes += bytes;
  const largest = [...sizes.values()]
    .sort((a, b) => b.bytes + b.imageBytes - (a.bytes + a.imageBytes) || a.id.localeCompare(b.id))
    .slice(0, top);
  return {
    articles: { count: sizes.size, bytes: articleBytes },
    images: { count: pictureBytes.size, bytes: imageBytes },
    searchIndex: { bytes: searchBytes },
    trash,
    largest,
    quotaRefused,
  };
}
