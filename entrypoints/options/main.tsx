/** Mounts the options page (manifest `options_ui`, opened in a tab). */
import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { t, uiLanguage } from '../../lib/shared/i18n';
import { connectLibrary } from '../../lib/storage';

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
const app = document.getElementById('app');
if (app) render(<OptionsApp library={connectLibrary()} />, app);
