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

/** One weight per candidate reading of a character. */
export type WeightVector = ArrayLike<number>;

/** Bumped with any change to the keys; a model trained on other keys is refused. */
export const FEATURES_VERSION = '1';

/** How far the character window reaches on each side: ±3 is the g2pM window and, on CPP dev,
 * wider windows add keys faster than accuracy. */
export const WINDOW = 3;

/** One sentence or paragraph as the features need it: code points and word spans. */
export interface FeatureText {
  /** The simplified text itself. */
  readonly text: string;
  /** Number of code points. */
  readonly size: number;
  /** The code point at index `i` as a string; undefined outside the text. */
  readonly at: (i: number) => string | undefined;
  /** The code point at index `i` as a number; -1 outside the text. */
  readonly codeAt: (i: number) => number;
  /** Word index of the code point at `i` (words from the segmenter; a non-Chinese run is one
   * word). Looked up in `wordStarts`, not stored per code point: a paragraph's polyphones ask
   * for a few words, and filling an index per character cost more than all of them. */
  readonly wordOf: (i: number) => number;
  /** Start code point of each word, plus a final entry `size`. */
  readonly wordStarts: readonly number[];
  /** The same starts in UTF-16 units, for slicing `text`. */
  readonly unitStarts: readonly number[];
  /** Words already cut out of `text`, by index (filled by `wordAt`): a word read again, as the
   * neighbour of several polyphones, is one string hashed once. */
  readonly wordCache: (string | undefined)[];
}

/**
 * Builds the `FeatureText` of a text from word end offsets in UTF-16 units (as `analyze` and
 * `segmentHanRun` give them; the last is `text.length`). A text without surrogate pairs (nearly
 * all) is read in place: code points are code units, and no string per character is made.
 */
export function featureText(text: string, wordEnds: readonly number[]): FeatureText {
  const astral = hasSurrogatePair(text);
  const points = astral ? Array.from(text) : null;
  const size = points ? points.length : text.length;
  const at = points
    ? (i: number) => points[i]
    : (i: number) => (i >= 0 && i < size ? text[i] : undefined);
  const codeAt = points
    ? (i: number) => points[i]?.codePointAt(0) ?? -1
    : (i: number) => (i >= 0 && i < size ? text.charCodeAt(i) : -1);
  if (!points) return inPlace(text, wordEnds, at, codeAt);
  const wordIndex = new Array<number>(size).fill(0);
  const wordStarts: number[] = [0];
  const unitStarts: number[] = [0];
  let unit = 0;
  let point = 0;
  let word = 0;
  for (const end of wordEnds) {
    if (end <= unit) continue;
    while (unit < end && point < size) {
      wordIndex[point] = word;
      unit += points ? (points[point] as string).length : 1;
      point++;
    }
    word++;
    wordStarts.push(point);
    unitStarts.push(unit);
  }
  // Ends that stop short of the text leave a tail: it is one more word.
  if (point < size) {
    for (; point < size; point++) wordIndex[point] = word;
    wordStarts.push(point);
    unitStarts.push(text.length);
  }
  const wordOf = (i: number) => wordIndex[i] ?? -1;
  return { text, size, at, codeAt, wordOf, wordStarts, unitStarts, wordCache: [] };
}

function hasSurrogatePair(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) return true;
    }
  }
  return false;
}

/** `featureText` of a text without surrogate pairs: word starts are the word ends shifted, and
 * each word's code points are filled in one call. */
function inPlace(
  text: string,
  wordEnds: readonly number[],
  at: FeatureText['at'],
  codeAt: FeatureText['codeAt'],
): FeatureText {
  const size = text.length;
  // `analyze`'s boundaries (0, each word's end, the text's length) already are the starts.
  if (wordEnds[0] === 0 && wordEnds[wordEnds.length - 1] === size && size > 0) {
    return inPlaceWith(text, wordEnds, at, codeAt);
  }
  const starts: number[] = [0];
  let previous = 0;
  for (const end of wordEnds) {
    if (end <= previous) continue;
    const stop = Math.min(end, size);
    starts.push(stop);
    previous = stop;
    if (stop === size) break;
  }
  // Ends that stop short of the text leave a tail: it is one more word.
  if (previous < size) {
    starts.push(size);
  }
  return inPlaceWith(text, starts, at, codeAt);
}

