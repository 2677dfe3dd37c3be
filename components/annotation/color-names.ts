/** The accessible (and visible) name of each highlight colour, in the UI language. */

import type { HighlightColor } from '../../lib/model';
import { type MessageKey, t } from '../../lib/shared/i18n';

const KEYS: Record<HighlightColor, MessageKey> = {
  yellow: 'colorYellow',
  green: 'colorGreen',
  blue: 'colorBlue',
  pink: 'colorPink',
  purple: 'colorPurple',
};

/** "Yellow" / "黄色" … */
export function colorName(color: HighlightColor): string {
  return t(KEYS[color]);
}
