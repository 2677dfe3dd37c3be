/**
 * Every unit test starts with an empty, real-semantics IndexedDB (fake-indexeddb) and a reset
 * fake browser, so no test sees another's data.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});
