/**
 * Pairs the characters of a token with their readings, for ruby: each Chinese character gets its
 * own syllable above it, other characters none. Shared by the content script and the CLI.
 */
import type { Token } from './analyze';
import { isHanCodePoint } from './han';

export interface RubyPair {
  readonly text: string;
  /** Empty for characters that are not Chinese. */
  readonly reading: string;
}

/**
 * Splits `text` (a token's display or original slice) into characters paired with the token's
 * readings. Returns null when the counts differ, as after a vocabulary conversion that changed
 * the length; callers then annotate the whole word at once.
 */
export function pairReadings(text: string, token: Token): RubyPair[] | null {
  const pairs: RubyPair[] = [];
  let index = 0;
  for (const char of text) {
    if (isHanCodePoint(char.codePointAt(0) ?? 0)) {
      const reading = token.pinyin[index++];
      if (reading === undefined) return null;
      pairs.push({ text: char, reading });
    } else {
      pairs.push({ text: char, reading: '' });
    }
  }
  return index === token.pinyin.length ? pairs : null;
}
