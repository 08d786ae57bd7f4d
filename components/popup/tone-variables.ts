import { TONE_COLORS, TONES } from '../../utils/tone-colors';

/**
 * Publishes the palette as CSS custom properties (`--tone-1-light`, `--tone-1-dark`, …) on an
 * element, so the stylesheet picks the variant with prefers-color-scheme and the colours are
 * written down once, in utils/tone-colors.ts.
 */
export function applyToneColorVariables(element: HTMLElement): void {
  for (const tone of TONES) {
    element.style.setProperty(`--tone-${tone}-light`, TONE_COLORS.light[tone]);
    element.style.setProperty(`--tone-${tone}-dark`, TONE_COLORS.dark[tone]);
  }
}
