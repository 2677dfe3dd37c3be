/**
 * A picture that arrives with its name from outside — a backup file, a sync server's attachment —
 * is checked as if fetched: its bytes must be the ones its hash names (recomputed), a picture by
 * its magic bytes, within the per-picture cap; an SVG only if the SVG sanitizer leaves it
 * unchanged (it was stored sanitized, so its hash is that of the sanitized text). One check for
 * every door, so none is laxer than another.
 */
import type { StoredImage } from '../../model';
import { imageHash } from '../validate/images';
import { LIMITS } from '../validate/limits';
import { sha256Hex } from './hash';
import { sniffImage } from './sniff';

/** Base64 of bytes, in chunks (a spread of megabytes would overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Bytes of base64 text, or null when it is not base64 or decodes past the per-picture cap. */
export function fromBase64(data: unknown): Uint8Array<ArrayBuffer> | null {
  if (typeof data !== 'string' || data.length > Math.ceil((LIMITS.imageBytes * 4) / 3) + 4) return null;
  try {
    const binary = atob(data);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** Pixel sizes a source claims, used only where the bytes do not say. */
export interface ClaimedSize {
  width?: unknown;
  height?: unknown;
}

/**
 * The picture `bytes` are, stored under `claimedHash`, or null when they are not what the name
 * claims (another hash, not a picture, over the cap, an SVG the sanitizer would change).
 */
export async function checkPicture(
  claimedHash: unknown,
  bytes: Uint8Array<ArrayBuffer> | null,
  sanitizeSvg?: (svg: string) => string | null,
  claimed: ClaimedSize = {},
): Promise<StoredImage | null> {
  const hash = imageHash(claimedHash);
  if (!hash || !bytes || bytes.byteLength > LIMITS.imageBytes || (await sha256Hex(bytes)) !== hash) return null;
  const sniffed = sniffImage(bytes);
  if (!sniffed) return null;
  if (sniffed.kind === 'svg') {
    const text = new TextDecoder().decode(bytes);
    if (!sanitizeSvg || sanitizeSvg(text) !== text) return null;
  }
  const size = (v: unknown) => (Number.isSafeInteger(v) && (v as number) > 0 ? (v as number) : null);
  const type = sniffed.kind === 'svg' ? 'image/svg+xml' : sniffed.type;
  const width = sniffed.kind === 'raster' && sniffed.width ? sniffed.width : size(claimed.width);
  const height = sniffed.kind === 'raster' && sniffed.height ? sniffed.height : size(claimed.height);
  return { hash, blob: new Blob([bytes], { type }), type, bytes: bytes.byteLength, width, height };
}
