/**
 * "Open side panel" in the popup. The browsers open a panel only while handling the reader's
 * click, so the window id Chrome needs is looked up when the popup opens, and the click calls
 * the browser at once. The popup closes once the panel is open; a refusal is said in words.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../../lib/shared/error-text';
import { t } from '../../lib/shared/i18n';
import { canOpenSidePanel, currentWindowId, openSidePanel } from '../../lib/ui/side-panel/open';

/** The button, or nothing in a browser without an extension side panel. */
export function SidePanelButton() {
  const windowId = useRef<number | undefined>(undefined);
  const [failed, setFailed] = useState<string | null>(null);
  const available = canOpenSidePanel();

  useEffect(() => {
    if (available)
      void currentWindowId().then(
        (id) => (windowId.current = id),
        () => undefined,
      );
  }, [available]);

  if (!available) return null;
  return (
    <>
      <button
        type="button"
        class="settings"
        onClick={() =>
          openSidePanel(windowId.current).then(
            () => window.close(),
            (e: unknown) => setFailed(errorText(e)),
          )
        }
      >
        {t('sidePanelOpen')}
      </button>
      {failed && <p role="alert">{t('sidePanelOpenFailed', failed)}</p>}
    </>
  );
}
