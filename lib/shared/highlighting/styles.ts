/**
 * Highlight colours. Translucent backgrounds that keep the text's own colour, so they read on a
 * light page, a dark page and our dark theme alike, and overlaps show as a deeper tint. The dark
 * theme gets lighter, stronger tints (a pale yellow at 35 % vanishes on near-black).
 */
import type { HighlightColor } from '../../model';

/** Light-background tints. */
export const LIGHT_TINTS: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 214, 0, 0.42)',
  green: 'rgba(72, 199, 116, 0.38)',
  blue: 'rgba(66, 153, 255, 0.34)',
  pink: 'rgba(255, 92, 160, 0.32)',
  purple: 'rgba(160, 110, 255, 0.34)',
};

/** Dark-background tints. */
export const DARK_TINTS: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 224, 80, 0.38)',
  green: 'rgba(110, 230, 150, 0.32)',
  blue: 'rgba(120, 185, 255, 0.36)',
  pink: 'rgba(255, 130, 185, 0.36)',
  purple: 'rgba(190, 150, 255, 0.38)',
};

/**
 * The stylesheet text for both drawing modes. `name` prefixes the highlight registry names:
 * each painter has its own (the live page and the reading view over it share one registry).
 */
export function highlightStyles(name = 'glossa'): string {
  const rules: string[] = [];
  for (const color of Object.keys(LIGHT_TINTS) as HighlightColor[]) {
    rules.push(
      `::highlight(${name}-${color}) { background-color: ${LIGHT_TINTS[color]}; }`,
      `[data-theme="dark"] ::highlight(${name}-${color}) { background-color: ${DARK_TINTS[color]}; }`,
      `mark.glossa-hl[data-color="${color}"] { background-color: ${LIGHT_TINTS[color]}; color: inherit; }`,
      `[data-theme="dark"] mark.glossa-hl[data-color="${color}"] { background-color: ${DARK_TINTS[color]}; }`,
    );
  }
  rules.push(
    `::highlight(${name}-active) { text-decoration: underline 2px; text-underline-offset: 3px; }`,
    'mark.glossa-hl.glossa-active { text-decoration: underline 2px; text-underline-offset: 3px; }',
  );
  return rules.join('\n');
}
