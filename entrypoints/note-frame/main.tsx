/**
 * Mounts the note editor's frame: `/note-frame.html#<token>`, shown by a live page's
 * highlighting layer in an iframe next to the highlight (components/annotation/EditorFrame.tsx).
 * The token names the highlight the page's content script asked the background to open; it is
 * redeemed once.
 */
import { render } from 'preact';
import { NoteFrameApp } from '../../components/note-frame/NoteFrameApp';
import { uiLanguage } from '../../lib/shared/i18n';
import { watchKeysReleased } from '../../lib/shared/keys-released';
import { connectLibrary } from '../../lib/storage';

document.documentElement.lang = uiLanguage();
const app = document.getElementById('app');
if (app)
  render(
    <NoteFrameApp token={location.hash.slice(1)} library={connectLibrary()} keys={watchKeysReleased(window)} />,
    app,
  );
