/**
 * Readings from pinyin-pro, one per code point, in the styles the reader offers. pinyin-pro is
 * run on simplified text (it reads 銀行 as yín xíng but 银行 as yín háng) and per chunk of at most
 * a few sentences, so a 10 MB single line never becomes one huge call.
 */
import { pinyin as pinyinPro } from 'pinyin-pro';
import { isHanCodePoint } from './han';
import type { ReadingTable } from './reading-table';
import { NOT_A_WORD, type Lexicon } from './segment';

export type PinyinStyle = 'mark' | 'num' | 'none';

export interface PinyinOptions {
  /** Tone sandhi of 一 and 不 (yí gè, bú duì); off by default: learners see citation tones. */
  readonly toneSandhi?: boolean;
}

/** Longest chunk handed to pinyin-pro at once; cut at sentence ends so context is kept. */
const MAX_CHUNK = 2000;
const SENTENCE_ENDS = new Set(Array.from('。！？；\n!?;', (c) => c.charCodeAt(0)));

/**
 * Returns one reading per code point of `text` in tone-number form (`zhong4`, `de5`, `lv4`);
 * the empty string for code points that are not Chinese characters.
 */
export function readingsOf(text: string, options: PinyinOptions = {}): string[] {
  const readings: string[] = [];
  for (const chunk of chunksOf(text)) appendChunkReadings(chunk, options, readings);
  return readings;
}

function appendChunkReadings(chunk: string, options: PinyinOptions, out: string[]): void {
  // Tone marks are pinyin-pro's fast path: asking it for tone numbers runs several regular
  // expressions per character and made the whole call about five times slower (measured by
  // bench:throughput). We convert marks to numbers ourselves through a cache.
  const raw = pinyinPro(chunk, {
    type: 'array',
    toneType: 'symbol',
    toneSandhi: options.toneSandhi ?? false,
  });
  const codePoints = Array.from(chunk);
  // pinyin-pro returns one item per code point; if a future version groups differently, fall
  // back to reading characters one by one rather than misaligning every reading after it.
  const aligned =
    raw.length === codePoints.length ? raw : codePoints.map((c) => pinyinOne(c, options));
  for (let i = 0; i < codePoints.length; i++) {
    const cp = codePoints[i]?.codePointAt(0) ?? 0;
    out.push(isHanCodePoint(cp) ? numberedFromMarked(aligned[i] ?? '') : '');
  }
}

/**
 * Most distinct words a reader keeps the readings of; past it the memory starts over. A long news
 * page holds a few thousand distinct words, a 1,000,000-character corpus about 40,000.
 */
const WORD_CACHE_LIMIT = 60_000;
/** Words outside any lexicon (text analysed without one), by their text. */
const wordCache = new Map<string, readonly string[]>();
/** Readings of single BMP characters by code unit ('' not yet read). */
const charCache: string[] = new Array<string>(65536).fill('');

/**
 * One reading per code point of `text` (tone-number form, '' where not Chinese), reading each
 * word of a segmentation (`boundaries`: 0, then every word's end; non-Chinese runs are one word)
 * with pinyin-pro on its own and remembering it. Reading the words our segmenter found, rather
 * than the whole paragraph, gives the same accuracy on CPP dev (90.86 % against 90.89 % in
 * context, pinyin-pro 3.29) at a fraction of the cost: a page repeats its words, and pinyin-pro's
 * own segmentation and sandhi pass run once per distinct word instead of once per paragraph.
 * Tone sandhi needs the neighbouring word, so it keeps the paragraph-wide path (`readingsOf`).
 */
export function readingsByWord(
  text: string,
  boundaries: readonly number[],
  words?: WordNumbers,
): string[] {
  const readings: string[] = [];
  const byNumber = words ? readingsByNumber(words.lexicon) : null;
  for (let b = 1; b < boundaries.length; b++) {
    const start = boundaries[b - 1] as number;
    const end = boundaries[b] as number;
    const first = text.charCodeAt(start);
    if (end - start === 1) {
      readings.push(first >= 0x3400 && isHanCodePoint(first) ? charReading(text, start) : '');
      continue;
    }
    const cp = text.codePointAt(start) ?? 0;
    if (!isHanCodePoint(cp)) {
      // A run of other text: one empty reading per code point.
      for (let i = start; i < end; i++) {
        const unit = text.charCodeAt(i);
        if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) i++;
        readings.push('');
      }
      continue;
    }
    // A lexicon word is found by its number, without cutting it out of the text and hashing it.
    const number = words?.numbers[b] ?? NOT_A_WORD;
    let cached = number === NOT_A_WORD ? undefined : byNumber?.[number];
    if (cached === undefined) {
      const word = text.slice(start, end);
      if (number !== NOT_A_WORD && byNumber) {
        cached = readWordAlone(word);
        byNumber[number] = cached;
      } else {
        cached = wordCache.get(word);
        if (cached === undefined) {
          cached = readWordAlone(word);
          if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
          wordCache.set(word, cached);
        }
      }
    }
    for (let k = 0; k < cached.length; k++) readings.push(cached[k] as string);
  }
  return readings;
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
      // A run of other text: one empty reading per code point.
      for (let i = start; i < end; i++) {
        const unit = text.charCodeAt(i);
        if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) i++;
        readings.push('');
      }
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

/** The lexicon numbers of a segmentation's words (`numbers[b]` for the word ending at
 * `boundaries[b]`, NOT_A_WORD where it is no lexicon word). */
export interface WordNumbers {
  readonly lexicon: Lexicon;
  readonly numbers: readonly number[];
}

/** Each lexicon's word readings by word number, read on first meeting: bounded by the lexicon. */
const byLexicon = new WeakMap<Lexicon, (readonly string[] | undefined)[]>();

function readingsByNumber(lexicon: Lexicon): (readonly string[] | undefined)[] {
  let table = byLexicon.get(lexicon);
  if (!table) byLexicon.set(lexicon, (table = []));
  // Filled to the lexicon's size (words can be added later): an array written at scattered
  // indexes past its end would turn into a slow dictionary.
  while (table.length < lexicon.size) table.push(undefined);
  return table;
}

function charReading(text: string, i: number): string {
  const unit = text.charCodeAt(i);
  let reading = charCache[unit] as string;
  if (reading === '') {
    reading = numberedFromMarked(pinyinOne(text[i] as string, {}));
    // A character pinyin-pro cannot read stays '' and is asked again: rare, and cheap.
    charCache[unit] = reading;
  }
  return reading;
}

function readWordAlone(word: string): readonly string[] {
  const out: string[] = [];
  appendChunkReadings(word, {}, out);
  return out;
}

function pinyinOne(char: string, options: PinyinOptions): string {
  return pinyinPro(char, { toneType: 'symbol', toneSandhi: options.toneSandhi ?? false });
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

function* chunksOf(text: string): Generator<string> {
  if (text.length <= MAX_CHUNK) {
    yield text;
    return;
  }
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + MAX_CHUNK);
    if (end < text.length) {
      // Cut after the last sentence end in the second half of the chunk, if there is one.
      for (let i = end - 1; i > start + MAX_CHUNK / 2; i--) {
        if (SENTENCE_ENDS.has(text.charCodeAt(i))) {
          end = i + 1;
          break;
        }
      }
      // Never split a surrogate pair.
      const unit = text.charCodeAt(end - 1);
      if (unit >= 0xd800 && unit <= 0xdbff) end++;
    }
    yield text.slice(start, end);
    start = end;
  }
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
