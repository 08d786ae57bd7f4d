/**
 * Dictionary word segmentation of simplified Chinese, for the ruby, the word under the cursor and
 * the saved word (one segmentation drives all three). Pure TypeScript: the lexicon is a parameter
 * so the content script, the background and the CLI can each hold it where it costs least.
 *
 * Offsets and lengths are UTF-16 code units, the unit of every offset in `analyze`.
 */

const ROOT = 0;
const NO_NODE = -1;
/** `parents` value of a free slot; real entries hold parent + 1 (≥ 1). */
const FREE = 0;
const INITIAL_CAPACITY = 1024;
/**
 * At most 3/4 full: the full CC-CEDICT list then fits 2^18 slots (61% full, 2.8 MiB); half full
 * would double the memory for about 10% more speed.
 */
const MAX_LOAD = 0.75;
const UNREACHED = 0x7fffffff;
/** `words` value of a node that ends no word. */
export const NOT_A_WORD = -1;

/**
 * A set of words stored as a trie whose edges live in one open-addressing hash table keyed by
 * (parent node, UTF-16 code unit). A node's id is the slot that holds its incoming edge, so the
 * whole trie is a few flat typed arrays: about 14 bytes a slot, no object per node, nothing for
 * the garbage collector to trace. A trie of Maps costs tens of bytes per node and a Set of every
 * prefix would make the segmenter allocate a substring per probe.
 *
 * Every step of a walk from the root is a direct array read (`firstLevel`, one slot per code
 * unit): the segmenter takes that step at every position of the text, and most walks end after
 * one or two more. Keys and hashes are 32-bit integers, which V8 keeps unboxed.
 *
 * Each word gets a number (0, 1, 2… in the order added), so callers can keep data per word in
 * plain arrays (`analyze` keeps each word's readings that way) without cutting the word out of
 * the text.
 */
export class Lexicon {
  /** Parent node + 1 of the edge in each slot; FREE (0) marks a free slot. */
  private parents: Int32Array;
  /** Code unit of the edge in each slot. */
  private units: Uint16Array;
  /** Word number of the node in each slot, NOT_A_WORD where the path spells no whole word. */
  private words: Int32Array;
  /** The root's child for each code unit, NO_NODE if none. */
  private firstLevel: Int32Array;
  /**
   * A one-hash Bloom filter of the edges: bit `hashEdge(node, unit)` (its high bits) is set for
   * every edge in the table. Every walk ends where the text leaves the trie, and an unsuccessful
   * probe of the hash table is its longest step (about four slots at this load); with a few
   * percent of the filter's bits set, the walk nearly always stops after one read of a table
   * that stays in cache. Packed with the table (a page would spend milliseconds rebuilding it).
   */
  private edgeFilter: Int32Array;
  private mask: number;
  private nodeCount = 1;
  private wordCount = 0;
  private longest = 0;

  constructor(words: Iterable<string> = []) {
    const capacity = initialCapacity(words);
    this.parents = new Int32Array(capacity);
    this.units = new Uint16Array(capacity);
    this.words = new Int32Array(capacity).fill(NOT_A_WORD);
    this.firstLevel = new Int32Array(65536).fill(NO_NODE);
    this.edgeFilter = new Int32Array(FILTER_WORDS);
    this.mask = capacity - 1;
    // The root's slot is taken (parent -1 + 1 = 0 would read as free, so it gets a sentinel that
    // no real parent + 1 equals).
    this.parents[ROOT] = -1;
    this.addWords(words);
  }

  /** Length of the longest word in code units: no match can be longer, so walks stop there. */
  get maxWordLength(): number {
    return this.longest;
  }

  /** Number of distinct words; word numbers run from 0 to size - 1. */
  get size(): number {
    return this.wordCount;
  }

  /** Adds words, e.g. glossary terms after the dictionary; malformed or empty strings are skipped. */
  addWords(words: Iterable<string>): void {
    for (const word of words) this.addWord(word);
  }

  /** Adds one word; false when it was already there or cannot be a word (empty, lone surrogate). */
  addWord(word: string): boolean {
    if (word === '' || !isWellFormed(word)) return false;
    let node = ROOT;
    for (let i = 0; i < word.length; i++) node = this.insertChild(node, word.charCodeAt(i));
    if (this.words[node] !== NOT_A_WORD) return false;
    this.words[node] = this.wordCount++;
    if (word.length > this.longest) this.longest = word.length;
    return true;
  }

  /** Whether the exact string is a word. */
  has(word: string): boolean {
    return this.wordNumber(word) !== NOT_A_WORD;
  }

