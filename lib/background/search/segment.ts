/**
 * The packed form of the inverted index. A large library holds millions of (term, article)
 * pairs; as JavaScript Maps that is hundreds of megabytes, as plain arrays still tens. Here
 * each pair is one variable-length integer — the gap to the previous posting's slot, and the
 * posting's bits (`postings.ts`) — and all lists share one byte array: about two bytes a pair.
 */
import type { AppendedPostings } from './appended';
import { POSTING_SLOT } from './postings';

/**
 * Frozen lists: list `t` is `bytes[offsets[t] .. offsets[t + 1])`, with `counts[t]` postings,
 * the last of them in slot `last[t]`.
 */
export interface Segment {
  bytes: Uint8Array;
  offsets: Uint32Array;
  counts: Uint32Array;
  last: Int32Array;
}

/** An empty segment. */
export const EMPTY_SEGMENT: Segment = {
  bytes: new Uint8Array(0),
  offsets: new Uint32Array(1),
  counts: new Uint32Array(0),
  last: new Int32Array(0),
};

/** A growable byte buffer of varints. */
class VarintWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }

  /** Makes room for `extra` more bytes. */
  reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  write(value: number): void {
    this.reserve(8);
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.bytes[this.length++] = v;
  }

  copy(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }
}

/** Decodes list `t` of `segment` into `slots`/`bits` from position `at`; answers the new position. */
export function decodeFrozen(segment: Segment, t: number, slots: Int32Array, bits: Uint8Array, at: number): number {
  const { bytes, offsets } = segment;
  let pos = offsets[t] ?? 0;
  const end = offsets[t + 1] ?? pos;
  let slot = -1;
  let n = at;
  while (pos < end) {
    let value = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = bytes[pos++] ?? 0;
      value += (byte & 0x7f) * scale;
      scale *= 0x80;
    } while (byte >= 0x80);
    slot += Math.floor(value / POSTING_SLOT);
    slots[n] = slot;
    bits[n++] = value % POSTING_SLOT;
  }
  return n;
}

/** What a merge produces: the new segment, the ids of the terms that kept postings, and slot renumbering. */
export interface Merged {
  segment: Segment;
  /** Old ids of the surviving terms; a term's new id is its index here. */
  kept: number[];
  /** old slot → new slot, or -1 for a removed article. */
  remap: Int32Array;
}

/**
 * Folds the appended postings into a new segment, dropping the slots of removed articles
 * (`alive[slot] === false`) and terms left without postings, and renumbering slots densely.
 * Lists are written in `order` (old term ids), which becomes the new id order. With no article
 * removed (a bulk load), frozen lists are copied byte for byte and only appended postings are
 * encoded; otherwise every posting is decoded and written again.
 */
export function mergeSegment(
  segment: Segment,
  appended: AppendedPostings,
  order: readonly number[],
  alive: readonly boolean[],
): Merged {
  const remap = new Int32Array(alive.length);
  let nextSlot = 0;
  for (let s = 0; s < alive.length; s++) remap[s] = alive[s] ? nextSlot++ : -1;
  const intact = nextSlot === alive.length;
  const out = new VarintWriter(segment.bytes.length + appended.length * 2);
  const kept: number[] = [];
  const offsets: number[] = [];
  const counts: number[] = [];
  const lasts: number[] = [];
  let slots = new Int32Array(1024);
  let bits = new Uint8Array(1024);
  for (const t of order) {
    const frozen = t < segment.counts.length ? (segment.counts[t] ?? 0) : 0;
    const total = frozen + appended.count(t);
    if (total > slots.length) {
      slots = new Int32Array(total * 2);
      bits = new Uint8Array(total * 2);
    }
    const start = out.length;
    let previous = -1;
    let survivors = 0;
    let from = 0;
    if (intact && frozen > 0) {
      out.copy(segment.bytes.subarray(segment.offsets[t], segment.offsets[t + 1]));
      previous = segment.last[t] ?? -1;
      survivors = frozen;
    } else if (frozen > 0) from = decodeFrozen(segment, t, slots, bits, 0);
    const n = appended.decode(t, slots, bits, from);
    for (let i = 0; i < n; i++) {
      const slot = remap[slots[i] ?? 0] ?? -1;
      if (slot < 0) continue;
      out.write((slot - previous) * POSTING_SLOT + (bits[i] ?? 0));
      previous = slot;
      survivors++;
    }
    if (survivors === 0) continue;
    kept.push(t);
    offsets.push(start);
    counts.push(survivors);
    lasts.push(previous);
  }
  offsets.push(out.length);
  return {
    segment: {
      bytes: out.bytes.slice(0, out.length),
      offsets: Uint32Array.from(offsets),
      counts: Uint32Array.from(counts),
      last: Int32Array.from(lasts),
    },
    kept,
    remap,
  };
}
