/**
 * The reading view's browser command acts on the tab it was pressed in, or (Firefox before 126
 * passes no tab) on the focused window's active tab; Chrome's side panel command opens the panel
 * in the key's window before anything is awaited; other commands do nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../../../lib/background/tabs/commands';

function deps(active: number | undefined) {
  return {
    activeTab: vi.fn(async () => active),
    toggleReadingView: vi.fn(async () => null),
    openSidePanel: vi.fn(async () => undefined),
  };
}

describe('runCommand', () => {
  it('toggles the reading view of the tab the key was pressed in', async () => {
    const d = deps(9);
    await runCommand('toggle-reading-view', { id: 4 }, d);
    expect(d.toggleReadingView).toHaveBeenCalledWith(4);
    expect(d.activeTab).not.toHaveBeenCalled();
  });

  it('falls back to the active tab when the browser passes none, and to nothing without one', async () => {
    const d = deps(9);
    await runCommand('toggle-reading-view', undefined, d);
    expect(d.toggleReadingView).toHaveBeenCalledWith(9);
    const none = deps(undefined);
    await runCommand('toggle-reading-view', undefined, none);
    expect(none.toggleReadingView).not.toHaveBeenCalled();
  });

  it('opens Chrome’s side panel in the window the key was pressed in, within the gesture', () => {
    const d = deps(9);
    // Not awaited: the call must already have happened synchronously.
    void runCommand('open-side-panel', { id: 4, windowId: 2 }, d);
    expect(d.openSidePanel).toHaveBeenCalledWith(2);
    expect(d.activeTab).not.toHaveBeenCalled();
    expect(d.toggleReadingView).not.toHaveBeenCalled();
  });

  it('ignores commands it does not know, Firefox’s own sidebar command included', async () => {
    const d = deps(9);
    await runCommand('_execute_action', { id: 4 }, d);
    await runCommand('_execute_sidebar_action', { id: 4, windowId: 2 }, d);
    expect(d.toggleReadingView).not.toHaveBeenCalled();
    expect(d.openSidePanel).not.toHaveBeenCalled();
  });
});
