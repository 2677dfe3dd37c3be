/** Mounts the toolbar popup. */
import { render } from 'preact';
import { Popup } from '../../components/Popup';
import { uiLanguage } from '../../lib/i18n';

document.documentElement.lang = uiLanguage();
const app = document.getElementById('app');
if (app) render(<Popup />, app);
