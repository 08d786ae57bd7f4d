/**
 * pinyin-pro's readings, worked out at build time (`scripts/compile-readings.ts` writes
 * `public/dict/readings.u8`), so the extension reads words without running pinyin-pro: its
 * first call sets up its dictionaries (tens of milliseconds) and every new word costs another
 * call.
 *
 * The file holds what `readingsByWord` would compute: each Chinese character of the Basic
 * Multilingual Plane read alone, and every lexicon word (CC-CEDICT's and the glossary's) whose
 * reading alone differs from its characters' own readings (about 6,000 of 109,000). Every other
 * word reads as its characters. A unit test holds the table and pinyin-pro together.
 *
 *     # key: value            header
 *     @chars                  char TAB reading        (tone-number form, ü as v)
 *     @words                  word TAB reading reading …
 *     @polyphonic             char TAB every reading, toneless (for artefact removal)
 */
import { NOT_A_WORD, type Lexicon } from './segment';

export const READINGS_FILE_NAME = 'readings.u8';

const READING = /^[a-z]+[1-5]$/;

/** The file's content, parsed. */
export interface ReadingFile {
  readonly header: Readonly<Record<string, string>>;
  /** Reading of each BMP character by code unit ('' when pinyin-pro has none). */
  readonly chars: readonly string[];
  /** Characters outside the BMP that occur in the word list, by code point. */
  readonly astral: ReadonlyMap<number, string>;
  /** Words whose reading differs from their characters' readings. */
  readonly words: ReadonlyMap<string, readonly string[]>;
  /** Every toneless reading of the characters that have more than one. */
  readonly polyphonic: ReadonlyMap<string, readonly string[]>;
}

/** Parses `readings.u8`; throws with the line number on anything malformed. */
export function parseReadingFile(text: string): ReadingFile {
  const header: Record<string, string> = {};
  const chars = new Array<string>(65536).fill('');
  const astral = new Map<number, string>();
  const words = new Map<string, readonly string[]>();
  const polyphonic = new Map<string, readonly string[]>();
  let section: 'chars' | 'words' | 'polyphonic' | null = null;
  const lines = text.split('\n');
  // Made once, not per line: a worker that has just started parses the file's 28,000 lines
  // before it answers the page that woke it.
  let n = 0;
  const fail = (why: string) => new Error(`readings file line ${n + 1}: ${why}`);
  for (; n < lines.length; n++) {
    const line = lines[n] as string;
    if (line === '') continue;
    if (section === 'chars' && line.charCodeAt(0) !== 0x40 /* @ */) {
      // Most of the file (21,000 lines), read without splitting: one code point, a tab, one
      // reading.
      const width = (line.charCodeAt(0) & 0xfc00) === 0xd800 ? 2 : 1;
      const reading = line.slice(width + 1);
      if (line.charCodeAt(width) !== 0x09 || !READING.test(reading)) throw fail('bad line');
      const cp = line.codePointAt(0) ?? 0;
      if (cp > 0xffff) astral.set(cp, reading);
      else chars[cp] = reading;
      continue;
    }
    if (line.startsWith('#')) {
      const colon = line.indexOf(':');
      if (colon > 0) header[line.slice(1, colon).trim()] = line.slice(colon + 1).trim();
      continue;
    }
    if (line === '@chars' || line === '@words' || line === '@polyphonic') {
      section = line.slice(1) as 'chars' | 'words' | 'polyphonic';
      continue;
    }
    const tab = line.indexOf('\t');
    const key = line.slice(0, tab);
    const readings = line.slice(tab + 1).split(' ');
    if (section === 'polyphonic') {
      if (tab <= 0 || Array.from(key).length !== 1 || !readings.every((r) => /^[a-zêü]+$/.test(r)))
        throw fail('bad line');
      polyphonic.set(key, readings);
      continue;
    }
    if (tab <= 0 || !readings.every((r) => READING.test(r))) throw fail('bad line');
    if (section === 'chars') {
      const cp = key.codePointAt(0) ?? 0;
      if (Array.from(key).length !== 1 || readings.length !== 1) throw fail('not one character');
      if (cp > 0xffff) astral.set(cp, readings[0] as string);
      else chars[cp] = readings[0] as string;
    } else if (section === 'words') {
      if (Array.from(key).length !== readings.length)
        throw fail('readings do not line up with the word');
      words.set(key, readings);
    } else {
      throw fail('data before a section');
    }
  }
  if (section === null) throw new Error('readings file: no sections');
  return { header, chars, astral, words, polyphonic };
}