function inPlaceWith(
  text: string,
  starts: readonly number[],
  at: FeatureText['at'],
  codeAt: FeatureText['codeAt'],
): FeatureText {
  const size = text.length;
  return {
    text,
    size,
    at,
    codeAt,
    wordOf: (i) => wordContaining(starts, i),
    wordStarts: starts,
    unitStarts: starts,
    wordCache: [],
  };
}

/** Index of the word whose span [starts[w], starts[w + 1]) holds `i` (binary search). */
function wordContaining(starts: readonly number[], i: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
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

/** `contextClass` as a code point, for the scorer's numeric keys: the same classes, no string. */
export function contextCode(code: number, before: boolean): number {
  if (code < 0) return before ? 0x5e : 0x24; // ^ and $
  if (code < 0x3000) {
    if (code >= 0x30 && code <= 0x39) return 0x30;
    if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) return 0x61;
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0xa0) return 0x20;
  } else if (code >= 0xff10 && code <= 0xff19) {
    return 0x30;
  }
  return code;
}

/** Weights of two-character keys, by the first character's code, then the second's. */
export type PairTable = Map<number, Map<number, WeightVector>>;

/** The word (as a string) with index `w`, or '' outside the text. */
export function wordAt(text: FeatureText, w: number): string {
  const cached = text.wordCache[w];
  if (cached !== undefined) return cached;
  const start = text.unitStarts[w];
  const end = text.unitStarts[w + 1];
  if (start === undefined || end === undefined) return '';
  const word = text.text.slice(start, end);
  text.wordCache[w] = word;
  return word;
}

/** Appends the context keys of the character at code point `i` to `out`. */
export function contextKeys(text: FeatureText, i: number, out: string[]): void {
  const { at, wordOf, wordStarts } = text;
  out.push('b');
  for (let k = 1; k <= WINDOW; k++) {
    out.push(`-${k}${contextClass(at(i - k), true)}`, `+${k}${contextClass(at(i + k), false)}`);
  }
  const l2 = contextClass(at(i - 2), true);
  const l1 = contextClass(at(i - 1), true);
  const r1 = contextClass(at(i + 1), false);
  const r2 = contextClass(at(i + 2), false);
  out.push(`L${l2}${l1}`, `R${r1}${r2}`, `M${l1}${r1}`);
  const w = wordOf(i);
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
  const unit = word.charCodeAt(0);
  const han = unit >= 0x3400 && unit <= 0x9fff;
  return word.length === 1 || !han ? contextClass(word[0], false) : word;
}

/**
 * One character's context weights arranged for scoring without building key strings: window and
 * bigram keys by code point number (a Map with number keys needs no string hashing), words by
 * string. Built once per character from the same string keys `contextKeys` lists, so both paths
 * add up the same weights (a unit test holds them together).
 */
export interface ContextIndex {
  readonly bias: WeightVector | undefined;
  /** `before[k]`: key `-kX` by the code of X; `after[k]`: `+kX`. Index 0 unused. */
  readonly before: (Map<number, WeightVector> | undefined)[];
  readonly after: (Map<number, WeightVector> | undefined)[];
  /** L, R, M keys by the codes of their two characters, first then second (two small-integer
   * lookups: one number for the pair would exceed V8's small integers and be hashed boxed). */
  readonly left: PairTable | undefined;
  readonly right: PairTable | undefined;
  readonly middle: PairTable | undefined;
  /** W keys (`W<word>@<n>`) by the word, then by the position n. */
  readonly word: Map<string, (WeightVector | undefined)[]> | undefined;
  /** < and > keys by the rest of the key. */
  readonly prevWord: Map<string, WeightVector> | undefined;
  readonly nextWord: Map<string, WeightVector> | undefined;
}

