/**
 * Light or dark, as the page looks where we draw: the first opaque background behind an element
 * decides, so the popup and the terms panel are dark on dark pages whatever the system says.
 */
import { parseHexColor, toneThemeFor, type ToneTheme } from '../../../utils/tone-colors';

/** The theme behind `anchor` (an element, or a range in the text). Reads styles only. */
export function themeAt(anchor: Element | Range): ToneTheme {
  let element: Element | null =
    anchor instanceof Element ? anchor : anchor.startContainer.parentElement;
  for (; element; element = element.parentElement) {
    const rgb = parseCssColor(getComputedStyle(element).backgroundColor);
    if (rgb) return toneThemeFor(rgb);
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function parseCssColor(value: string): { r: number; g: number; b: number } | null {
  const match = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(value);
  if (!match) return parseHexColor(value);
  if (match[4] !== undefined && Number(match[4]) < 0.5) return null;
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]) };
}
