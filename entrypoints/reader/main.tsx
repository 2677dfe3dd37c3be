/** Mounts the reader page: `/reader.html?id=<article id>`. */
import { render } from 'preact';
import { ReaderApp } from '../../components/reader/ReaderApp';
import { uiLanguage } from '../../lib/shared/i18n';
import { connectLibrary } from '../../lib/storage';

document.documentElement.lang = uiLanguage();
const app = document.getElementById('app');
if (app)
  render(<ReaderApp articleId={new URLSearchParams(location.search).get('id')} library={connectLibrary()} />, app);