  /** The word's number, NOT_A_WORD if it is not in the lexicon. */
  wordNumber(word: string): number {
    let node = ROOT;
    for (let i = 0; i < word.length && node >= 0; i++) node = this.child(node, word.charCodeAt(i));
    return node > ROOT ? (this.words[node] as number) : NOT_A_WORD;
  }

  /**
   * Writes into `out` the end offset of every word that starts at `start` and ends at or before
   * `limit`, shortest first, and into `numbers` (when given) each one's word number; returns how
   * many. Both need `maxWordLength` slots. Allocates nothing, so the segmenter can call it at
   * every position.
   */
  matchWordEnds(
    text: string,
    start: number,
    limit: number,
    out: Int32Array,
    numbers?: Int32Array,
  ): number {
    const stop = Math.min(limit, start + this.longest);
    if (start >= stop) return 0;
    let node = this.firstLevel[text.charCodeAt(start)] as number;
    if (node === NO_NODE) return 0;
    const parents = this.parents;
    const units = this.units;
    const words = this.words;
    const mask = this.mask;
    const filter = this.edgeFilter;
    let count = 0;
    let word = words[node] as number;
    if (word !== NOT_A_WORD) {
      if (numbers) numbers[count] = word;
      out[count++] = start + 1;
    }
    for (let i = start + 1; i < stop; i++) {
      // Inlined `child()`: this loop is the segmenter's hot path.
      const unit = text.charCodeAt(i);
      const hash = hashEdge(node, unit);
      if (((filter[hash >>> FILTER_SHIFT] as number) & (1 << (hash & 31))) === 0) return count;
      const parent = node + 1;
      let slot = hash & mask;
      let found: number;
      while ((found = parents[slot] as number) !== parent || units[slot] !== unit) {
        if (found === FREE) return count;
        slot = (slot + 1) & mask;
      }
      node = slot;
      word = words[node] as number;
      if (word !== NOT_A_WORD) {
        if (numbers) numbers[count] = word;
        out[count++] = i + 1;
      }
    }
    return count;
  }

  private child(node: number, unit: number): number {
    if (node === ROOT) return this.firstLevel[unit] as number;
    const parent = node + 1;
    for (let slot = hashEdge(node, unit) & this.mask; ; slot = (slot + 1) & this.mask) {
      const found = this.parents[slot];
      if (found === parent && this.units[slot] === unit) return slot;
      if (found === FREE) return NO_NODE;
    }
  }

  private insertChild(node: number, unit: number): number {
    const existing = this.child(node, unit);
    if (existing !== NO_NODE) return existing;
    if (this.nodeCount + 1 > this.parents.length * MAX_LOAD) node = this.grow(node);
    const slot = this.place(node, unit);
    if (node === ROOT) this.firstLevel[unit] = slot;
    this.nodeCount++;
    return slot;
  }

  /** Puts the edge (node, unit) in the first free slot of its probe sequence. */
  private place(node: number, unit: number): number {
    let slot = hashEdge(node, unit) & this.mask;
    while (this.parents[slot] !== FREE) slot = (slot + 1) & this.mask;
    this.parents[slot] = node + 1;
    this.units[slot] = unit;
    setFilterBit(this.edgeFilter, hashEdge(node, unit));
    return slot;
  }

  /**
   * Doubles the table. Node ids are slot numbers, so every edge is re-keyed with its parent's new
   * id: parents are moved before their children (depth-first through `moved`). Returns the new id
   * of `keep`, the node the caller is about to extend.
   */
  private grow(keep: number): number {
    const oldParents = this.parents;
    const oldUnits = this.units;
    const oldWords = this.words;
    const capacity = oldParents.length * 2;
    this.parents = new Int32Array(capacity);
    this.units = new Uint16Array(capacity);
    this.words = new Int32Array(capacity).fill(NOT_A_WORD);
    this.firstLevel.fill(NO_NODE);
    this.edgeFilter = new Int32Array(FILTER_WORDS);
    this.mask = capacity - 1;
    this.parents[ROOT] = -1;
    const moved = new Int32Array(oldParents.length).fill(NO_NODE);
    moved[ROOT] = ROOT;
    const move = (oldNode: number): number => {
      const done = moved[oldNode] as number;
      if (done !== NO_NODE) return done;
      const parent = move((oldParents[oldNode] as number) - 1);
      const unit = oldUnits[oldNode] as number;
      const slot = this.place(parent, unit);
      if (parent === ROOT) this.firstLevel[unit] = slot;
      this.words[slot] = oldWords[oldNode] as number;
      moved[oldNode] = slot;
      return slot;
    };
    for (let slot = 1; slot < oldParents.length; slot++) {
      if (oldParents[slot] !== FREE) move(slot);
    }
    return moved[keep] as number;
  }
}

