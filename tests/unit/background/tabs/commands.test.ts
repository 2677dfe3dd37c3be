/**
 * The reading view's browser command acts on the tab it was pressed in, or (Firefox before 126
 * passes no tab) on the focused window's active tab; other commands do nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../../../lib/background/tabs/commands';

function deps(active: number | undefined) {
  return { activeTab: vi.fn(async () => active), toggleReadingView: vi.fn(async () => null) };
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

  it('ignores commands it does not know', async () => {
    const d = deps(9);
    await runCommand('_execute_action', { id: 4 }, d);
    expect(d.toggleReadingView).not.toHaveBeenCalled();
  });
});
