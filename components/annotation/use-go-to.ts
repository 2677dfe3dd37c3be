/**
 * The side panel's "Go to" in an annotated body: scroll the highlight (or the noted paragraph)
 * to the middle of the view and mark it for a moment, then give the mark back to the highlight
 * whose editor is open, if any. Requests arrive through whatever channel the host has (a web
 * page's content script, a reader page's tab channel); each answers whether the highlight is
 * placed here.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Painter } from '../../lib/shared/highlighting/painter';
import type { Placement } from '../../lib/shared/highlighting/placement';

/** How long a passage the panel went to stays marked. */
export const FLASH_MS = 1500;

/** Subscribes to go-to requests (a listener answering whether the highlight was found). */
export type GoToRequests = (listener: (id: string) => boolean) => () => void;

/** Answers `requests` from the current placement. */
export function useGoTo(
  requests: GoToRequests | undefined,
  placement: Placement | null,
  painter: Painter | null,
  editing: string | null,
): void {
  const now = useRef({ placement, painter, editing });
  now.current = { placement, painter, editing };
  useEffect(() => {
    if (!requests) return;
    let flash: ReturnType<typeof setTimeout> | undefined;
    const stop = requests((id) => {
      const placed = now.current.placement?.placed.find((p) => p.highlight.id === id);
      if (!placed) return false;
      (placed.paragraph ?? placed.range.startContainer.parentElement)?.scrollIntoView({ block: 'center' });
      now.current.painter?.setActive(id);
      clearTimeout(flash);
      flash = setTimeout(() => now.current.painter?.setActive(now.current.editing), FLASH_MS);
      return true;
    });
    return () => {
      stop();
      clearTimeout(flash);
    };
  }, [requests]);
}
