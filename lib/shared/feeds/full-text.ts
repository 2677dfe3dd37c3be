/**
 * "Fetch full text": what an entry's page becomes (its extracted, sanitized article), why it
 * could not become its article's body, and the words for each reason through the message
 * catalogue (en, zh_CN). The table is keyed by the codes, so a new code fails to compile here
 * until it has a message.
 */
import type { PreparedBody } from '../article/sanitize';
import { type MessageKey, t } from '../i18n';

/** A fetched page's article: its sanitized body, and the language the page declares. */
export interface PageBody {
  body: PreparedBody;
  lang: string | null;
}

/** Why the full text could not be fetched. */
export type FullTextErrorCode =
  /** The article is gone, is no feed's, or has no http(s) page. */
  | 'not-available'
  /** The page answered an HTTP error; `detail` is the status number. */
  | 'http-status'
  /** More than the size limit. */
  | 'too-large'
  | 'timeout'
  | 'network'
  /** The answer is not an HTML page (a PDF, an image…); `detail` is its media type. */
  | 'not-html'
  /** The page is on this computer or the reader's network, and its feed is not; `detail`: its host. */
  | 'local-page'
  /** The extractor found no article text on the page. */
  | 'no-article'
  /** The page's article is shorter than the saved text (a teaser, a sign-in page): kept as it was. */
  | 'shorter';

/** A named failure; `detail` is what the message shows where it has a blank. */
export interface FullTextError {
  code: FullTextErrorCode;
  detail: string;
}

/** The answer to "Fetch full text". */
export type FullTextResult = { ok: true; charCount: number } | { ok: false; error: FullTextError };

const MESSAGES = {
  'not-available': 'fullTextErrorNotAvailable',
  'http-status': 'fullTextErrorHttpStatus',
  'too-large': 'fullTextErrorTooLarge',
  timeout: 'fullTextErrorTimeout',
  network: 'fullTextErrorNetwork',
  'not-html': 'fullTextErrorNotHtml',
  'local-page': 'fullTextErrorLocalPage',
  'no-article': 'fullTextErrorNoArticle',
  shorter: 'fullTextErrorShorter',
} as const satisfies Record<FullTextErrorCode, MessageKey>;

/** The error in the UI language. */
export function fullTextErrorText(error: FullTextError): string {
  return t(MESSAGES[error.code], error.detail);
}