/** Arranges a character's weights (agreement keys, which start with `=`, are left out). */
export function indexContextWeights(weights: ReadonlyMap<string, WeightVector>): ContextIndex {
  const before: (Map<number, WeightVector> | undefined)[] = [];
  const after: (Map<number, WeightVector> | undefined)[] = [];
  const pairs: Record<string, PairTable> = {};
  const strings: Record<string, Map<string, WeightVector>> = {};
  const words = new Map<string, (WeightVector | undefined)[]>();
  for (const [key, vector] of weights) {
    const kind = key[0] ?? '';
    if ((kind === '-' || kind === '+') && key.length >= 3) {
      const table = kind === '-' ? before : after;
      (table[key.charCodeAt(1) - 48] ??= new Map()).set(key.codePointAt(2) ?? -1, vector);
    } else if (kind === 'L' || kind === 'R' || kind === 'M') {
      const [a = '', b = ''] = Array.from(key.slice(1));
      const table = (pairs[kind] ??= new Map());
      const first = a.codePointAt(0) ?? -1;
      let seconds = table.get(first);
      if (!seconds) table.set(first, (seconds = new Map<number, WeightVector>()));
      seconds.set(b.codePointAt(0) ?? -1, vector);
    } else if (kind === 'W') {
      const at = key.lastIndexOf('@');
      const positions = words.get(key.slice(1, at)) ?? [];
      positions[Number(key.slice(at + 1))] = vector;
      words.set(key.slice(1, at), positions);
    } else if (kind === '<' || kind === '>') {
      (strings[kind] ??= new Map()).set(key.slice(1), vector);
    }
  }
  return {
    bias: weights.get('b'),
    before,
    after,
    left: pairs.L,
    right: pairs.R,
    middle: pairs.M,
    word: words.size > 0 ? words : undefined,
    prevWord: strings['<'],
    nextWord: strings['>'],
  };
}

/** Adds to `scores[0 … own)` the context weights of the character at code point `i`: the sum
 * `contextKeys` would give, without allocating a key for the window or the bigrams. */
export function addContextWeights(
  text: FeatureText,
  i: number,
  index: ContextIndex,
  scores: Float64Array,
  own: number,
): void {
  const { codeAt, wordOf, wordStarts } = text;
  addVector(scores, index.bias, own);
  for (let k = 1; k <= WINDOW; k++) {
    const b = index.before[k];
    if (b) addVector(scores, b.get(contextCode(codeAt(i - k), true)), own);
    const a = index.after[k];
    if (a) addVector(scores, a.get(contextCode(codeAt(i + k), false)), own);
  }
  const l1 = contextCode(codeAt(i - 1), true);
  const r1 = contextCode(codeAt(i + 1), false);
  if (index.left) {
    addVector(scores, index.left.get(contextCode(codeAt(i - 2), true))?.get(l1), own);
  }
  if (index.right) {
    addVector(scores, index.right.get(r1)?.get(contextCode(codeAt(i + 2), false)), own);
  }
  if (index.middle) addVector(scores, index.middle.get(l1)?.get(r1), own);
  const w = wordOf(i);
  const start = wordStarts[w] as number;
  const end = wordStarts[w + 1] as number;
  if (index.word && end - start > 1) {
    addVector(scores, index.word.get(wordAt(text, w))?.[i - start], own);
  }
  if (index.prevWord) addVector(scores, index.prevWord.get(neighbourWord(text, w - 1)), own);
  if (index.nextWord) addVector(scores, index.nextWord.get(neighbourWord(text, w + 1)), own);
}

function addVector(scores: Float64Array, vector: WeightVector | undefined, own: number): void {
  if (!vector) return;
  for (let j = 0; j < own; j++) scores[j] = (scores[j] as number) + (vector[j] as number);
}
