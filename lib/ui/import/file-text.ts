/**
 * A picked file's bytes as text, decoded by its byte-order mark: UTF-8, UTF-16 LE or UTF-16 BE
 * (Windows editors save "Unicode" text as UTF-16 with a BOM), else UTF-8. `File.text()` is not
 * used because it always decodes UTF-8 by the spec, yet Chromium honours a UTF-16 BOM there and
 * Firefox does not, so the same file imported in one browser and was refused as binary in the
 * other (issue 19). Without a BOM nothing is guessed: a UTF-16 file without one keeps its NUL
 * bytes and the importer refuses it as binary, by name.
 */

/** The encoding a byte-order mark announces, or UTF-8 when there is none. */
export function encodingByBom(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * Decodes a file's bytes (see the module comment). The BOM itself is dropped; malformed
 * sequences become U+FFFD rather than failing, so the importer's own checks name the problem.
 */
export function decodeFileText(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  return new TextDecoder(encodingByBom(bytes)).decode(bytes);
}
