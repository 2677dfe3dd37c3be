/**
 * The options page's Storage section: it says whether the library is kept for good, asks the
 * browser only when the reader presses the button, shows what the library takes by kind and its
 * largest articles, says in words when pictures were refused for lack of space, and counts with
 * plural rules.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { StorageSection } from '../../../components/options/StorageSection';
import type { LibraryConnection, StorageUsage } from '../../../lib/storage';
import { formatBytes, persistence, requestPersistence } from '../../../lib/ui/storage-persistence';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key} ${[subs].flat().join(' ')}`) as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function usage(images: number, imageBytes: number, quotaRefused = 0): StorageUsage {
  return {
    articles: { count: 1, bytes: 1_200_000 },
    images: { count: images, bytes: imageBytes },
    searchIndex: { bytes: 90_000 },
    trash: { count: 0, bytes: 0 },
    largest: [{ id: 'a1', title: '乌克兰局势', bytes: 1_200_000, imageBytes }],
    quotaRefused,
  };
}
let stored = usage(12, 3_400_000);
const library: LibraryConnection = async () =>
  ({
    storageUsage: async (top: number) => ({ ...stored, largest: stored.largest.slice(0, top) }),
    removeArchivedImages: async () => {
      stored = usage(2, 400_000);
      return { articles: 1, images: 10 };
    },
  }) as unknown as Awaited<ReturnType<LibraryConnection>>;
beforeEach(() => {
  stored = usage(12, 3_400_000);
});

describe('StorageSection', () => {
  it('asks for persistent storage only on the button, and shows the answer and the usage', async () => {
    let granted = false;
    const persist = vi.fn(async () => {
      granted = true;
      return true;
    });
    vi.stubGlobal('navigator', {
      ...navigator,
      storage: { persisted: async () => granted, persist, estimate: async () => ({ usage: 52_000_000, quota: 1e10 }) },
    });
    render(<StorageSection library={library} />);
    expect(await screen.findByText('storagePersistNotGranted')).toBeTruthy();
    expect(await screen.findByText('storageUsed 52 MB')).toBeTruthy();
    expect(screen.getByText('storageImages_other 12 3.4 MB')).toBeTruthy();
    expect(screen.getByText('storageArticles_one 1 1.2 MB')).toBeTruthy();
    expect(screen.getByText('storageSearchIndex 90 kB')).toBeTruthy();
    expect(screen.queryByText(/storageTrash/)).toBeNull();
    const largest = screen.getByRole('list', { name: 'storageLargestHeading' });
    const link = within(largest).getByRole('link', { name: '乌克兰局势' });
    expect(link.getAttribute('href')).toContain('/reader.html?id=a1');
    expect(within(largest).getByText('storageLargestSize 1.2 MB 3.4 MB')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(persist).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'storagePersistButton' }));
    expect(await screen.findByText('storagePersistGranted')).toBeTruthy();
    expect(persist).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'storagePersistButton' })).toBeNull();
  });

  it('removes the images of archived articles on request and shows the space again', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: undefined });
    render(<StorageSection library={library} />);
    expect(await screen.findByText('storageImages_other 12 3.4 MB')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'storageRemoveArchivedImages' }));
    // Each count by its own plural rule: "10 images" of "1 archived article".
    expect(
      await screen.findByText('storageArchivedRemoved countImages_other 10 countArchivedArticles_one 1'),
    ).toBeTruthy();
    expect(await screen.findByText('storageImages_other 2 400 kB')).toBeTruthy();
  });

  it('says in words, with what to do, when the browser refused pictures for lack of space', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: undefined });
    stored = { ...usage(1, 1_000, 2), trash: { count: 1, bytes: 5_000 } };
    render(<StorageSection library={library} />);
    expect((await screen.findByRole('alert')).textContent).toBe('storageQuotaRefused_other 2');
    expect(screen.getByText('storageImages_one 1 1 kB')).toBeTruthy();
    expect(screen.getByText('storageTrash_one 1 5 kB')).toBeTruthy();
  });

  it('says so where the browser offers no persistent storage', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: undefined });
    render(<StorageSection library={library} />);
    expect(await screen.findByText('storagePersistUnsupported')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'storagePersistButton' })).toBeNull();
  });
});

describe('storage persistence', () => {
  it('reads and requests the state, treating a refusal that throws as not granted', async () => {
    expect(await persistence(undefined)).toBe('unsupported');
    expect(await persistence({ persisted: async () => true, persist: async () => true })).toBe('granted');
    expect(await requestPersistence({ persist: async () => false })).toBe('not-granted');
    expect(await requestPersistence({ persist: () => Promise.reject(new Error('denied')) })).toBe('not-granted');
  });

  it('formats sizes', () => {
    expect(formatBytes(999, 'en')).toBe('999 B');
    expect(formatBytes(1_500, 'en')).toBe('1.5 kB');
    expect(formatBytes(30_000_000, 'en')).toBe('30 MB');
    expect(formatBytes(250_000_000, 'en')).toBe('250 MB');
  });
});
