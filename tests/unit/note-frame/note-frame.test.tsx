/**
 * The note editor's frame on a new paragraph note of a live page (issue 15 item 2): the token
 * names a draft, the frame shows it open for writing, and stores the paragraph note itself —
 * in the library, on the page's article — only when the reader writes a note and saves it. An
 * empty save, Cancel or Close stores nothing and closes the frame.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NoteFrameApp } from '../../../components/note-frame/NoteFrameApp';
import { ok, type Selector } from '../../../lib/model';
import { watchKeysReleased } from '../../../lib/shared/keys-released';
import { type Library, openLibrary } from '../../../lib/storage';

const calls = vi.hoisted(() => ({ log: [] as { type: string; payload: unknown }[], target: null as unknown }));
vi.mock('../../../lib/shared/messaging', () => ({
  call: async (_to: string, type: string, payload: unknown) => {
    calls.log.push({ type, payload });
    return type === 'note-frame/highlight' ? ok(calls.target) : ok(null);
  },
}));

const SELECTORS: Selector[] = [
  { type: 'ParagraphSelector', index: 4, textHash: '1a2b3c4d' },
  { type: 'TextQuoteSelector', exact: '分析人士认为，停火线附近的局势仍然紧张。', prefix: '', suffix: '' },
  { type: 'TextPositionSelector', start: 120, end: 140 },
];
const ID = '0f8c3a52-6d1e-4c1b-9a57-3e2f1d0c9b8a';

let library: Promise<Library>;
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    ((key: string) => key) as typeof fakeBrowser.i18n.getMessage,
  );
  library = openLibrary({ name: `note-frame-${Math.random()}` });
  calls.log = [];
  calls.target = { highlightId: ID, articleId: 'a1', editing: true, draft: { selectors: SELECTORS, color: 'pink' } };
});
afterEach(async () => {
  cleanup();
  (await library).close();
  vi.restoreAllMocks();
});

const closes = () => calls.log.filter((c) => c.type === 'note-frame/close');

describe('the note frame on a draft paragraph note', () => {
  it('stores the paragraph note on the page’s article when the reader writes one and saves', async () => {
    render(<NoteFrameApp token="abc" library={() => library} keys={watchKeysReleased(window)} />);
    const box = await screen.findByRole('textbox', { name: 'hlNote' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(await (await library).listHighlights('a1')).toEqual([]);
    fireEvent.input(box, { target: { value: '  这一段是 **关键**  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'hlSaveNote' }));
    await waitFor(async () => expect(await (await library).listHighlights('a1')).toHaveLength(1));
    const [note] = await (await library).listHighlights('a1');
    expect(note).toMatchObject({
      id: ID,
      articleId: 'a1',
      kind: 'paragraph-note',
      selectors: SELECTORS,
      color: 'pink',
      note: '这一段是 **关键**',
      deleted: false,
    });
    expect(closes()).toEqual([]);
  });

  it.each([
    ['an empty save', 'hlSaveNote'],
    ['Cancel', 'hlCancel'],
    ['Close', 'hlClose'],
    ['Delete', 'hlDeleteNote'],
  ])('stores nothing on %s, and closes', async (_, button) => {
    render(<NoteFrameApp token="abc" library={() => library} keys={watchKeysReleased(window)} />);
    const box = await screen.findByRole('textbox', { name: 'hlNote' });
    fireEvent.input(box, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: button }));
    await waitFor(() => expect(closes()).toHaveLength(1));
    expect(closes()[0]?.payload).toEqual({ deletedId: null });
    expect(await (await library).listHighlights('a1', { includeDeleted: true })).toEqual([]);
  });
});