/**
 * Sizes the table for a word array up front: growing from small doubles the build time. Shared
 * prefixes make a trie about half as many nodes as the list has code units (CC-CEDICT: 160,781
 * nodes for 299,767 units), so that is the guess; a wrong guess only costs a later `grow`.
 */
function initialCapacity(words: Iterable<string>): number {
  let units = 0;
  if (Array.isArray(words)) for (const word of words as readonly string[]) units += word.length;
  let capacity = INITIAL_CAPACITY;
  while (capacity * MAX_LOAD < units / 2) capacity *= 2;
  return capacity;
}

/** Builds a lexicon from a word list (e.g. `public/dict/words.u8` plus glossary terms). */
export function createLexicon(words: Iterable<string>): Lexicon {
  return new Lexicon(words);
}

/**
 * Splits a run of Han characters into words; returns each word's END offset, ascending, the last
 * being `text.length`. Characters in no lexicon word come out as one-character words, and a
 * surrogate pair is never split.
 *
 * Why this algorithm: without word frequencies, the best cheap rule is to cover the run with as
 * FEW words as possible (dynamic programming over word ends, a shortest path). Ties are broken,
 * in order, by fewer one-character words (研究生命起源 → 研究/生命/起源, not 研究生/命/起源), then by the
 * longest LAST word, which is what backward maximum matching prefers and is right more often
 * than forward matching on Chinese (结婚的和尚未结婚的 → 结婚/的/和/尚未/结婚/的). Greedy forward
 * maximum matching, the usual baseline, makes both mistakes.
 */
export function segmentHanRun(text: string, lexicon: Lexicon): number[] {
  const ends: number[] = [];
  segmentRange(text, 0, text.length, lexicon, ends);
  return ends;
}

/**
 * `segmentHanRun` over text[from, to) of a longer text, without cutting it out: pushes each
 * word's absolute end offset onto `ends` and, when `numbers` is given, the word's number in the
 * lexicon onto it (NOT_A_WORD for a character in no lexicon word).
 */
export function segmentRange(
  text: string,
  from: number,
  to: number,
  lexicon: Lexicon,
  ends: number[],
  numbers?: number[],
): void {
  for (let start = from; start < to;) {
    const end = to - start <= CHUNK ? to : findCut(text, start, to, lexicon);
    segmentSpan(text, start, end, lexicon, ends, numbers);
    start = end;
  }
}

/**
 * Long runs are segmented a chunk at a time so memory stays bounded (12 bytes per code unit of
 * a chunk, reused), even for a page with megabytes of Han text and no punctuation.
 */
const CHUNK = 4096;
/** How far back from a chunk's end to look for a position no word spans. */
const CUT_SEARCH = 256;

/**
 * Where to end the chunk that starts at `start`: a position that no lexicon word spans, so every
 * cover of the run breaks there and cutting changes nothing. If a text is so dense with words
 * that none is found nearby, any character boundary will do (only the words at that seam may
 * differ from an unbounded pass).
 */
function findCut(text: string, start: number, to: number, lexicon: Lexicon): number {
  const target = start + CHUNK;
  const matches = scratchFor(0, lexicon.maxWordLength).matches;
  for (let cut = target; cut > target - CUT_SEARCH; cut--) {
    if (isInsidePair(text, cut)) continue;
    let spanned = false;
    for (let i = Math.max(start, cut - lexicon.maxWordLength + 1); i < cut && !spanned; i++) {
      const count = lexicon.matchWordEnds(text, i, to, matches);
      spanned = count > 0 && (matches[count - 1] as number) > cut;
    }
    if (!spanned) return cut;
  }
  return isInsidePair(text, target) ? target - 1 : target;
}

/** The dynamic programme over text[start, end); pushes absolute word ends onto `ends` (and their
 * word numbers onto `numbers`). */
