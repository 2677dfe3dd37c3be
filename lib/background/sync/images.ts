/**
 * Saved images travel as CouchDB attachments on their article's document: the protocol's own
 * way to carry bytes, stored once per document and read only by a device that wants them. The
 * document names its pictures in `images` (`{entries: [{src, hash}], thumb}`, a backup's shape,
 * checked by the same validator), each attachment named by its picture's SHA-256.
 *
 * - A push sends only the pictures the server's revision lacks (the rest as stubs), within a
 *   per-request budget; an article whose pictures did not all fit stays queued for the next
 *   batch. It never drops pictures the server holds that this device has not fetched yet.
 * - A pull notes which articles bring pictures (kept with the library, so a worker stopped
 *   mid-round forgets nothing); after the round's push they are fetched a few articles at a time.
 *   Each picture is checked as any picture from outside (hash recomputed, magic bytes; an SVG is
 *   refused here and fetched and sanitized by this device itself) and merged into the local map,
 *   never over a picture stored here. A device that lacks a picture still shows the article.
 */
import { isSavedImage, type SavedImageEntry, type StoredImage } from '../../model';
import { isQuotaError } from '../../shared/error-text';
import { checkPicture, toBase64 } from '../../shared/images/picture';
import { SyncError } from '../../shared/sync/config';
import { isRecord } from '../../shared/validate/guards';
import { savedImagesOf } from '../../shared/validate/images';
import { LIMITS } from '../../shared/validate/limits';
import type { Library } from '../../storage';
import type { Attachment, CouchClient, CouchDoc } from './couch';

/** The pictures a document carries, or an article holds here. */
export interface DocImages {
  entries: SavedImageEntry[];
  thumb: string | null;
}

const NONE: DocImages = { entries: [], thumb: null };

/** The library key of the articles whose pictures are still to be fetched from the server. */
const WANTED = 'sync:images-wanted';
/** Most articles remembered as wanting pictures (beyond it, the image queue fetches from the web). */
const MAX_WANTED = 10_000;

/** Limits of one round's picture traffic. */
export interface ImageSyncLimits {
  /** Bytes of new attachments in one `_bulk_docs` request (at least one picture always goes). */
  pushBytes: number;
  /** Bytes of new attachments one round's push sends at most (a server that keeps dropping them cannot keep a round busy). */
  pushRoundBytes: number;
  /** Articles whose pictures one round fetches. */
  pullArticles: number;
  /** Bytes of pictures one round fetches. */
  pullBytes: number;
}

export const IMAGE_SYNC_LIMITS: ImageSyncLimits = {
  pushBytes: 4_000_000,
  pushRoundBytes: 64_000_000,
  pullArticles: 20,
  pullBytes: 50_000_000,
};

/** The server's own description of an attachment it holds, or undefined. */
function heldAttachment(doc: CouchDoc | undefined, hash: string): Attachment | undefined {
  const all = doc?._attachments;
  if (!isRecord(all) || !Object.hasOwn(all, hash)) return undefined;
  const a = all[hash];
  if (!isRecord(a)) return undefined;
  const stub: Attachment & { revpos?: number } = { stub: true };
  if (typeof a.content_type === 'string') stub.content_type = a.content_type;
  if (typeof a.digest === 'string') stub.digest = a.digest;
  if (Number.isSafeInteger(a.length)) stub.length = a.length as number;
  if (Number.isSafeInteger(a.revpos)) stub.revpos = a.revpos as number;
  return stub;
}

/** The pictures a document names and holds as attachments (anything malformed is left out). */
export function docImages(doc: CouchDoc | undefined): DocImages {
  if (!doc || doc.images === undefined) return NONE;
  const named = savedImagesOf(doc.images);
  const held = (hash: string) => heldAttachment(doc, hash) !== undefined;
  const entries = named.entries.filter((entry) => held(entry.hash));
  return { entries, thumb: named.thumb && held(named.thumb) ? named.thumb : null };
}

