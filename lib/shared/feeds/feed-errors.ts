/**
 * The words for each feed error, through the message catalogue (en, zh_CN), so a subscription's
 * status line says what went wrong in the reader's language. A table keyed by the error codes:
 * adding a code fails to compile here until it has a message.
 */
import type { FeedError, FeedErrorCode } from '../../model';
import { type MessageKey, t } from '../i18n';

/** The catalogue key for each feed error code. */
export const FEED_ERROR_MESSAGES = {
  'not-a-feed': 'feedErrorNotAFeed',
  'broken-xml': 'feedErrorBrokenXml',
  'entity-declaration': 'feedErrorEntityDeclaration',
  'too-large': 'feedErrorTooLarge',
  'too-many-items': 'feedErrorTooManyItems',
  'unknown-encoding': 'feedErrorUnknownEncoding',
  'http-status': 'feedErrorHttpStatus',
  timeout: 'feedErrorTimeout',
  network: 'feedErrorNetwork',
  'local-redirect': 'feedErrorLocalRedirect',
  gone: 'feedErrorGone',
} as const satisfies Record<FeedErrorCode, MessageKey>;

/** The error in the UI language (the detail, in English, is for logs and tooltips). */
export function feedErrorText(error: FeedError): string {
  return t(FEED_ERROR_MESSAGES[error.code]);
}
