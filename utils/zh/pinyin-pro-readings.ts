/**
 * Readings from pinyin-pro, one per code point (tone-number form). pinyin-pro is
 * run on simplified text (it reads 銀行 as yín xíng but 银行 as yín háng) and per chunk of at most
 * a few sentences, so a 10 MB single line never becomes one huge call.
 */
import { pinyin as pinyinPro, polyphonic } from 'pinyin-pro';
import { setTonelessReadings } from './artifacts';
import { isHanCodePoint } from './han';
import {
  numberedFromMarked,
  pushNoReadings,
  registerPinyinProReader,
  type PinyinOptions,
  type WordNumbers,
} from './pinyin';
import { NOT_A_WORD, type Lexicon } from './segment';

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
  const known = words ? wordKindsOf(words.lexicon) : null;
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
      pushNoReadings(text, start, end, readings);
      continue;
    }
    // A lexicon word is found by its number, without cutting it out of the text and hashing it.
    const number = words?.numbers[b] ?? NOT_A_WORD;
    if (number !== NOT_A_WORD && known) {
      const kind = known.kinds[number];
      if (kind === SAME_AS_CHARS) {
        for (let i = start; i < end; i++) readings.push(charReading(text, i));
        continue;
      }
      let own = kind === OWN_READINGS ? known.own.get(number) : undefined;
      if (own === undefined) {
        own = readWordAlone(text.slice(start, end));
        if (sameAsChars(text, start, end, own)) {
          known.kinds[number] = SAME_AS_CHARS;
        } else {
          known.kinds[number] = OWN_READINGS;
          known.own.set(number, own);
        }
      }
      for (let k = 0; k < own.length; k++) readings.push(own[k] as string);
      continue;
    }
    const word = text.slice(start, end);
    let cached = wordCache.get(word);
    if (cached === undefined) {
      cached = readWordAlone(word);
      if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
      wordCache.set(word, cached);
    }
    for (let k = 0; k < cached.length; k++) readings.push(cached[k] as string);
  }
  return readings;
}

/** `WordKinds.kinds` (0: the word was not met yet): read as its characters are read alone (most words: 经济, 中国 …). */
const SAME_AS_CHARS = 1;
/** Read otherwise (银行 háng, not 行 xíng): its readings are in `own`. */
const OWN_READINGS = 2;

/**
 * What pinyin-pro said of each lexicon word, by word number, learnt on first meeting (bounded by
 * the lexicon). A byte per word says whether the word reads as its characters do: then its
 * readings come from the per-character cache, which the page's common characters keep hot,
 * instead of from an array of its own somewhere in the heap (a cache miss or two for each of a
 * page's words, which made this the costliest step after segmentation).
 */
interface WordKinds {
  /** 0 (not met yet), SAME_AS_CHARS or OWN_READINGS for each word number. */
  kinds: Uint8Array;
  readonly own: Map<number, readonly string[]>;
}

const byLexicon = new WeakMap<Lexicon, WordKinds>();

function wordKindsOf(lexicon: Lexicon): WordKinds {
  let table = byLexicon.get(lexicon);
  if (!table) byLexicon.set(lexicon, (table = { kinds: new Uint8Array(0), own: new Map() }));
  if (table.kinds.length < lexicon.size) {
    // Words can be added to a lexicon later (glossary and personal terms).
    const grown = new Uint8Array(Math.max(lexicon.size, table.kinds.length * 2));
    grown.set(table.kinds);
    table.kinds = grown;
  }
  return table;
}

/** Whether `own` (a word's readings) are its characters' readings alone, text[start, end). */
function sameAsChars(text: string, start: number, end: number, own: readonly string[]): boolean {
  if (own.length !== end - start) return false; // A character outside the BMP.
  for (let i = start; i < end; i++) {
    if (own[i - start] !== charReading(text, i)) return false;
  }
  return true;
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

registerPinyinProReader({ readingsOf, readingsByWord });
setTonelessReadings((char) => polyphonic(char, { toneType: 'none', type: 'array' })[0] ?? []);
