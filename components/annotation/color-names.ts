/** The accessible (and visible) name of each highlight colour, in the UI language. */
import { type MessageKey, t } from '../lib/i18n';
import type { HighlightColor } from '../lib/storage/types';

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
