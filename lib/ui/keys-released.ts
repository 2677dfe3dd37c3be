/**
 * Defers an action until no key is held in this document. Our framed pages (the reading view,
 * the note editor) close by asking the background to remove their own iframe. Done on keydown —
 * Escape, or Enter on a Close button — the frame can be torn down while the same key's keyup is
 * still on its way to it; Chromium then never acknowledges that keyup, and input to the tab
 * stalls (seen as puppeteer's `keyboard.press` hanging forever, and every later Escape in the
 * tab lost). Waiting for the keys to come back up removes the frame only after its last input
 * event. A click has no key held, so it acts at once; losing focus lets go of everything, so a
 * key whose keyup lands elsewhere never holds the action back.
 */

/** Runs actions once the keys held in `win` are all released (at once when none is). */
export interface KeysReleased {
  whenReleased(action: () => void): void;
  stop(): void;
}

/** Starts watching `win`'s keys (capture phase: handlers that stop propagation do not hide them). */
export function watchKeysReleased(win: Window): KeysReleased {
  const held = new Set<string>();
  let waiting: Array<() => void> = [];
  const flush = () => {
    const run = waiting;
    waiting = [];
    for (const action of run) action();
  };
  const down = (event: KeyboardEvent) => {
    held.add(event.code || event.key);
  };
  const up = (event: KeyboardEvent) => {
    held.delete(event.code || event.key);
    if (held.size === 0) flush();
  };
  const blur = () => {
    held.clear();
    flush();
  };
  win.addEventListener('keydown', down, true);
  win.addEventListener('keyup', up, true);
  win.addEventListener('blur', blur);
  return {
    whenReleased(action) {
      if (held.size === 0) action();
      else waiting.push(action);
    },
    stop() {
      win.removeEventListener('keydown', down, true);
      win.removeEventListener('keyup', up, true);
      win.removeEventListener('blur', blur);
      waiting = [];
    },
  };
}
