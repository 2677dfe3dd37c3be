/**
 * Tells what a fetched picture is from its first bytes, never from the server's Content-Type: a
 * server may call an HTML page or a script `image/png`, and a picture stored under a type it is
 * not could be handed to a decoder it was not meant for. Also reads the pixel size from the
 * header where that is a few bytes away (PNG, GIF, JPEG, WebP), so a context that cannot decode
 * still stores it.
 */
import type { StoredImageType } from '../../model';

/** What the bytes are: a raster type we store (with its size when the header says), or SVG text. */
export type Sniffed =
  | { kind: 'raster'; type: Exclude<StoredImageType, 'image/svg+xml'>; width: number | null; height: number | null }
  | { kind: 'svg' };

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const u16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, at: number) => u16le(b, at) | ((b[at + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, at: number) => u16be(b, at) * 65536 + u16be(b, at + 2);

/** A pixel size, or nulls when the header gave none that makes sense. */
function size(width: number, height: number): { width: number | null; height: number | null } {
  return width > 0 && height > 0 ? { width, height } : { width: null, height: null };
}

/** JPEG: the first start-of-frame marker carries the size. */
function jpegSize(b: Uint8Array): { width: number | null; height: number | null } {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return size(0, 0);
    const marker = b[i + 1] ?? 0;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return size(u16be(b, i + 7), u16be(b, i + 5));
    }
    i += 2 + u16be(b, i + 2);
  }
  return size(0, 0);
}

/** WebP: lossy (VP8), lossless (VP8L) and extended (VP8X) chunks each say it differently. */
function webpSize(b: Uint8Array): { width: number | null; height: number | null } {
  if (startsWith(b, ascii('VP8X'), 12)) return size(u24le(b, 24) + 1, u24le(b, 27) + 1);
  if (startsWith(b, ascii('VP8L'), 12)) {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
    return size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (startsWith(b, ascii('VP8 '), 12)) return size(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
  return size(0, 0);
}

/** Whether text (after an optional BOM, XML declaration, comments and doctype) opens an `<svg>`. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '');
  const rest = head.replace(/^\s*(?:<\?xml[^>]*\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*/i, '');
  return /^<svg[\s>]/i.test(rest);
}

/** What `bytes` are, or null when they are no picture we store. */
export function sniffImage(bytes: Uint8Array): Sniffed | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { kind: 'raster', type: 'image/png', ...size(u32be(bytes, 16), u32be(bytes, 20)) };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'raster', type: 'image/jpeg', ...jpegSize(bytes) };
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) {
    return { kind: 'raster', type: 'image/gif', ...size(u16le(bytes, 6), u16le(bytes, 8)) };
  }
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) {
    return { kind: 'raster', type: 'image/webp', ...webpSize(bytes) };
  }
  // ISO-BMFF `ftyp` box with an AVIF brand (major, or compatible within the box).
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const boxEnd = Math.min(u32be(bytes, 0), bytes.length, 64);
    for (let at = 8; at + 4 <= boxEnd; at += 4) {
      if (startsWith(bytes, ascii('avif'), at) || startsWith(bytes, ascii('avis'), at)) {
        return { kind: 'raster', type: 'image/avif', width: null, height: null };
      }
    }
    return null;
  }
  return looksLikeSvg(bytes) ? { kind: 'svg' } : null;
}
