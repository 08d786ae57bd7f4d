// Where the word popup goes: below the word when it fits, else above, else on the roomier side
// with a height limit; always inside the viewport and never over the word.
import { describe, expect, it } from 'vitest';
import {
  maxPopupHeight,
  placePopup,
  type Box,
} from '../../entrypoints/reader.content/popup/popup-position';

const VIEWPORT = { width: 1280, height: 720 };

function overlaps(a: Box, b: Box): boolean {
  return (
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  );
}

describe('placePopup', () => {
  it('puts the popup below the word when it fits, aligned with the word', () => {
    const word = { left: 100, top: 100, width: 40, height: 30 };
    expect(placePopup(word, { width: 300, height: 200 }, VIEWPORT)).toEqual({
      left: 100,
      top: 136,
    });
  });

  it('puts it above a word low on the screen', () => {
    const word = { left: 100, top: 600, width: 40, height: 30 };
    const { top } = placePopup(word, { width: 300, height: 200 }, VIEWPORT);
    expect(top + 200).toBeLessThanOrEqual(600);
  });

  it('keeps it inside the viewport and off the word, wherever the word is', () => {
    const sizes = [
      { width: 420, height: 120 },
      { width: 300, height: 400 },
      { width: 200, height: 700 },
    ];
    for (let top = 0; top <= 690; top += 30) {
      for (let left = 0; left <= 1240; left += 124) {
        const word = { left, top, width: 40, height: 30 };
        for (const size of sizes) {
          // The view limits the height first (maxPopupHeight), then measures and places.
          const height = Math.min(size.height, maxPopupHeight(word, VIEWPORT.height));
          const place = placePopup(word, { width: size.width, height }, VIEWPORT);
          const popup = { ...place, width: size.width, height };
          expect(popup.left).toBeGreaterThanOrEqual(0);
          expect(popup.left + popup.width).toBeLessThanOrEqual(VIEWPORT.width);
          expect(popup.top).toBeGreaterThanOrEqual(0);
          if (height <= Math.max(VIEWPORT.height - top - 30 - 12, top - 12)) {
            expect(popup.top + popup.height).toBeLessThanOrEqual(VIEWPORT.height);
            expect(overlaps(popup, word), JSON.stringify({ word, popup })).toBe(false);
          }
        }
      }
    }
  });
});
