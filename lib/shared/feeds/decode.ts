/**
 * Bytes of a fetched feed → text. Chinese feeds still arrive in GBK, GB2312, GB18030 and Big5,
 * declared in the `Content-Type` header or only in the XML declaration; read as UTF-8 they
 * become mojibake titles in the library. The order follows what servers get wrong least:
 * a byte-order mark is certain, then the header's `charset`, then `<?xml … encoding="…"?>`,
 * then UTF-8 (XML's default, and JSON's only encoding). `TextDecoder` knows every label the
 * Encoding Standard does, in browsers, MV3 workers and Node (full ICU) alike.
 */
import { err, type FeedError, ok, type Result } from '../../model';

/** The most a feed may weigh, in bytes (issue 17). */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;

/** Byte-order marks and the encodings they prove. */
const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
];

/** `encoding="…"` in an XML declaration at the very start (ASCII-compatible encodings only). */
const XML_DECLARATION = /^<\?xml\s[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/;

/** The `charset` parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | null): string | null {
  if (contentType === null) return null;
  const m = /;\s*charset\s*=\s*"?([^";\s]{1,40})"?/i.exec(contentType.slice(0, 500));
  return m?.[1] ?? null;
}

/** The encoding a BOM at the start of `bytes` proves. */
function bomOf(bytes: Uint8Array): string | null {
  return BOMS.find(({ bytes: bom }) => bom.every((b, i) => bytes[i] === b))?.encoding ?? null;
}

/** The encoding named by the XML declaration, read from the first bytes as ASCII. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  return XML_DECLARATION.exec(head)?.[1] ?? null;
}

/** A decoder for `label`, or `null` when the Encoding Standard does not know it. */
function decoderFor(label: string): TextDecoder | null {
  try {
    // fatal: false — one bad byte in a long feed costs a replacement character, not the feed.
    return new TextDecoder(label.trim().toLowerCase(), { fatal: false });
  } catch {
    return null;
  }
}

/**
 * Decodes a feed's bytes, honouring (in order) a BOM, the Content-Type charset and the XML
 * declaration. Refuses `too-large` past {@link MAX_FEED_BYTES} and `unknown-encoding` when the
 * named encoding does not exist (better than a feed of mojibake).
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType: string | null): Result<string, FeedError> {
  if (bytes.byteLength > MAX_FEED_BYTES) {
    return err({ code: 'too-large', detail: `${bytes.byteLength} bytes; the limit is ${MAX_FEED_BYTES}` });
  }
  const bom = bomOf(bytes);
  const label = bom ?? charsetOf(contentType) ?? declaredEncoding(bytes) ?? 'utf-8';
  const decoder = decoderFor(label);
  if (decoder === null) return err({ code: 'unknown-encoding', detail: `unknown character encoding "${label}"` });
  // TextDecoder drops the BOM itself (a BOM always names the decoder's own encoding here).
  return ok(decoder.decode(bytes));
}
