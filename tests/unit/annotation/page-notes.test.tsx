/**
 * The page note on the stored copy (issue 15, item 3): added from the panel's first area, shown
 * rendered from its light Markdown, edited in place (the same record: one per article), deleted
 * with undo, and found again after a "reload"; never drawn in the text, never an orphan.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Annotator } from '../../../components/annotation/Annotator';
import { type Library, openLibrary } from '../../../lib/storage';
import { libraryStore } from '../../../lib/ui/library-store';

const ARTICLE = '<p>据报道，美国总统拜登周二表示，将继续向乌克兰提供援助。</p><p>停火线附近的局势仍然紧张。</p>';

let library: Promise<Library>;

function mount() {
  const body = document.createElement('div');
  body.innerHTML = ARTICLE;
  document.body.replaceChildren(body);
  return render(
    <Annotator
      root={body}
      store={libraryStore(library, 'a1')}
      articleId="a1"
      styleTarget={document}
      paragraphNotes
      panel
      lastColor="yellow"
      onLastColor={vi.fn()}
    />,
    { container: document.body.appendChild(document.createElement('div')) },
  );
}

const panel = () => screen.getByRole('complementary', { name: 'panelLabel' });

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key} ${[subs].flat().join(' ')}`) as typeof fakeBrowser.i18n.getMessage);
  library = openLibrary({ name: `page-notes-${Math.random()}` });
});
afterEach(async () => {
  cleanup();
  (await library).close();
  vi.restoreAllMocks();
});

describe('the page note on the stored copy', () => {
  it('is added first in the panel, edited in place, and found again after a reload', async () => {
    const first = mount();
    fireEvent.click(await within(panel()).findByRole('button', { name: 'pageNoteAdd' }));
    const box = within(panel()).getByRole('textbox', { name: 'pageNoteTitle' });
    expect(document.activeElement).toBe(box);
    fireEvent.input(box, { target: { value: '这篇文章讲的是 **停火线**' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'pageNoteSave' }));
    await waitFor(async () => expect(await (await library).listHighlights('a1')).toHaveLength(1));
    const [stored] = await (await library).listHighlights('a1');
    expect(stored).toMatchObject({ kind: 'page-note', selectors: [], note: '这篇文章讲的是 **停火线**' });
    // First in the panel, before the count; rendered, not shown as markup.
    const area = within(panel()).getByRole('region', { name: 'pageNoteTitle' });
    expect(panel().firstElementChild).toBe(area);
    expect((await within(area).findByText('停火线')).tagName).toBe('STRONG');
    expect(within(panel()).queryByRole('button', { name: 'pageNoteAdd' })).toBeNull();
    first.unmount();

    mount();
    fireEvent.click(await within(panel()).findByRole('button', { name: 'pageNoteEdit' }));
    fireEvent.input(within(panel()).getByRole('textbox', { name: 'pageNoteTitle' }), {
      target: { value: '改过的整篇笔记' },
    });
    fireEvent.click(within(panel()).getByRole('button', { name: 'pageNoteSave' }));
    await waitFor(async () => expect((await (await library).listHighlights('a1'))[0]?.note).toBe('改过的整篇笔记'));
    const all = await (await library).listHighlights('a1', { includeDeleted: true });
    expect(all.map((h) => h.id)).toEqual([stored?.id]);
    expect(document.querySelector('mark')).toBeNull();
  });

  it('is deleted with undo', async () => {
    mount();
    fireEvent.click(await within(panel()).findByRole('button', { name: 'pageNoteAdd' }));
    fireEvent.input(within(panel()).getByRole('textbox', { name: 'pageNoteTitle' }), { target: { value: '笔记' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'pageNoteSave' }));
    fireEvent.click(await within(panel()).findByRole('button', { name: 'pageNoteDelete' }));
    expect(await screen.findByText('pageNoteDeleted')).toBeTruthy();
    await waitFor(async () => expect(await (await library).listHighlights('a1')).toEqual([]));
    fireEvent.click(screen.getByRole('button', { name: 'hlUndo' }));
    expect(await within(panel()).findByText('笔记')).toBeTruthy();
    expect((await (await library).listHighlights('a1'))[0]).toMatchObject({ kind: 'page-note', deleted: false });
  });
});
