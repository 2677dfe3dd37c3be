/**
 * The content hash pictures are stored under: SHA-256 of the bytes, lowercase hex. Shared by the
 * background (which saves fetched pictures) and the backup import (which checks that a picture's
 * bytes are the ones its hash names before storing it).
 */

/** SHA-256 of `bytes`, lowercase hex. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
