/**
 * Readings in the styles the reader offers (tone marks, tone numbers), and reading words from a
 * build-time table (`reading-table.ts`). Nothing here runs pinyin-pro: the page's reader uses
 * only this module, and pinyin-pro itself (a few hundred kilobytes to evaluate on every page) is
 * loaded where text is read without a table (`pinyin-pro-readings.ts`: the CLI, tests,
 * benchmarks, the build).
 */
import { isHanCodePoint } from './han';
import type { ReadingTable } from './reading-table';
import { NOT_A_WORD, type Lexicon } from './segment';

export type PinyinStyle = 'mark' | 'num' | 'none';

export interface PinyinOptions {
  /** Tone sandhi of 一 and 不 (yí gè, bú duì); off by default: learners see citation tones. */
  readonly toneSandhi?: boolean;
}

/**
 * `readingsByWord` from a reading table worked out at build time (`reading-table.ts`): the same
 * readings, without calling pinyin-pro. `words` must be numbers in the table's lexicon.
 */
export function readingsFromTable(
  text: string,
  boundaries: readonly number[],
  words: WordNumbers,
  table: ReadingTable,
): string[] {
  const readings: string[] = [];
  for (let b = 1; b < boundaries.length; b++) {
    const start = boundaries[b - 1] as number;
    const end = boundaries[b] as number;
    const first = text.charCodeAt(start);
    const cp = end - start === 1 ? first : (text.codePointAt(start) ?? 0);
    if (!isHanCodePoint(cp)) {
      pushNoReadings(text, start, end, readings);
      continue;
    }
    const number = words.numbers[b] ?? NOT_A_WORD;
    const own = number === NOT_A_WORD ? undefined : table.word(number);
    if (own) {
      for (let k = 0; k < own.length; k++) readings.push(own[k] as string);
      continue;
    }
    for (let i = start; i < end; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) {
        // A character outside the BMP (the table has those of the word list).
        readings.push(table.char(text.codePointAt(i) as number));
        i++;
      } else {
        readings.push(table.char(unit));
      }
    }
  }
  return readings;
}

/** A run of other text, text[start, end): one empty reading per code point. */
export function pushNoReadings(text: string, start: number, end: number, readings: string[]): void {
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) i++;
    readings.push('');
  }
}

/** The lexicon numbers of a segmentation's words (`numbers[b]` for the word ending at
 * `boundaries[b]`, NOT_A_WORD where it is no lexicon word). */
export interface WordNumbers {
  readonly lexicon: Lexicon;
  readonly numbers: readonly number[];
}

/** What reads text with pinyin-pro, once `pinyin-pro-readings.ts` has been loaded. */
export interface PinyinProReader {
  /** One reading per code point of `text`, the whole text read in context. */
  readingsOf(text: string, options?: PinyinOptions): string[];
  /** One reading per code point, each word of the segmentation read alone and remembered. */
  readingsByWord(text: string, boundaries: readonly number[], words?: WordNumbers): string[];
}

let pinyinPro: PinyinProReader | null = null;

/** Called by `pinyin-pro-readings.ts` when it loads. */
export function registerPinyinProReader(reader: PinyinProReader): void {
  pinyinPro = reader;
}

/** The pinyin-pro reader; throws when it was never loaded (code that reads without a table must
 * import `utils/zh/analyze`, which loads it, rather than `analyze-core`). */
export function pinyinProReader(): PinyinProReader {
  if (!pinyinPro) {
    throw new Error(
      'pinyin-pro is not loaded: import utils/zh/analyze, or give analyze a reading table',
    );
  }
  return pinyinPro;
}

// prettier-ignore
const MARK_TONES: Record<string, [string, number]> = {
  ā: ['a', 1], á: ['a', 2], ǎ: ['a', 3], à: ['a', 4],
  ē: ['e', 1], é: ['e', 2], ě: ['e', 3], è: ['e', 4],
  ī: ['i', 1], í: ['i', 2], ǐ: ['i', 3], ì: ['i', 4],
  ō: ['o', 1], ó: ['o', 2], ǒ: ['o', 3], ò: ['o', 4],
  ū: ['u', 1], ú: ['u', 2], ǔ: ['u', 3], ù: ['u', 4],
  ǖ: ['v', 1], ǘ: ['v', 2], ǚ: ['v', 3], ǜ: ['v', 4], ü: ['v', 0],
  ń: ['n', 2], ň: ['n', 3], ǹ: ['n', 4], ḿ: ['m', 2],
};

