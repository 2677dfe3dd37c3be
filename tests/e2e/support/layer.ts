/**
 * The buttons of Glossa's highlighting layer on a live page, by role and accessible name. The
 * layer lives in a closed shadow root, which the page's own world (where puppeteer evaluates)
 * cannot enter, so each browser is asked the way it can answer: Chromium's accessibility tree
 * (puppeteer's `aria/` query crosses closed shadow roots there), and in Firefox, whose
 * accessibility locator does not, a script our extension runs in the tab's content-script world,
 * where Firefox offers `openOrClosedShadowRoot`. Either way the answer is what a person sees:
 * each button's name, box, focus and whether it is shown and takes the pointer.
 */
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './browsers';
import type { ExtensionProbe } from './live-web';

/** One button of the layer. */
export interface LayerButton {
  /** Accessible name: its aria-label, else its text. */
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  focused: boolean;
  /** Visible and taking pointer input. */
  shown: boolean;
}

/** Every button of the highlighting layer of tab `tabId` shown in `page`, in document order. */
export async function layerButtons(
  ext: ExtensionBrowser,
  probe: ExtensionProbe,
  page: Page,
  tabId: number,
): Promise<LayerButton[]> {
  if (ext.name === 'chromium') {
    const handles = await page.$$('aria/[role="button"]');
    const out = await page.evaluate(
      (...els: Element[]) =>
        els.flatMap((el) => {
          const root = el.getRootNode();
          if (!(root instanceof ShadowRoot) || root.host.localName !== 'glossa-annotator') return [];
          const box = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          return [
            {
              name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
              x: box.left,
              y: box.top,
              width: box.width,
              height: box.height,
              focused: el.matches(':focus'),
              shown: style.opacity === '1' && style.pointerEvents !== 'none',
            },
          ];
        }),
      ...handles,
    );
    await Promise.all(handles.map((h) => h.dispose()));
    return out;
  }
  return probe.page.evaluate(async (id: number) => {
    type Scripting = {
      scripting: {
        executeScript: (o: { target: { tabId: number }; func: () => unknown }) => Promise<{ result: unknown }[]>;
      };
    };
    const api = (globalThis as unknown as { browser: Scripting }).browser;
    // Runs in the tab's content-script world; self-contained, as it crosses as source text.
    const func = () => {
      const host = document.querySelector('glossa-annotator') as
        | (Element & { openOrClosedShadowRoot?: ShadowRoot })
        | null;
      const root = host?.openOrClosedShadowRoot;
      return [...(root?.querySelectorAll('button, [role=button]') ?? [])].map((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return {
          name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
          x: box.left,
          y: box.top,
          width: box.width,
          height: box.height,
          focused: el.matches(':focus'),
          shown: style.opacity === '1' && style.pointerEvents !== 'none',
        };
      });
    };
    const [answer] = await api.scripting.executeScript({ target: { tabId: id }, func });
    return (answer?.result ?? []) as LayerButton[];
  }, tabId);
}
