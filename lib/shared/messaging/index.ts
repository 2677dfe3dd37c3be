/**
 * Typed request/response over `runtime.sendMessage`. Listeners answer through `sendResponse`
 * and `return true` (WXT's fake browser ignores a returned Promise, and so does Chromium's plain
 * `chrome` in the eager content script, which is built without webextension-polyfill), and every
 * answer is a `Result`, so a failure arrives as a value the caller must look at.
 */
import { type Browser, browser } from 'wxt/browser';
import { err, ok, type Result } from '../../model';
import { errorText } from '../error-text';
import type { CallMaps, Envelope, MessageError, Target } from './protocol';

export type {
  BackgroundCalls,
  ContentCalls,
  MessageError,
  OffscreenCalls,
  SubscribeResult,
  Target,
  UnsubscribeResult,
} from './protocol';

type Req<T extends Target, K extends keyof CallMaps[T]> = CallMaps[T][K] extends { request: infer R } ? R : never;
type Res<T extends Target, K extends keyof CallMaps[T]> = CallMaps[T][K] extends { response: infer R } ? R : never;

/** Sends `type` to the `to` context and resolves with its typed result. */
export async function call<T extends Target, K extends keyof CallMaps[T] & string>(
  to: T,
  type: K,
  payload: Req<T, K>,
): Promise<Result<Res<T, K>, MessageError>> {
  const envelope: Envelope<T, K> = { glossa: 1, to, type, payload };
  try {
    const answer: unknown = await browser.runtime.sendMessage(envelope);
    if (!isResult(answer)) return err({ code: 'no-receiver', message: `No ${to} answered “${type}”.` });
    return answer as Result<Res<T, K>, MessageError>;
  } catch (e) {
    return err({ code: 'no-receiver', message: `Could not reach ${to}: ${errorText(e)}` });
  }
}

/**
 * Sends `type` to the `to` context as a notice: nothing waits for the answer or reads it, and a
 * failure to deliver is dropped. For the eager content script, whose verdict is news only if
 * someone listens, and which must not carry the answer handling on every page.
 */
export function notify<T extends Target, K extends keyof CallMaps[T] & string>(
  to: T,
  type: K,
  payload: Req<T, K>,
): void {
  const envelope: Envelope<T, K> = { glossa: 1, to, type, payload };
  browser.runtime.sendMessage(envelope).catch(() => undefined);
}

/**
 * Sends `type` to the content script of tab `tabId` (top frame only: that is where Glossa's
 * page UI lives) and resolves with its typed result.
 */
export async function callTab<K extends keyof CallMaps['content'] & string>(
  tabId: number,
  type: K,
  payload: Req<'content', K>,
): Promise<Result<Res<'content', K>, MessageError>> {
  const envelope: Envelope<'content', K> = { glossa: 1, to: 'content', type, payload };
  try {
    const answer: unknown = await browser.tabs.sendMessage(tabId, envelope, { frameId: 0 });
    if (!isResult(answer)) return err({ code: 'no-receiver', message: `Tab ${tabId} did not answer “${type}”.` });
    return answer as Result<Res<'content', K>, MessageError>;
  } catch (e) {
    return err({ code: 'no-receiver', message: `Could not reach tab ${tabId}: ${errorText(e)}` });
  }
}

/** What a validator returns for a malformed payload. */
export const INVALID: unique symbol = Symbol('invalid');

/** A handler: validates its request (returning {@link INVALID} if malformed) and answers it. */
export interface Handler<Q, R> {
  /** Turns an untrusted payload into a typed request, or {@link INVALID} when it is malformed. */
  validate: (payload: unknown) => Q | typeof INVALID;
  handle: (request: Q, sender: Browser.runtime.MessageSender) => Promise<R> | R;
  /**
   * Who may make this call, replacing the listener's rule for it alone: the background opens
   * a few calls to content scripts without opening the rest.
   */
  accept?: (sender: Browser.runtime.MessageSender) => boolean;
}

/** One handler per call of the target's map: the compiler checks none is missing. */
export type Handlers<T extends Target> = {
  [K in keyof CallMaps[T]]: Handler<Req<T, K>, Res<T, K>>;
};

/**
 * Answers messages addressed to `target`. Messages from other extensions and malformed
 * payloads are refused; `accept` can narrow senders further (e.g. only extension pages).
 * Returns a function that removes the listener.
 */
export function listen<T extends Target>(
  target: T,
  handlers: Handlers<T>,
  accept: (sender: Browser.runtime.MessageSender) => boolean = isExtensionPage,
): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: unknown) => void) => {
    if (!isEnvelope(message) || message.to !== target) return false;
    const type = String(message.type);
    const handler = Object.hasOwn(handlers, type)
      ? (handlers as Record<string, Handler<unknown, unknown> | undefined>)[type]
      : undefined;
    // The sender is judged before anything else is said: a refused sender learns nothing.
    if (!(handler?.accept ?? accept)(sender)) {
      sendResponse(err<MessageError>({ code: 'invalid-request', message: 'Sender is not allowed.' }));
      return false;
    }
    if (!handler) {
      sendResponse(err<MessageError>({ code: 'unknown-call', message: `Unknown call “${String(message.type)}”.` }));
      return false;
    }
    const request = handler.validate(message.payload);
    if (request === INVALID) {
      sendResponse(err<MessageError>({ code: 'invalid-request', message: `Malformed “${String(message.type)}”.` }));
      return false;
    }
    // Called at once, not in a later microtask: a handler that needs the reader's gesture (Chrome's
    // sidePanel.open, for a click in a page's toolbar) runs while the message still carries it.
    let answer: Promise<unknown>;
    try {
      answer = Promise.resolve(handler.handle(request, sender));
    } catch (e) {
      answer = Promise.reject(e);
    }
    answer.then(
      (value) => sendResponse(ok(value)),
      (e: unknown) => sendResponse(err<MessageError>({ code: 'handler-failed', message: errorText(e) })),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/**
 * The default sender rule: our own extension's pages and workers only. Content scripts share
 * our extension id but report the web page's URL, so they are refused unless a listener opts
 * in for them. (Extension pages open in tabs too, so a tab alone says nothing.)
 */
export function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
}

function isEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.glossa === 1 && typeof m.to === 'string' && typeof m.type === 'string';
}

function isResult(value: unknown): value is Result<unknown, MessageError> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * The rule for calls from content scripts: our extension, from a tab showing an http(s) page.
 * (Extension pages in tabs report an extension URL, so they do not pass as content scripts.)
 */
export function isWebContentScript(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && /^https?:\/\//.test(sender.url ?? '');
}
