/**
 * CC-CEDICT's numbered pinyin (`Zhong1 guo2`, `lu:4`) in tone marks, keeping the capitals of
 * proper nouns. Shared by the word popup and the extension pages.
 */
import { formatReading } from '../zh/pinyin';

/** `jing1 ji4` → `jīng jì`; syllables that are not numbered pinyin pass through unchanged. */
export function formatCedictPinyin(pinyin: string): string {
  return pinyin.split(' ').map(formatCedictSyllable).join(' ');
}

/** One syllable: `Lu:4` → `Lǜ`. */
export function formatCedictSyllable(syllable: string): string {
  const match = /^([A-Za-z:]+)([1-5])$/.exec(syllable);
  if (!match?.[1] || !match[2]) return syllable;
  const letters = match[1].replace('u:', 'v').replace('U:', 'V');
  const marked = formatReading(`${letters.toLowerCase()}${match[2]}`, 'mark');
  const capital = letters[0] !== letters[0]?.toLowerCase();
  return capital ? marked.charAt(0).toUpperCase() + marked.slice(1) : marked;
}
