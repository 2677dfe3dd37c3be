/**
 * The selection toolbar's "Open side panel": shown only where the view can open the browser's
 * panel (a live page in Chrome; never in Firefox's, which refuses it), named in the UI language,
 * reached by keyboard after the colours, Add note and Copy, and calling its action on a click.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SelectionToolbar } from '../../../components/annotation/SelectionToolbar';

// Messages by key: the tests name controls as the catalogue does.
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    ((key: string) => key) as typeof fakeBrowser.i18n.getMessage,
  );
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const common = {
  position: { top: 0, left: 0 },
  lastColor: 'yellow' as const,
  focus: false,
  onHighlight: vi.fn(),
  onNote: vi.fn(),
  onCopy: vi.fn(),
};

describe('SelectionToolbar', () => {
  it('offers “Open side panel” last when the view can open it, and calls it on a click', () => {
    const onOpenPanel = vi.fn();
    render(<SelectionToolbar {...common} onOpenPanel={onOpenPanel} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons).toHaveLength(8);
    expect(buttons.at(-1)).toBe(screen.getByRole('button', { name: 'sidePanelOpen' }));
    fireEvent.click(screen.getByRole('button', { name: 'sidePanelOpen' }));
    expect(onOpenPanel).toHaveBeenCalledTimes(1);
  });

  it('has no such button where the view cannot open the panel', () => {
    render(<SelectionToolbar {...common} />);
    expect(screen.getAllByRole('button')).toHaveLength(7);
    expect(screen.queryByRole('button', { name: 'sidePanelOpen' })).toBeNull();
  });
});
