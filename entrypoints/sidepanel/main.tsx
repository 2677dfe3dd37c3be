/**
 * Mounts the side panel: Chrome's side panel and Firefox's sidebar (`/sidepanel.html`), or a tab
 * with `?tab=<tab id>` to show that tab instead of following the active one. The mark lets a
 * benchmark split browser start-up from our work, as the popup's does.
 */
import { render } from 'preact';
import { SidePanelApp } from '../../components/side-panel/SidePanelApp';
import { t, uiLanguage } from '../../lib/shared/i18n';
import { connectLibrary } from '../../lib/storage';

performance.mark('glossa:script-start');
document.documentElement.lang = uiLanguage();
document.title = t('sidePanelTitle');
const pinned = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
const app = document.getElementById('app');
if (app) render(<SidePanelApp library={connectLibrary()} pinnedTab={Number.isInteger(pinned) ? pinned : null} />, app);
