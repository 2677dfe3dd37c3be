/**
 * Defers an action until no key is held in this document. Our framed views (the reading view,
 * the note editor) close by removing their iframe. Done on keydown — Escape, or Enter on a Close
 * button — the frame can be torn down while the same key's keyup is still on its way to it;
 * Chromium then never acknowledges that keyup, and input to the tab stalls (seen as puppeteer's
 * `keyboard.press` hanging forever, and every later Escape in the tab lost). Waiting for the
 * keys to come back up removes the frame only after its last input event.
 *
 * The keyup need not come here: focus can move between keydown and keyup. The sharpest case is
 * a tab coming back to the front — its page hears Escape while the browser is still handing
 * focus back to our frame, and the keyup then goes to the frame. So the action never waits
 * longer than `graceMs`: long enough for an in-flight keyup to be delivered, short enough that
 * a close is not noticeably late. Losing focus forgets the held keys (their keyups land
 * elsewhere) without acting early. A click holds no key, so it acts at once. Only trusted keys
 * count: in the page around the reading view, a script's synthetic keydown must not be able to
 * hold a close back.
 */

/** Runs actions once the keys held in `win` are all released (at once when none is). */
export interface KeysReleased {
  whenReleased(action: () => void): void;
  stop(): void;
}

export interface KeysReleasedOptions {
  /** The longest an action waits for keys to come up, in ms. */
  graceMs?: number;
  /** Which key events are the person's (tests stand in for the browser's `isTrusted`). */
  isReaders?: (event: KeyboardEvent) => boolean;
}

/** Starts watching `win`'s keys (capture phase: handlers that stop propagation do not hide them). */
export function watchKeysReleased(
  win: Window,
  { graceMs = 1_000, isReaders = (event) => event.isTrusted }: KeysReleasedOptions = {},
): KeysReleased {
  const held = new Set<string>();
  let waiting: Array<() => void> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const run = waiting;
    waiting = [];
    for (const action of run) action();
  };
  const down = (event: KeyboardEvent) => {
    if (isReaders(event)) held.add(event.code || event.key);
  };
  const up = (event: KeyboardEvent) => {
    if (!isReaders(event)) return;
    held.delete(event.code || event.key);
    if (held.size === 0) flush();
  };
  const blur = () => held.clear();
  win.addEventListener('keydown', down, true);
  win.addEventListener('keyup', up, true);
  win.addEventListener('blur', blur);
  return {
    whenReleased(action) {
      if (held.size === 0) {
        action();
        return;
      }
      waiting.push(action);
      timer ??= setTimeout(flush, graceMs);
    },
    stop() {
      win.removeEventListener('keydown', down, true);
      win.removeEventListener('keyup', up, true);
      win.removeEventListener('blur', blur);
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      waiting = [];
    },
  };
}
