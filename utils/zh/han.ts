/**
 * Which code points count as Chinese characters. Explicit ranges instead of `\p{Script=Han}`:
 * the Han script property also covers radicals, 〇 and 々, which carry no reading of their own,
 * and a range check is several times faster on the hot path.
 */

/** True for a CJK unified or compatibility ideograph, including the astral extensions (𠮷). */
export function isHanCodePoint(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x323af)
  );
}

/** True when the text contains at least one Chinese character; cheap early exit for pages. */
export function containsHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x3400) continue;
    const cp = text.codePointAt(i) ?? unit;
    if (isHanCodePoint(cp)) return true;
  }
  return false;
}
