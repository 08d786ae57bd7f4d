import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  MIN_TONE_CONTRAST,
  parseHexColor,
  TONE_COLORS,
  TONE_TEST_BACKGROUNDS,
  TONES,
  toneThemeFor,
  type Rgb,
  type ToneTheme,
} from '../../utils/tone-colors';

const THEMES: readonly ToneTheme[] = ['light', 'dark'];

function rgb(hex: string): Rgb {
  const parsed = parseHexColor(hex);
  if (!parsed) throw new Error(`not a #rrggbb colour: ${hex}`);
  return parsed;
}

describe('tone colour palette', () => {
  it.each(THEMES)('%s: has five valid #rrggbb colours, all different', (theme) => {
    const palette = TONE_COLORS[theme];
    expect(Object.keys(palette).map(Number).sort()).toEqual([1, 2, 3, 4, 5]);
    const colours = TONES.map((tone) => palette[tone]);
    for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(colours).size).toBe(5);
  });

  it.each(THEMES)('%s: every tone reaches 4.5:1 on the backgrounds it promises', (theme) => {
    for (const background of TONE_TEST_BACKGROUNDS[theme]) {
      for (const tone of TONES) {
        const ratio = contrastRatio(rgb(TONE_COLORS[theme][tone]), rgb(background));
        expect(ratio, `tone ${tone} on ${background}`).toBeGreaterThanOrEqual(MIN_TONE_CONTRAST);
      }
    }
  });

  it('picks the theme each promised background belongs to', () => {
    for (const theme of THEMES) {
      for (const background of TONE_TEST_BACKGROUNDS[theme]) {
        expect(toneThemeFor(rgb(background)), background).toBe(theme);
      }
    }
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio(rgb('#000000'), rgb('#ffffff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(rgb('#ffffff'), rgb('#ffffff'))).toBe(1);
    // The WCAG reference value for #777777 on white is 4.48:1.
    expect(contrastRatio(rgb('#777777'), rgb('#ffffff'))).toBeCloseTo(4.48, 2);
  });

  it('rejects colours that are not #rrggbb', () => {
    for (const bad of ['', '#fff', 'red', '#12345g', 'rgb(0,0,0)']) {
      expect(parseHexColor(bad), bad).toBeNull();
    }
  });
});
