/**
 * Whether the component is still mounted, for answers that arrive after it is gone (a store's
 * read, a save): they must change nothing — no state set, no render or effect scheduled for a
 * component, or a test's document, that no longer exists.
 */
import { useEffect, useRef } from 'preact/hooks';

/** A ref that is true while the component is mounted. */
export function useMounted(): { current: boolean } {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