/** Writes the file (the build script). */
export function formatReadingFile(
  header: Readonly<Record<string, string>>,
  chars: ReadonlyMap<string, string>,
  words: ReadonlyMap<string, readonly string[]>,
  polyphonic: ReadonlyMap<string, readonly string[]>,
): string {
  const out = Object.entries(header).map(([key, value]) => `# ${key}: ${value}`);
  // Characters in code point order, the BMP's first (a Map keeps insertion order).
  out.push('@chars');
  for (const [char, reading] of chars) out.push(`${char}\t${reading}`);
  out.push('@words');
  for (const [word, readings] of words) out.push(`${word}\t${readings.join(' ')}`);
  out.push('@polyphonic');
  for (const [char, readings] of polyphonic) out.push(`${char}\t${readings.join(' ')}`);
  return `${out.join('\n')}\n`;
}

/**
 * What `analyze` reads words with when given a table: each character's reading, and the words
 * that read otherwise, by their number in one lexicon.
 */
export interface ReadingTable {
  /** The lexicon whose word numbers `word` takes. */
  readonly lexicon: Lexicon;
  /** Reading of a character by code point, '' when none. */
  readonly char: (cp: number) => string;
  /** Readings of lexicon word `number` when they differ from its characters', else undefined. */
  readonly word: (number: number) => readonly string[] | undefined;
  /** Every reading of a character, toneless ([] when it has none). */
  readonly toneless: (char: string) => readonly string[];
}

/** The table for one lexicon (words the lexicon lacks are left out). */
export function readingTableFor(file: ReadingFile, lexicon: Lexicon): ReadingTable {
  const numbered: [number, readonly string[]][] = [];
  for (const [word, readings] of file.words) {
    const number = lexicon.wordNumber(word);
    if (number !== NOT_A_WORD) numbered.push([number, readings]);
  }
  return tableOf(
    lexicon,
    file.chars,
    file.astral,
    wordReadingsByNumber(lexicon.size, numbered),
    file.polyphonic,
  );
}

/** Every reading of a character, toneless, from the file alone (no lexicon needed): what
 * artefact removal checks a written syllable against. */
export function tonelessReadingsOf(file: ReadingFile): ReadingTable['toneless'] {
  return (c) => {
    const cp = c.codePointAt(0) ?? 0;
    return (
      file.polyphonic.get(c) ??
      tonelessOf(cp <= 0xffff ? (file.chars[cp] ?? '') : (file.astral.get(cp) ?? ''))
    );
  };
}

/**
 * `ReadingTable.word` for the words that read otherwise than their characters, given as
 * [word number, readings] (readings joined by spaces are split when first asked for). A typed
 * index by number, one small read per word: the few percent of words listed would otherwise sit
 * in a sparse array of 100,000 slots, a cache miss for nearly every word of a page (the same
 * finding as `readingsByWord`'s), and filling it and splitting 4,500 strings up front cost a
 * page's start-up several milliseconds.
 */
function wordReadingsByNumber(
  size: number,
  entries: readonly (readonly [number, string | readonly string[]])[],
): (number: number) => readonly string[] | undefined {
  const values: (string | readonly string[])[] = [];
  const index = entries.length < 0xffff ? new Uint16Array(size) : new Uint32Array(size);
  for (const [number, readings] of entries) {
    values.push(readings);
    index[number] = values.length;
  }
  return (number) => {
    const at = index[number] ?? 0;
    if (at === 0) return undefined;
    const value = values[at - 1] ?? '';
    if (typeof value !== 'string') return value;
    const split = value.split(' ');
    values[at - 1] = split;
    return split;
  };
}

function tableOf(
  lexicon: Lexicon,
  chars: readonly string[],
  astral: ReadonlyMap<number, string>,
  word: ReadingTable['word'],
  polyphonic: ReadonlyMap<string, readonly string[]>,
): ReadingTable {
  const char = (cp: number) => (cp <= 0xffff ? (chars[cp] ?? '') : (astral.get(cp) ?? ''));
  return {
    lexicon,
    char,
    word,
    toneless: (c) => polyphonic.get(c) ?? tonelessOf(char(c.codePointAt(0) ?? 0)),
  };
}

/** A character's one reading without its tone (`zhong4` → [`zhong`]), [] for none. */
function tonelessOf(reading: string): readonly string[] {
  return reading === '' ? [] : [reading.slice(0, -1)];
}
