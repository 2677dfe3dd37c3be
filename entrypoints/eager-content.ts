/**
 * The eager content script, on every http(s) page: decides whether the page is an article and
 * keeps that verdict current, tells the background when it is one (the toolbar badge; the
 * background then injects the page agent, `/page-agent.js`, with the in-page control and
 * everything else), and hands the verdict to that agent. Nothing else: it runs on every page, and
 * everything not needed to decide "article or not" waits until it is needed (issue 15;
 * bench/FINDINGS.md, content suite). Only wiring: detection and watching live in lib/page.
 *
 * Nothing may escape into the page: every callback is wrapped so an exception stays ours, and no
 * global is defined in the page's world.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { GLOSSA_TAG_PREFIX } from '../components/page/page-control';
import { isProbablyArticle } from '../lib/page/detect/detect';
import { guard, safely } from '../lib/page/guard';
import { publishVerdict } from '../lib/page/verdict-handle';
import { watchVerdict } from '../lib/page/verdict-watch';
import { notify } from '../lib/shared/messaging';

// Declared in the manifest by wxt.config.ts (`content_scripts`, at `document_idle`) rather than
// through WXT's content-script entrypoint: its context posted our extension id to every page at
// start (`window.postMessage`) and listened for a document event a page could forge to switch us
// off. It existed to stop an older copy of the script; there is none to stop here — nothing
// injects this script, and an updated or reloaded extension runs its new copy in a new world
// (Chrome) or sandbox (Firefox).
export default defineUnlistedScript(() => {
  guard(start)();
});

function start(): void {
  let badged = false;
  const onVerdict = (isArticle: boolean) => {
    publishVerdict(isArticle);
    // Only an article is news to the background (the badge, the agent), and a page that stops
    // being one takes it back. The badge is the tab's own and resets when the tab navigates, so a
    // page that never was an article — most of the web — sends nothing (bench/FINDINGS.md).
    if (!isArticle && !badged) return;
    badged = isArticle;
    notify('background', 'page/detected', { isArticle });
  };
  const check = () => safely(() => isProbablyArticle(document), false);
  watchVerdict(document, check, guard(onVerdict), new AbortController().signal, { ignore: isOurUi });
}

/** Whether a node is one of Glossa's UI hosts, whose changes say nothing about the page. */
function isOurUi(node: Node): boolean {
  return node.nodeName.toLowerCase().startsWith(GLOSSA_TAG_PREFIX);
}
