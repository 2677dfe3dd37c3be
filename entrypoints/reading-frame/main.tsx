/**
 * Mounts the reading view's frame: `/reading-frame.html#<token>`, shown by the reading-view
 * loader in an iframe over a web page (components/page/reading-view-frame.ts). The token names
 * the article the page's content script registered with the background; it is redeemed once.
 */
import { render } from 'preact';
import { ReadingFrameApp } from '../../components/reading-view/ReadingFrameApp';
import { uiLanguage } from '../../lib/shared/i18n';
import { watchKeysReleased } from '../../lib/shared/keys-released';
import { connectLibrary } from '../../lib/storage';

document.documentElement.lang = uiLanguage();
const app = document.getElementById('app');
if (app)
  render(
    <ReadingFrameApp token={location.hash.slice(1)} library={connectLibrary()} keys={watchKeysReleased(window)} />,
    app,
  );
