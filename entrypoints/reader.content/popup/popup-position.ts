/**
 * Where the popup goes: below the word if it fits, else above, else on the side with more room;
 * always inside the viewport and never over the word itself.
 */

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Gap between word and popup, and between popup and the viewport edge. */
const GAP = 6;

/** Top-left corner (viewport coordinates) for a popup of `size` next to `word`. */
export function placePopup(
  word: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): { left: number; top: number } {
  const below = word.top + word.height + GAP;
  const above = word.top - GAP - size.height;
  const roomBelow = viewport.height - below;
  const roomAbove = word.top - GAP;
  let top: number;
  if (size.height <= roomBelow) top = below;
  else if (size.height <= roomAbove) top = above;
  // Neither fits whole: take the larger side and let the popup scroll inside.
  else top = roomBelow >= roomAbove ? below : Math.max(GAP, above);
  const maxLeft = Math.max(GAP, viewport.width - size.width - GAP);
  const left = Math.min(Math.max(GAP, word.left), maxLeft);
  return { left, top };
}

/** Height the popup may take on the chosen side, so it scrolls rather than covering the word. */
export function maxPopupHeight(word: Box, viewportHeight: number): number {
  const roomBelow = viewportHeight - (word.top + word.height) - 2 * GAP;
  const roomAbove = word.top - 2 * GAP;
  return Math.max(120, Math.max(roomBelow, roomAbove));
}
