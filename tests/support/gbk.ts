/**
 * Chinese text → GBK bytes, for serving pages the way many Chinese sites still do. Node's
 * TextEncoder writes only UTF-8, so the table is built backwards from TextDecoder('gbk')
 * (which every test runtime has): each two-byte code is decoded once and remembered by character.
 */
let table: Map<string, number[]> | null = null;

function gbkTable(): Map<string, number[]> {
  if (table) return table;
  const decoder = new TextDecoder('gbk');
  table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
}

/** `text` in GBK; throws on a character GBK cannot write. */
export function encodeGbk(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable().get(char);
      if (!pair) throw new Error(`GBK cannot write ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}
