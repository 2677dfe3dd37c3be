/**
 * The margin control of each paragraph of a stored article: a small button, first child of the
 * paragraph, shown on hover and on keyboard focus (so Tab reaches every paragraph's note in
 * reading order) and always shown when the paragraph has a note. Marked `data-glossa-ui`, so
 * anchoring ignores it, and its icon is drawn by CSS, so the article's text (copying, the
 * DOM's textContent) stays exactly the article's. Removed when the reader goes away.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { paragraphsOf } from '../../lib/shared/anchoring';
import type { Placement } from '../../lib/shared/highlighting/placement';
import { t } from '../../lib/shared/i18n';

/** Adds the controls under `root`; `onOpen` gets the paragraph and its control. */
export function useParagraphControls(
  root: HTMLElement | null,
  placement: Placement | null,
  enabled: boolean,
  onOpen: (paragraph: Element, control: HTMLElement) => void,
  contentVersion = 0,
): Element[] {
  const paragraphs = useMemo(() => (root && enabled ? paragraphsOf(root) : []), [root, enabled, contentVersion]);

  // The latest callback, read at click time: the buttons outlive re-renders (and keep focus).
  const open = useRef(onOpen);
  open.current = onOpen;

  useEffect(() => {
    if (!root || paragraphs.length === 0) return;
    const doc = root.ownerDocument;
    const buttons = paragraphs.map((paragraph) => {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'g-para-btn';
      button.dataset.glossaUi = '';
      button.setAttribute('contenteditable', 'false');
      paragraph.prepend(button);
      return button;
    });
    const onClick = (event: Event) => {
      const button = (event.target as Element | null)?.closest?.('.g-para-btn');
      const index = button ? buttons.indexOf(button as HTMLButtonElement) : -1;
      const paragraph = paragraphs[index];
      if (paragraph && button) {
        event.preventDefault();
        open.current(paragraph, button as HTMLElement);
      }
    };
    root.addEventListener('click', onClick);
    return () => {
      root.removeEventListener('click', onClick);
      for (const b of buttons) b.remove();
    };
  }, [root, paragraphs]);

  // Labels say whether a note exists, and which paragraph (in the UI language).
  useEffect(() => {
    const noted = new Set(
      placement?.placed.filter((p) => p.highlight.kind === 'paragraph-note').map((p) => p.paragraph) ?? [],
    );
    paragraphs.forEach((paragraph, i) => {
      const button = paragraph.querySelector(':scope > .g-para-btn');
      if (!button) return;
      const has = noted.has(paragraph);
      button.setAttribute('aria-label', t(has ? 'paraNoteEdit' : 'paraNoteAdd', i + 1));
      button.toggleAttribute('data-has-note', has);
    });
  }, [paragraphs, placement]);

  return paragraphs;
}
