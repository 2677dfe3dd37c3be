/**
 * Highlighting on live pages, injected by the background only when needed (the reader selects
 * text on an article page, or revisits a page saved with highlights). Only wiring: the layer is
 * in components/page/page-annotator.tsx. Runs once per frame; never throws into the page.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountPageAnnotator } from '../components/page/page-annotator';
import { claimAnnotator } from '../lib/page/annotator-handle';
import { report } from '../lib/page/guard';

export default defineUnlistedScript(() => {
  try {
    if (claimAnnotator()) mountPageAnnotator(document);
  } catch (e) {
    report(e);
  }
});
