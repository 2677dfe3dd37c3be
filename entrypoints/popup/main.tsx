/** Mounts the toolbar popup. The mark lets the benchmark split browser start-up from our work. */
import { render } from 'preact';
import { Popup } from '../../components/popup/Popup';
import { uiLanguage } from '../../lib/shared/i18n';
import { connectLibrary } from '../../lib/storage';

performance.mark('glossa:script-start');
document.documentElement.lang = uiLanguage();
const app = document.getElementById('app');
if (app) render(<Popup library={connectLibrary()} />, app);