function segmentSpan(
  text: string,
  start: number,
  end: number,
  lexicon: Lexicon,
  ends: number[],
  numbers: number[] | undefined,
): void {
  const n = end - start;
  const table = scratchFor(n + 1, lexicon.maxWordLength);
  const { words, singles, from, word, matches, matchNumbers } = table;
  words.fill(UNREACHED, 1, n + 1);
  words[0] = 0;
  singles[0] = 0;

  // Table index k stands for text offset start + k.
  for (let k = 0; k < n; k++) {
    const wordsBefore = words[k] as number;
    if (wordsBefore === UNREACHED) continue; // The low half of a surrogate pair.
    const wordsAfter = wordsBefore + 1;
    const singlesBefore = singles[k] as number;
    const step = codePointLength(text, start + k, end);

    // The fallback: the next character as a word of its own (its number, if it is one, is
    // among the matches below).
    relax(table, k + step, wordsAfter, singlesBefore + 1, k, NOT_A_WORD);

    // Processing k in ascending order and replacing only on strict improvement keeps, among
    // equal covers, the one whose last word starts earliest: the longest last word.
    const count = lexicon.matchWordEnds(text, start + k, end, matches, matchNumbers);
    for (let m = 0; m < count; m++) {
      const length = (matches[m] as number) - start - k;
      if (length > step) {
        relax(table, k + length, wordsAfter, singlesBefore, k, matchNumbers[m] as number);
      } else if (length === step && from[k + step] === k) {
        // A one-character word in the lexicon scores as the fallback already did; it only lends
        // its number.
        word[k + step] = matchNumbers[m] as number;
      }
    }
  }

  const first = ends.length;
  const firstNumber = numbers?.length ?? 0;
  for (let k = n; k > 0; k = from[k] as number) {
    ends.push(start + k);
    numbers?.push(word[k] as number);
  }
  reverseFrom(ends, first);
  if (numbers) reverseFrom(numbers, firstNumber);
}

function reverseFrom(values: number[], first: number): void {
  for (let i = first, j = values.length - 1; i < j; i++, j--) {
    const swap = values[i] as number;
    values[i] = values[j] as number;
    values[j] = swap;
  }
}

interface Scratch {
  /** Fewest words covering the first k code units of the span. */
  words: Int32Array;
  /** One-character words in that cover. */
  singles: Int32Array;
  /** Where that cover's last word starts. */
  from: Int32Array;
  /** The lexicon number of that last word (NOT_A_WORD for a lone character). */
  word: Int32Array;
  /** Word ends found from one position, and their word numbers. */
  matches: Int32Array;
  matchNumbers: Int32Array;
}

function relax(
  table: Scratch,
  end: number,
  words: number,
  singles: number,
  start: number,
  word: number,
): void {
  const known = table.words[end] as number;
  if (words < known || (words === known && singles < (table.singles[end] as number))) {
    table.words[end] = words;
    table.singles[end] = singles;
    table.from[end] = start;
    table.word[end] = word;
  }
}

/** Reused buffers, at most CHUNK + 1 long: segmenting allocates only its result. */
let kept: Scratch = makeScratch(256, 32);

function scratchFor(size: number, maxWordLength: number): Scratch {
  if (size <= kept.words.length && maxWordLength <= kept.matches.length) return kept;
  kept = makeScratch(
    Math.max(size, kept.words.length),
    Math.max(maxWordLength, kept.matches.length),
  );
  return kept;
}

function makeScratch(size: number, maxWordLength: number): Scratch {
  return {
    words: new Int32Array(size),
    singles: new Int32Array(size),
    from: new Int32Array(size),
    word: new Int32Array(size),
    matches: new Int32Array(maxWordLength),
    matchNumbers: new Int32Array(maxWordLength),
  };
}

/** True when `offset` falls between the two halves of a surrogate pair. */
function isInsidePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** 2 at the high half of a valid surrogate pair before `end`, else 1 (lone surrogates stand alone). */
function codePointLength(text: string, i: number, end: number): number {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < end) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 2;
  }
  return 1;
}

/** A word with a lone surrogate could match half a pair and split it, so such words are refused. */
function isWellFormed(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const unit = word.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = word.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/** Mixes an edge (parent node, code unit) into a slot number, in 32-bit integer arithmetic. */
/** The edge filter: 2^21 bits (256 KiB), about 8 % set by the full CC-CEDICT list. A filter
 * word is picked by the hash's top 16 bits, the bit in it by its low five (the table's slot
 * uses the low bits too, but a filter hit is followed by the probe that settles it). */
const FILTER_WORDS = 1 << 16;
const FILTER_SHIFT = 16;

function setFilterBit(filter: Int32Array, hash: number): void {
  const word = hash >>> FILTER_SHIFT;
  filter[word] = (filter[word] as number) | (1 << (hash & 31));
}

function hashEdge(node: number, unit: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return h ^ (h >>> 13);
}