/** The pictures article `articleId` holds on this device. */
export async function localImages(library: Library, articleId: string): Promise<DocImages> {
  const map = await library.getImageMap(articleId);
  if (!map) return NONE;
  return { entries: map.entries.filter(isSavedImage).map(({ src, hash }) => ({ src, hash })), thumb: map.thumb };
}

/** Whether the server's document already carries every picture this device holds. */
export function imagesCovered(theirs: CouchDoc | undefined, mine: DocImages): boolean {
  const held = new Map(docImages(theirs).entries.map((entry) => [entry.src, entry.hash]));
  const thumbDone = mine.thumb === null || docImages(theirs).thumb !== null;
  return thumbDone && mine.entries.every((entry) => held.get(entry.src) === entry.hash);
}

/** Bytes of new pictures one request may still carry; the first picture always fits. */
export class AttachmentBudget {
  spent = 0;
  constructor(private readonly max: number) {}
  take(bytes: number): boolean {
    if (this.spent > 0 && this.spent + bytes > this.max) return false;
    this.spent += bytes;
    return true;
  }
}

/**
 * Puts the pictures into `doc`: the server's and this device's (this device's picture wins for
 * the same source), attachments it holds as stubs, new ones inline. Answers whether every picture
 * of this device went (false: the budget ran out; the article stays queued).
 */
export async function attachImages(
  library: Library,
  doc: CouchDoc,
  mine: DocImages,
  theirsDoc: CouchDoc | undefined,
  budget: AttachmentBudget,
): Promise<boolean> {
  const theirs = docImages(theirsDoc);
  // This device's pictures first, then the server's others, within the per-article count.
  const bySrc = new Map(mine.entries.slice(0, LIMITS.articleImages).map((entry) => [entry.src, entry.hash]));
  for (const entry of theirs.entries) {
    if (bySrc.size >= LIMITS.articleImages) break;
    if (!bySrc.has(entry.src)) bySrc.set(entry.src, entry.hash);
  }
  const thumb = theirs.thumb ?? mine.thumb;
  const hashes = new Set([...bySrc.values(), ...(thumb ? [thumb] : [])]);
  const pictures = await library.getImages([...hashes].filter((hash) => !heldAttachment(theirsDoc, hash)));
  const attachments: Record<string, Attachment> = {};
  let complete = true;
  for (const hash of hashes) {
    const held = heldAttachment(theirsDoc, hash);
    const picture = pictures.get(hash);
    if (held) attachments[hash] = held;
    else if (picture && budget.take(picture.bytes)) attachments[hash] = await inline(picture);
    else if (picture) complete = false;
  }
  const entries = [...bySrc].flatMap(([src, hash]) => (attachments[hash] ? [{ src, hash }] : []));
  const sentThumb = thumb && attachments[thumb] ? thumb : null;
  if (entries.length > 0 || sentThumb) {
    doc.images = { entries, thumb: sentThumb };
    doc._attachments = attachments;
  }
  return complete;
}

async function inline(picture: StoredImage): Promise<Attachment> {
  return { content_type: picture.type, data: toBase64(new Uint8Array(await picture.blob.arrayBuffer())) };
}

/**
 * The document without the pictures it sends inline (those the server holds stay, as stubs), or
 * null when it sends none: what is written when the server refuses the document as too large.
 */
export function withoutNewPictures(doc: CouchDoc): CouchDoc | null {
  const attachments = doc._attachments ?? {};
  if (!Object.values(attachments).some((a) => a.data !== undefined)) return null;
  const kept = Object.fromEntries(Object.entries(attachments).filter(([, a]) => a.data === undefined));
  const { _attachments, images, ...rest } = doc;
  if (Object.keys(kept).length === 0) return rest;
  const { entries, thumb } = images as DocImages;
  const held = (hash: string) => Object.hasOwn(kept, hash);
  const left = { entries: entries.filter((e) => held(e.hash)), thumb: thumb && held(thumb) ? thumb : null };
  return { ...rest, images: left, _attachments: kept };
}

