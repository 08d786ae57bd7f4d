/**
 * The tone colour palette: one colour per tone (1–4) and one for the neutral tone (5), in a light
 * variant (for text on light pages) and a dark variant (for dark pages and dark mode). Shared by
 * the content script (colouring the ruby) and the extension pages (the legend in the popup).
 *
 * Hues follow the convention most learners know from Pleco: 1 red, 2 green, 3 blue, 4 purple,
 * neutral grey. Colour is never the only cue: the reading itself still carries the tone (marks,
 * numbers or zhuyin), so a reader who cannot tell red from green loses nothing.
 *
 * Contrast: readings are small text (about half the body size), so every colour meets WCAG 2's
 * 4.5:1 for normal text against each background in TONE_TEST_BACKGROUNDS (tests check this):
 * the light variant against white and #f5f5f5 (lowest 4.7:1, the green on #f5f5f5; 5.1–7.0:1 on
 * white), the dark variant against #121212 and #2b2b2b, the range of common dark themes
 * (lowest 6.2:1, the red on #2b2b2b). The light colours are the darker Material shades (700–800),
 * the dark ones pale tints, because contrast on dark grounds needs high luminance, not saturation.
 */

/** 1–4 are the four tones, 5 the neutral tone (as in CC-CEDICT's numbering). */
export type Tone = 1 | 2 | 3 | 4 | 5;
export type ToneTheme = 'light' | 'dark';
export type TonePalette = Readonly<Record<Tone, string>>;

export const TONES: readonly Tone[] = [1, 2, 3, 4, 5];

export const TONE_COLORS: Readonly<Record<ToneTheme, TonePalette>> = {
  light: {
    1: '#c62828',
    2: '#2e7d32',
    3: '#1565c0',
    4: '#8e24aa',
    5: '#5f6368',
  },
  dark: {
    1: '#ff8a80',
    2: '#8bd48f',
    3: '#8ab4f8',
    4: '#d7aefb',
    5: '#b0b0b0',
  },
};

/** The backgrounds each variant is promised to be legible on (the lightest and darkest of each). */
export const TONE_TEST_BACKGROUNDS: Readonly<Record<ToneTheme, readonly string[]>> = {
  light: ['#ffffff', '#f5f5f5'],
  dark: ['#121212', '#2b2b2b'],
};

/** WCAG 2's minimum contrast for normal-size text, which ruby always is. */
export const MIN_TONE_CONTRAST = 4.5;

/** An sRGB colour with channels 0–255. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Parses `#rrggbb` (the palette's format); null for anything else. */
export function parseHexColor(hex: string): Rgb | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return null;
  return {
    r: parseInt(match[1] ?? '', 16),
    g: parseInt(match[2] ?? '', 16),
    b: parseInt(match[3] ?? '', 16),
  };
}

/** Relative luminance as WCAG 2 defines it (0 for black, 1 for white). */
export function relativeLuminance({ r, g, b }: Rgb): number {
  const linear = (channel: number): number => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio between two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/**
 * The variant to use on a page background. Below a luminance of about 0.18 text contrasts more
 * with white than with black ((1.05)/(L+0.05) = (L+0.05)/0.05 at L ≈ 0.179), so pale tones read
 * better there.
 */
export function toneThemeFor(background: Rgb): ToneTheme {
  return relativeLuminance(background) < 0.179 ? 'dark' : 'light';
}