/** A few hundred distinct syllables occur; each is converted once. */
const numberedCache = new Map<string, string>();

/** `zhòng` → `zhong4`, `lǜ` → `lv4`, unmarked `de` → `de5` (pinyin-pro leaves the neutral tone
 * unmarked); '' for what is not pinyin (pinyin-pro echoes characters it does not know). */
export function numberedFromMarked(marked: string): string {
  let numbered = numberedCache.get(marked);
  if (numbered !== undefined) return numbered;
  let letters = '';
  let tone = 5;
  let valid = marked.length > 0;
  for (const ch of marked.normalize('NFC')) {
    const mark = MARK_TONES[ch];
    if (mark) {
      letters += mark[0];
      if (mark[1] !== 0) tone = mark[1];
    } else if (ch >= 'a' && ch <= 'z') letters += ch;
    else valid = false;
  }
  numbered = valid && letters ? `${letters}${tone}` : '';
  numberedCache.set(marked, numbered);
  return numbered;
}

const MARKED_VOWELS: Record<string, string> = {
  a: 'āáǎà',
  e: 'ēéěè',
  i: 'īíǐì',
  o: 'ōóǒò',
  u: 'ūúǔù',
  v: 'ǖǘǚǜ',
};

/** Turns a tone-number reading into the requested style: `zhong4` → `zhòng`, `lv4` → `lǜ`. */
export function formatReading(numbered: string, style: PinyinStyle): string {
  if (!numbered || style === 'num') return numbered;
  const key = style === 'mark' ? numbered : `${numbered}/`;
  let formatted = formattedCache.get(key);
  if (formatted === undefined) {
    formatted = formatUncached(numbered, style);
    formattedCache.set(key, formatted);
  }
  return formatted;
}

/** Formatting runs once per character of every page; a few thousand distinct keys cover it. */
const formattedCache = new Map<string, string>();

/**
 * `formatReading` of the reading of BMP code unit `unit`: the same answer, remembered by the
 * character. A character has nearly always the same reading, and a slot found by the character
 * (hot for a page's common characters) is cheaper than hashing the reading into the map of every
 * reading, which `analyze` would otherwise do once per character. The memory is a small
 * direct-mapped table, typed where it can be: a page pays next to nothing to make it, where
 * arrays of 65,536 slots cost it a millisecond or more.
 */
export function formatReadingOf(unit: number, numbered: string, style: PinyinStyle): string {
  if (style !== 'mark') return formatReading(numbered, style);
  const memo = (markMemo ??= {
    units: new Int32Array(MARK_MEMO_SIZE).fill(-1),
    numbered: [],
    marked: [],
  });
  const slot = unit & (MARK_MEMO_SIZE - 1);
  if (memo.units[slot] === unit && memo.numbered[slot] === numbered)
    return memo.marked[slot] as string;
  const formatted = formatReading(numbered, style);
  memo.units[slot] = unit;
  memo.numbered[slot] = numbered;
  memo.marked[slot] = formatted;
  return formatted;
}

/** Slots of the memory of `formatReadingOf` (a power of two). */
const MARK_MEMO_SIZE = 4096;

let markMemo: { units: Int32Array; numbered: string[]; marked: string[] } | undefined;

function formatUncached(numbered: string, style: PinyinStyle): string {
  const tone = Number(numbered.at(-1));
  const letters = numbered.slice(0, -1);
  if (style === 'num') return numbered;
  if (style === 'none') return letters.replace('v', 'ü');
  if (tone < 1 || tone > 4) return letters.replace('v', 'ü');
  // The standard placement: a or e takes the mark; in ou the o does; otherwise the last vowel.
  let index = letters.search(/[ae]/);
  if (index < 0) index = letters.indexOf('ou');
  if (index < 0) {
    for (let i = letters.length - 1; i >= 0; i--) {
      if ('iouv'.includes(letters[i] ?? '')) {
        index = i;
        break;
      }
    }
  }
  if (index < 0) return letters;
  const vowel = letters[index] ?? '';
  const marked = MARKED_VOWELS[vowel]?.[tone - 1] ?? vowel;
  return (letters.slice(0, index) + marked + letters.slice(index + 1)).replace('v', 'ü');
}
