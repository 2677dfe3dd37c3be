/**
 * Mounts the toolbar popup. The mark lets the benchmark split browser start-up from our work.
 * `?tab=<id>` makes it speak about that tab instead of the active one (tests open it in a tab).
 */
import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { uiLanguage } from '../../lib/shared/i18n';
import { connectLibrary } from '../../lib/storage';

performance.mark('glossa:script-start');
document.documentElement.lang = uiLanguage();
const pinned = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
const app = document.getElementById('app');
if (app) render(<Popup library={connectLibrary()} pinnedTab={Number.isInteger(pinned) ? pinned : null} />, app);