/** Carries a document's pictures onto a new revision of it (as stubs), so a rewrite keeps them. */
export function keepImages(from: CouchDoc, to: CouchDoc): CouchDoc {
  const { entries, thumb } = docImages(from);
  if (entries.length === 0 && !thumb) return to;
  const attachments: Record<string, Attachment> = {};
  for (const hash of [...entries.map((entry) => entry.hash), ...(thumb ? [thumb] : [])]) {
    const held = heldAttachment(from, hash);
    if (held) attachments[hash] = held;
  }
  return { ...to, images: { entries, thumb }, _attachments: attachments };
}

/** The remembered articles still wanting pictures. */
async function readWanted(library: Library): Promise<string[]> {
  const value = await library.getMeta<unknown>(WANTED);
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

/** Remembers that these pulled documents bring pictures to fetch. */
export async function noteWantedImages(library: Library, docs: readonly CouchDoc[]): Promise<void> {
  const ids = docs.flatMap((doc) => {
    if (!doc._id.startsWith('a:')) return [];
    const images = docImages(doc);
    return images.entries.length > 0 || images.thumb ? [doc._id.slice(2)] : [];
  });
  if (ids.length === 0) return;
  const wanted = new Set([...(await readWanted(library)), ...ids]);
  await library.setMeta(WANTED, [...wanted].slice(-MAX_WANTED));
}

/**
 * Fetches the pictures of a few wanted articles (within the round's byte budget) and merges them
 * in. An article leaves the list once everything it offered was looked at; answers pictures stored.
 */
export async function fetchWantedImages(
  library: Library,
  client: CouchClient,
  limits: ImageSyncLimits = IMAGE_SYNC_LIMITS,
): Promise<number> {
  const ids = (await readWanted(library)).slice(0, limits.pullArticles);
  if (ids.length === 0) return 0;
  const docs = await client.getDocs(ids.map((id) => `a:${id}`));
  const settled = new Set<string>();
  const deferred: string[] = [];
  let stored = 0;
  let bytes = 0;
  for (const id of ids) {
    const offered = docImages(docs.get(`a:${id}`));
    const map = await library.getImageMap(id);
    const have = new Set((map?.entries ?? []).filter(isSavedImage).map((entry) => entry.src));
    const needed = offered.entries.filter((entry) => !have.has(entry.src));
    const thumb = map?.thumb ? null : offered.thumb;
    const hashes = [...new Set([...needed.map((entry) => entry.hash), ...(thumb ? [thumb] : [])])];
    const here = await library.getImages(hashes);
    const pictures: StoredImage[] = [];
    let tried = 0;
    let cut = false;
    for (const hash of hashes.filter((h) => !here.has(h))) {
      if (bytes >= limits.pullBytes) {
        cut = true;
        break;
      }
      const data = await readAttachment(client, `a:${id}`, hash);
      tried++;
      bytes += data?.byteLength ?? 0;
      const picture = await checkPicture(hash, data);
      if (picture) pictures.push(picture);
    }
    if (needed.length > 0 || thumb) {
      try {
        await library.mergeSavedImages({ articleId: id, entries: needed, thumb, images: pictures });
        stored += pictures.length;
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        // The browser is full: this article's pictures are left to the image queue's retries.
        settled.add(id);
        break;
      }
    }
    // Cut short by the round's budget, an article goes on next round, behind the others —
    // unless nothing it sent was a picture (a broken or hostile server): it is not asked again.
    if (cut && !(tried > 0 && pictures.length === 0)) deferred.push(id);
    else settled.add(id);
  }
  // Read again: nothing noted meanwhile is lost.
  const rest = (await readWanted(library)).filter((id) => !settled.has(id) && !deferred.includes(id));
  await library.setMeta(WANTED, [...rest, ...deferred]);
  return stored;
}

/** An attachment's bytes; null when the server no longer has it or it is larger than any picture. */
async function readAttachment(client: CouchClient, docId: string, hash: string) {
  try {
    return await client.attachment(docId, hash, LIMITS.imageBytes);
  } catch (error) {
    if (error instanceof SyncError && (error.kind === 'not-found' || error.kind === 'bad-response')) return null;
    throw error;
  }
}
