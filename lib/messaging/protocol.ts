/**
 * The one message protocol between Glossa's contexts: a call map per receiving context, each
 * call with its request and response types. Nothing else crosses `runtime.sendMessage`, so a
 * reader of this file knows every conversation in the extension.
 */

import type { ImportReport } from '../article/import';
import type { PreparedBody } from '../article/sanitize';

/** Calls the background answers (from extension pages and, later, content scripts). */
export interface BackgroundCalls {
  /** Runs the bundled-seed import again (idempotent); answers with its report. */
  'seeds/import': { request: null; response: ImportReport };
}

/** Calls the offscreen document answers: DOM work a Chrome MV3 service worker cannot do. */
export interface OffscreenCalls {
  /** Sanitizes article HTML with DOMPurify and extracts its plain text and images. */
  'dom/prepare-html': { request: { html: string }; response: PreparedBody };
}

/** Which context a message is for; each listener ignores messages meant for others. */
export type Target = 'background' | 'offscreen';

/** The call map of each target. */
export interface CallMaps {
  background: BackgroundCalls;
  offscreen: OffscreenCalls;
}

/** The envelope on the wire. `glossa` marks our messages among any others. */
export interface Envelope<T extends Target = Target, K extends keyof CallMaps[T] = keyof CallMaps[T]> {
  glossa: 1;
  to: T;
  type: K;
  payload: unknown;
}

/** Why a call failed, in words a person can act on. */
export interface MessageError {
  code: 'invalid-request' | 'unknown-call' | 'handler-failed' | 'no-receiver';
  message: string;
}
