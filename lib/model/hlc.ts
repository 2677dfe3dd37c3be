/**
 * Hybrid logical clocks: timestamps that follow wall time when clocks agree, never go
 * backwards, and order every event of every device totally. Serialized as fixed-width strings
 * (`wall-counter-node`) so that comparing two stamps is comparing two strings, in IndexedDB,
 * in CouchDB and in JavaScript alike.
 */

/** A clock's state. */
export interface Hlc {
  /** Milliseconds since the epoch (the largest wall time seen). */
  wall: number;
  /** Events at the same `wall`. */
  counter: number;
  /** This device's id: breaks ties between devices. */
  node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 999_999;
/**
 * How far ahead of this device's clock a remote stamp may be. A stamp further ahead (a forged
 * document, a device whose clock is set years ahead) would pin every clock that saw it, so it
 * is refused: a device with a badly wrong clock cannot sync until its clock is fixed.
 */
export const MAX_SKEW_MS = 24 * 60 * 60 * 1000;
const NODE = /^[0-9a-z]{1,16}$/;

/** A clock starting at `now` for device `node` (lowercase letters and digits, ≤ 16). */
export function createClock(node: string, now = Date.now()): Hlc {
  if (!NODE.test(node)) throw new RangeError(`HLC node id must be 1–16 of [0-9a-z]: “${node}”`);
  return { wall: now, counter: 0, node };
}

/** The stamp for a local event, and the clock after it. */
export function tick(clock: Hlc, now = Date.now()): { clock: Hlc; stamp: string } {
  const next = now > clock.wall ? { ...clock, wall: now, counter: 0 } : carry({ ...clock, counter: clock.counter + 1 });
  return { clock: next, stamp: format(next) };
}

/** A counter past its digits moves the wall time on by 1 ms instead, so stamps stay well-formed. */
function carry(clock: Hlc): Hlc {
  return clock.counter > MAX_COUNTER ? { ...clock, wall: clock.wall + 1, counter: 0 } : clock;
}

/** Whether a remote stamp is well-formed and not implausibly far in the future. */
export function plausible(stamp: string, now = Date.now()): boolean {
  try {
    return parse(stamp).wall <= now + MAX_SKEW_MS;
  } catch {
    return false;
  }
}

/** The clock after seeing a remote `stamp` (so later local stamps sort after it). */
export function receive(clock: Hlc, stamp: string, now = Date.now()): Hlc {
  const remote = parse(stamp);
  const wall = Math.max(clock.wall, remote.wall, now);
  let counter = 0;
  if (wall === clock.wall && wall === remote.wall) counter = Math.max(clock.counter, remote.counter) + 1;
  else if (wall === clock.wall) counter = clock.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  return carry({ ...clock, wall, counter });
}

/** `wall-counter-node`, zero-padded so string order is time order. */
export function format({ wall, counter, node }: Hlc): string {
  return `${String(wall).padStart(WALL_DIGITS, '0')}-${String(counter).padStart(COUNTER_DIGITS, '0')}-${node}`;
}

/** Reads a stamp; throws on anything malformed (stamps arrive from other devices). */
export function parse(stamp: string): Hlc {
  const m = /^(\d{15})-(\d{6})-([0-9a-z]{1,16})$/.exec(stamp);
  if (!m) throw new SyntaxError(`Not an HLC stamp: “${stamp.slice(0, 40)}”`);
  return { wall: Number(m[1]), counter: Number(m[2]), node: m[3] ?? '' };
}

/** The later of two stamps (stamps compare as strings; `''` is earlier than every stamp). */
export function laterStamp(a: string, b: string): string {
  return a >= b ? a : b;
}
