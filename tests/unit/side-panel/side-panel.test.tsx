/**
 * The side panel in a DOM over the real library (fake-indexeddb) and WXT's fake browser: it
 * follows the active tab of its window (switching tabs, a tab navigating), shows a saved
 * article's entries in reading order, writes a colour change and a note to the library, and
 * deletes with undo. Strings are message keys (the fake i18n answers with the key).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanelApp } from '../../../components/side-panel/SidePanelApp';
import type { Selector } from '../../../lib/model';
import { connectLibrary, type Library, openLibrary } from '../../../lib/storage';
import { makeArticle, makeHighlight } from '../../support/library';

const URL_A = 'https://news.example/a.html';
const TEXT = '第一段讲停火线过境点的历史。 第二段说明和谈的立场。';

function quoteAt(exact: string): Selector[] {
  const start = TEXT.indexOf(exact);
  return [
    { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start, end: start + exact.length },
  ];
}

let library: Library;

beforeEach(async () => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) =>
    subs === undefined ? key : `${key} ${[subs].flat().join(' ')}`) as typeof fakeBrowser.i18n.getMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('zh-CN');
  library = await openLibrary();
  await library.upsertArticle(makeArticle({ id: 'a', url: URL_A, title: '和谈的立场', text: TEXT }));
  await library.upsertArticle(makeArticle({ id: 'b', title: 'Another saved article', savedAt: 5 }));
  // Made out of reading order.
  await library.putHighlight(makeHighlight({ id: 'late', articleId: 'a', selectors: quoteAt('和谈'), createdAt: 1 }));
  await library.putHighlight(
    makeHighlight({ id: 'early', articleId: 'a', selectors: quoteAt('停火线'), createdAt: 2 }),
  );
});

afterEach(() => {
  cleanup();
  library.close();
});

/** The titles of the listed entries. */
const titles = () => [...document.querySelectorAll('ol.entries > li .title')].map((el) => el.textContent);

