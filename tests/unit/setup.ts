/**
 * Every unit test starts with an empty, real-semantics IndexedDB (fake-indexeddb) and a reset
 * fake browser, so no test sees another's data; and none ends with Preact work still pending.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  // The fake browser leaves the UI language unimplemented; counts need it (plural rules). A
  // test that is about the language mocks it itself.
  fakeBrowser.i18n.getUILanguage = () => 'en';
});

/**
 * Regression (CI, issue 14 finding 9): "ReferenceError: cancelAnimationFrame is not defined" from
 * preact/hooks after annotator.test.tsx's environment was torn down. Preact runs effects after
 * the next frame (`requestAnimationFrame`, with a timer as a fallback); a render in a test's last
 * moments left that pending, and on a busy machine the timer fired after jsdom's globals were
 * gone. After each test (its own afterEach has unmounted what it rendered) one frame and one
 * macrotask pass, so every pending after-frame callback has run while the globals still exist.
 * Components also ignore answers that arrive after they unmount (components/shared/use-mounted.ts).
 */
afterEach(async () => {
  if (typeof requestAnimationFrame !== 'function') return;
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
});
