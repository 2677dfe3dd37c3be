/**
 * Bytes of a fetched web page → text, as a browser would read them. Chinese pages still come in
 * GBK, GB18030 and Big5, often declared only in a `<meta>` tag; read as UTF-8 they turn into
 * mojibake. The order is the HTML standard's, shortened: a byte-order mark, then the
 * Content-Type header's `charset` (the feeds' `charsetOf`), then `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 1,024 bytes, then UTF-8.
 * A label the Encoding Standard does not know is passed over, as browsers do.
 */
import { charsetOf } from '../feeds/decode';

/** How far into the page a `<meta>` charset is looked for (the standard's prescan length). */
const PRESCAN_BYTES = 1024;

/** `<meta charset=…>` or a `content="…charset=…"` attribute of a meta tag, in ASCII. */
const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})/i;

/** The encoding a byte-order mark proves. */
function bomOf(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The charset a `<meta>` tag names near the start of the page. */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, PRESCAN_BYTES)).replace(/<!--[\s\S]*?-->/g, '');
  return META_CHARSET.exec(head)?.[1] ?? null;
}

/** A decoder for `label`, or null when the Encoding Standard does not know it. */
function decoderFor(label: string | null): TextDecoder | null {
  if (label === null) return null;
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}

/** Decodes a page's bytes; see the module comment for the order of evidence. Never throws. */
export function decodeHtmlBytes(bytes: Uint8Array, contentType: string | null): string {
  const decoder =
    decoderFor(bomOf(bytes)) ??
    decoderFor(charsetOf(contentType)) ??
    // A page cannot declare UTF-16 about itself in ASCII; browsers read that as UTF-8.
    decoderFor(metaCharset(bytes)?.replace(/^utf-16(?:be|le)?$/i, 'utf-8') ?? null) ??
    new TextDecoder('utf-8');
  return decoder.decode(bytes);
}