describe('side panel', () => {
  it('follows the active tab: a saved page, then another tab, then that tab navigating to the page', async () => {
    const windowId = (await fakeBrowser.windows.create({ focused: true }))?.id ?? 0;
    // The fake browser does not track the active tab on create; the browser's own events do here.
    let active: number | undefined;
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () =>
      active === undefined ? [] : [await fakeBrowser.tabs.get(active)]) as unknown as typeof fakeBrowser.tabs.query);
    const activate = async (tabId: number | undefined) => {
      active = tabId;
      await fakeBrowser.tabs.onActivated.trigger({ tabId: tabId ?? -1, windowId });
    };
    const first = await fakeBrowser.tabs.create({ windowId, url: `${URL_A}#section` });
    active = first.id;
    render(<SidePanelApp library={connectLibrary()} pinnedTab={null} />);
    await screen.findByRole('heading', { name: '和谈的立场' });
    expect(titles()).toEqual(['停火线', '和谈']);

    const other = await fakeBrowser.tabs.create({ windowId, url: 'https://elsewhere.example/' });
    await activate(other.id);
    await screen.findByRole('heading', { name: 'sidePanelRecent' });
    expect(await screen.findByRole('link', { name: 'Another saved article' })).toBeTruthy();
    expect(screen.getByText('sidePanelNotSaved')).toBeTruthy();

    await fakeBrowser.tabs.update(other.id ?? -1, { url: URL_A });
    await screen.findByRole('heading', { name: '和谈的立场' });
  });

  it('shows a pinned tab, and writes colour, note and delete-with-undo to the library', async () => {
    const tab = await fakeBrowser.tabs.create({ url: URL_A });
    render(<SidePanelApp library={connectLibrary()} pinnedTab={tab.id ?? -1} />);
    await screen.findByRole('heading', { name: '和谈的立场' });

    fireEvent.change(screen.getByRole('combobox', { name: 'sidePanelColorOf 和谈' }), { target: { value: 'green' } });
    await waitFor(async () => expect((await library.getHighlight('late'))?.color).toBe('green'));

    fireEvent.click(screen.getByRole('button', { name: 'sidePanelAddNoteOf 停火线' }));
    const box = screen.getByRole('textbox', { name: 'sidePanelNoteOf 停火线' });
    expect(document.activeElement).toBe(box);
    fireEvent.input(box, { target: { value: '  过境点 **重开**  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'hlSaveNote' }));
    await waitFor(async () => expect((await library.getHighlight('early'))?.note).toBe('过境点 **重开**'));
    // Focus returns to the entry's note button, now named for editing.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('sidePanelEditNoteOf 停火线'));

    fireEvent.click(screen.getByRole('button', { name: 'sidePanelDeleteOf 停火线' }));
    await waitFor(() => expect(titles()).toEqual(['和谈']));
    expect((await library.getHighlight('early'))?.deleted).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'hlUndo' }));
    await waitFor(() => expect(titles()).toEqual(['停火线', '和谈']));
    expect(await library.getHighlight('early')).toMatchObject({ deleted: false, note: '过境点 **重开**' });
  });

  it('lists the page note first, and edits and deletes it by names of its own', async () => {
    await library.putHighlight(
      makeHighlight({
        id: 'page',
        articleId: 'a',
        kind: 'page-note',
        selectors: [],
        note: '整篇的**笔记**',
        createdAt: 3,
      }),
    );
    const tab = await fakeBrowser.tabs.create({ url: URL_A });
    render(<SidePanelApp library={connectLibrary()} pinnedTab={tab.id ?? -1} />);
    await waitFor(() => expect(titles()).toEqual(['pageNoteTitle', '停火线', '和谈']));
    expect(screen.getByText('笔记').tagName).toBe('STRONG');
    expect(screen.queryByRole('combobox', { name: /pageNote/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'pageNoteEdit' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'pageNoteTitle' }), { target: { value: '改过了' } });
    fireEvent.click(screen.getByRole('button', { name: 'hlSaveNote' }));
    await waitFor(async () => expect((await library.getHighlight('page'))?.note).toBe('改过了'));

    fireEvent.click(screen.getByRole('button', { name: 'pageNoteDelete' }));
    await waitFor(() => expect(titles()).toEqual(['停火线', '和谈']));
    expect(screen.getByText('pageNoteDeleted')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'hlUndo' }));
    await waitFor(() => expect(titles()).toEqual(['pageNoteTitle', '停火线', '和谈']));
  });

  it('adds a page note from the panel: first in the list, stored on the article; an empty one stores nothing', async () => {
    const tab = await fakeBrowser.tabs.create({ url: URL_A });
    render(<SidePanelApp library={connectLibrary()} pinnedTab={tab.id ?? -1} />);
    await waitFor(() => expect(titles()).toEqual(['停火线', '和谈']));
    const pageNotes = async () => (await library.listHighlights('a')).filter((h) => h.kind === 'page-note');

    // Saving an empty note stores nothing, and the offer comes back.
    fireEvent.click(screen.getByRole('button', { name: 'pageNoteAdd' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'pageNoteTitle' })));
    fireEvent.click(screen.getByRole('button', { name: 'pageNoteSave' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'pageNoteAdd' })));
    expect(await pageNotes()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'pageNoteAdd' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'pageNoteTitle' }), {
      target: { value: '  整篇在讲**和谈**  ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'pageNoteSave' }));
    await waitFor(() => expect(titles()).toEqual(['pageNoteTitle', '停火线', '和谈']));
    expect(await pageNotes()).toMatchObject([
      { articleId: 'a', note: '整篇在讲**和谈**', selectors: [], deleted: false },
    ]);
    // With one, the panel edits it; it does not offer another.
    expect(screen.queryByRole('button', { name: 'pageNoteAdd' })).toBeNull();
    expect(screen.getByRole('button', { name: 'pageNoteEdit' })).toBeTruthy();
  });
});
