/**
 * What the polyphone classifier sees of one occurrence of a polyphonic character. The trainer
 * and the scorer both call `contextKeys`, so a model is always scored on the features it was
 * fitted on ("train on what you run").
 *
 * Keys are short strings (the model file stores them as they are):
 *
 *     b            bias, always present
 *     -1X … +3X    the character X at that offset (^ before the text, $ after it)
 *     LXY RXY MXY  the two characters to the left, to the right, and either side
 *     WX@n         the dictionary word X holding the character, at code point n of it
 *     <X >X        the word before and the word after
 *
 * Non-Chinese characters are folded into classes (0 for digits, a for Latin letters, space for
 * whitespace): a year or an English name next to 行 says the same whatever its exact letters.
 */

/** Bumped with any change to the keys; a model trained on other keys is refused. */
export const FEATURES_VERSION = '1';

/** How far the character window reaches on each side: ±3 is the g2pM window and, on CPP dev,
 * wider windows add keys faster than accuracy. */
export const WINDOW = 3;

/** One sentence or paragraph as the features need it: code points and word spans. */
export interface FeatureText {
  /** Simplified text, one string per code point. */
  readonly chars: readonly string[];
  /** Word index of each code point (words from the segmenter; a non-Chinese run is one word). */
  readonly wordOf: Int32Array;
  /** Start code point of each word, plus a final entry `chars.length`. */
  readonly wordStarts: readonly number[];
}

/** Builds the `FeatureText` of a text from word end offsets in UTF-16 units (as `analyze` and
 * `segmentHanRun` give them; the last is `text.length`). */
export function featureText(text: string, wordEnds: readonly number[]): FeatureText {
  const chars = Array.from(text);
  const wordOf = new Int32Array(chars.length);
  const wordStarts: number[] = [0];
  let unit = 0;
  let point = 0;
  let word = 0;
  for (const end of wordEnds) {
    if (end <= unit) continue;
    while (unit < end && point < chars.length) {
      wordOf[point] = word;
      unit += (chars[point] as string).length;
      point++;
    }
    word++;
    wordStarts.push(point);
  }
  // Ends that stop short of the text leave a tail: it is one more word.
  if (point < chars.length) {
    for (; point < chars.length; point++) wordOf[point] = word;
    wordStarts.push(point);
  }
  return { chars, wordOf, wordStarts };
}

/** The class a context character stands for. */
export function contextClass(char: string | undefined, before: boolean): string {
  if (char === undefined) return before ? '^' : '$';
  const unit = char.charCodeAt(0);
  if (unit < 0x3000) {
    if (unit >= 0x30 && unit <= 0x39) return '0';
    if ((unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a) return 'a';
    if (unit === 0x20 || unit === 0x09 || unit === 0x0a || unit === 0xa0) return ' ';
  } else if (unit >= 0xff10 && unit <= 0xff19) {
    return '0';
  }
  return char;
}

/** The word (as a string) with index `w`, or '' outside the text. */
export function wordAt(text: FeatureText, w: number): string {
  const start = text.wordStarts[w];
  const end = text.wordStarts[w + 1];
  if (start === undefined || end === undefined) return '';
  let word = '';
  for (let i = start; i < end; i++) word += text.chars[i] as string;
  return word;
}

/** Appends the context keys of the character at code point `i` to `out`. */
export function contextKeys(text: FeatureText, i: number, out: string[]): void {
  const { chars, wordOf, wordStarts } = text;
  const at = (k: number) => contextClass(chars[i + k], k < 0);
  out.push('b');
  for (let k = 1; k <= WINDOW; k++) {
    out.push(`-${k}${at(-k)}`, `+${k}${at(k)}`);
  }
  const l2 = at(-2);
  const l1 = at(-1);
  const r1 = at(1);
  const r2 = at(2);
  out.push(`L${l2}${l1}`, `R${r1}${r2}`, `M${l1}${r1}`);
  const w = wordOf[i] as number;
  const start = wordStarts[w] as number;
  const end = wordStarts[w + 1] as number;
  if (end - start > 1) out.push(`W${wordAt(text, w)}@${i - start}`);
  out.push(`<${neighbourWord(text, w - 1)}`, `>${neighbourWord(text, w + 1)}`);
}

/** A neighbouring word as a context key: its text, or its class for non-Chinese text. */
function neighbourWord(text: FeatureText, w: number): string {
  if (w < 0) return '^';
  if (w >= text.wordStarts.length - 1) return '$';
  const word = wordAt(text, w);
  return word.length === 1 || !/[\u3400-\u9fff]/.test(word) ? contextClass(word[0], false) : word;
}
