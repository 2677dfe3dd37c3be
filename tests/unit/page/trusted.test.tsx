/**
 * Issue 14, finding 1 (pages act for the reader): on a live page Glossa acts only on the reader's
 * own input. A page's script can dispatch any event it likes; those are `isTrusted === false`,
 * like every event jsdom makes here, so each one below must do nothing. (Trusted input — real
 * keys and clicks — is driven in real browsers by tests/e2e/security.e2e.test.ts.)
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Annotator } from '../../../components/annotation/Annotator';
import { mountPageControl } from '../../../components/page/page-control';
import { forReaderEvents, ignoreUntrustedEvents, isReaderEvent } from '../../../lib/page/trusted';
import type { AnnotationStore } from '../../../lib/shared/highlighting/store';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
});
afterEach(() => {
  cleanup();
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('untrusted events', () => {
  it('never reach a control under a guarded root, whatever their kind', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    ignoreUntrustedEvents(root);
    const button = document.createElement('button');
    const heard = vi.fn();
    for (const type of ['click', 'keydown', 'mouseup', 'input', 'change', 'submit'])
      button.addEventListener(type, heard);
    root.append(button);
    document.body.append(host);
    button.click();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    button.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    button.dispatchEvent(new Event('input', { bubbles: true }));
    expect(heard).not.toHaveBeenCalled();
    expect(isReaderEvent(new MouseEvent('click'))).toBe(false);
  });

  it('do not press the in-page control’s buttons', () => {
    const onOpen = vi.fn();
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    mountPageControl(document, { onOpen, onDismiss: vi.fn() });
    const root = attach.mock.results[0]?.value as ShadowRoot;
    for (const button of root.querySelectorAll('button')) button.click();
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('do not end a selection for the highlighting loader', () => {
    const load = vi.fn();
    document.addEventListener('mouseup', forReaderEvents(load));
    document.body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    expect(load).not.toHaveBeenCalled();
  });

  it('do not highlight with Alt+Shift+H on a live page, where the layer accepts only the reader’s events', async () => {
    const body = document.createElement('div');
    body.innerHTML = '<p>据报道，美国总统拜登周二表示，将继续向乌克兰提供援助。</p>';
    document.body.append(body);
    const put = vi.fn(async (h) => h);
    const store: AnnotationStore = { list: async () => [], put, subscribe: () => () => undefined };
    render(
      <Annotator
        root={body}
        store={store}
        articleId=""
        styleTarget={document}
        lastColor="yellow"
        onLastColor={vi.fn()}
        acceptEvent={isReaderEvent}
      />,
    );
    const text = body.querySelector('p')?.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 3);
    range.setEnd(text, 9);
    document.getSelection()?.addRange(range);
    document.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyH', altKey: true, shiftKey: true, bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    expect(put).not.toHaveBeenCalled();
  });
});
