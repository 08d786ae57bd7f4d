/**
 * Simplified ⇄ traditional conversion with opencc-js's own dictionaries and matching rules, but
 * keeping an offset map, so converted text still points at the text it came from.
 *
 * opencc-js converts a string into a string. We rebuild its pipeline (normalisation, optional
 * segmentation, then a chain of longest-match tries) with its matching rules, recording for every
 * replacement which source range it came from. The conformance script checks that the text we
 * produce is exactly what opencc-js produces on OpenCC's own test cases.
 */
import CJK_Compatibility_Ideographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import {
  composeMapped,
  identityMapped,
  mappedFromPieces,
  type MappedText,
  type Piece,
} from './offset-map';
import {
  NAMED_CONFIGS,
  NAMED_FROM,
  NAMED_TO,
  type NamedConversionConfig,
  type NamedGroup,
  type OpenccDictionaryName,
} from './opencc-dictionaries';

/** Script variants opencc knows. `twp` and `hkp` also convert vocabulary (软件 → 軟體). */
export type OpenccLocale = 'cn' | 't' | 'tw' | 'twp' | 'hk' | 'hkp' | 'jp';

export const OPENCC_LOCALES: readonly OpenccLocale[] = ['cn', 't', 'tw', 'twp', 'hk', 'hkp', 'jp'];

/**
 * The dictionaries conversion can use, by name. Only those of traditional → simplified (every
 * traditional paragraph needs them for its matching key, ~46 KB) are bundled with this module;
 * the others (~1.2 MB, the simplified→traditional phrases alone 1 MB) are registered by whoever
 * needs them: `opencc-all.ts` in Node (CLI, benchmarks), and in the extension's background the
 * few a traditional display needs, read from the packaged files when a page first asks for one
 * (entrypoints/background/paragraph-analysis.ts). Web pages convert nothing themselves.
 */
const dictionaries = new Map<OpenccDictionaryName, string>([
  ['CJK_Compatibility_Ideographs', CJK_Compatibility_Ideographs],
  ['TSPhrases', TSPhrases],
  ['TSCharacters', TSCharacters],
]);

/** Makes dictionaries available to conversion (a name registered twice keeps its first text). */
export function registerOpenccDictionaries(
  entries: Partial<Record<OpenccDictionaryName, string>>,
): void {
  for (const [name, text] of Object.entries(entries) as [OpenccDictionaryName, string][]) {
    if (!dictionaries.has(name)) dictionaries.set(name, text);
  }
}

/** The dictionaries a conversion needs that are not registered yet. */
export function missingOpenccDictionaries(
  from: OpenccLocale,
  to: OpenccLocale,
): OpenccDictionaryName[] {
  if (from === to) return [];
  const config = namedConfig(from, to);
  const names = new Set<OpenccDictionaryName>();
  for (const group of [
    ...(config.normalizationChain ?? []),
    ...(config.segmentation ? [config.segmentation] : []),
    ...config.conversionChain,
  ])
    for (const name of group) if (!dictionaries.has(name)) names.add(name);
  return [...names];
}

/** Tries are costly to build (the simplified→traditional phrases take ~275 ms and ~40 MB), so
 * each distinct dictionary group is built once, on first use, and shared by every converter. */
const trieCache = new Map<string, TrieNode>();

export type MappedConverter = (text: string) => MappedText;

const converterCache = new Map<string, MappedConverter>();

/** Returns a converter from one locale to another whose result carries an offset map. */
export function getMappedConverter(from: OpenccLocale, to: OpenccLocale): MappedConverter {
  const key = `${from}>${to}`;
  let converter = converterCache.get(key);
  if (!converter) {
    converter = buildMappedConverter(from, to);
    converterCache.set(key, converter);
  }
  return converter;
}

/** Converts text between locales; the plain-string form of `getMappedConverter`. */
export function convertText(text: string, from: OpenccLocale, to: OpenccLocale): string {
  return getMappedConverter(from, to)(text).text;
}

/** Whether the heavy simplified→traditional tables have been built (for memory accounting). */
export function loadedTrieCount(): number {
  return trieCache.size;
}

function buildMappedConverter(from: OpenccLocale, to: OpenccLocale): MappedConverter {
  if (from === to) return identityMapped;
  return converterFromConfig(namedConfig(from, to));
}

function namedConfig(from: OpenccLocale, to: OpenccLocale): NamedConversionConfig {
  const config = NAMED_CONFIGS[configName(from, to)];
  if (config) return config;
  // No dedicated configuration: chain "from this locale" then "to that locale", as opencc-js does.
  const groups: NamedGroup[] = [];
  if (from !== 't') groups.push(...dictGroupsOf(NAMED_FROM[from], from));
  if (to !== 't') groups.push(...dictGroupsOf(NAMED_TO[to], to));
  return { conversionChain: groups };
}

/** opencc-js's naming of its dedicated configurations (ConverterBuilder's getConfigName). */
function configName(from: OpenccLocale, to: OpenccLocale): string {
  if (from === 'cn') return `s2${to}`;
  if (to === 'cn') {
    if (from === 'hkp') return 'hk2sp';
    return from === 'twp' ? 'tw2sp' : `${from}2s`;
  }
  return `${from}2${to}`;
}

function dictGroupsOf(groups: readonly NamedGroup[] | undefined, locale: string): NamedGroup[] {
  if (!groups) throw new Error(`opencc has no dictionaries for locale "${locale}"`);
  return [...groups];
}

function converterFromConfig(config: NamedConversionConfig): MappedConverter {
  // Tries are resolved lazily so that merely creating a converter costs nothing.
  let stages: TrieNode[] | null = null;
  let normalizers: TrieNode[] | null = null;
  let segmenter: TrieNode | null | undefined;
  return (text: string): MappedText => {
    stages ??= config.conversionChain.map(getTrie);
    normalizers ??= (config.normalizationChain ?? []).map(getTrie);
    if (segmenter === undefined)
      segmenter = config.segmentation ? getTrie(config.segmentation) : null;
    let mapped = identityMapped(text);
    for (const trie of normalizers)
      mapped = composeMapped(mapped, convertWithTrie(trie, mapped.text));
    const segments = segmenter
      ? segmentSpans(segmenter, mapped.text)
      : [[0, mapped.text.length] as const];
    const pieces: Piece[] = [];
    for (const [start, end] of segments) {
      // Matches never cross a segment boundary, exactly as in opencc-js.
      let segment = identityMapped(mapped.text.slice(start, end));
      for (const trie of stages)
        segment = composeMapped(segment, convertWithTrie(trie, segment.text));
      for (const piece of segment.pieces)
        pieces.push({ from: piece.from + start, to: piece.to + start, out: piece.out });
    }
    return composeMapped(mapped, mappedFromPieces(pieces));
  };
}

/**
 * Longest-match replacement over the whole string, recording each replacement's source. Runs of
 * text that keep their length (unmatched text, and the one-for-one replacements that are nearly
 * every conversion: 經 → 经, 乾淨 → 干净) become one piece: inside a length-preserving piece
 * positions map one to one, so merging them loses nothing, and a paragraph becomes a handful of
 * pieces instead of one object per character.
 */
function convertWithTrie(root: TrieNode, text: string): MappedText {
  const pieces: Piece[] = [];
  let runStart = 0;
  let runOut = '';
  // Source text of the run not yet copied into runOut (copied in one slice, not per character).
  let copiedTo = 0;
  for (let i = 0; i < text.length;) {
    const end = matchEnd(root, text, i);
    if (end > 0) {
      const value = matched;
      if (value.length === end - i) {
        if (value !== text.slice(i, end)) {
          runOut += text.slice(copiedTo, i) + value;
          copiedTo = end;
        }
      } else {
        runOut += text.slice(copiedTo, i);
        if (i > runStart) pieces.push({ from: runStart, to: i, out: runOut });
        pieces.push({ from: i, to: end, out: value });
        runStart = copiedTo = end;
        runOut = '';
      }
      i = end;
    } else {
      i += unmatchedLength(text, i);
    }
  }
  runOut += text.slice(copiedTo);
  if (text.length > runStart) pieces.push({ from: runStart, to: text.length, out: runOut });
  return mappedFromPieces(pieces);
}

/**
 * A node of a longest-match trie, as opencc-js's `Trie` but cheaper to build: opencc-js gives
 * every node a Map of its own, and its ~4,000 one-character entries of traditional →
 * simplified made the first traditional paragraph of a page pay several milliseconds for them.
 * Here a leaf is one small object and only nodes with children get a Map.
 */
interface TrieNode {
  next: Map<number, TrieNode> | undefined;
  /** The replacement when a source ends at this node. */
  value: string | undefined;
  /**
   * The root's children by BMP code unit (surrogates excepted), kept as the trie is built: the
   * first step is taken at every position of the text, and an array read is cheaper than hashing
   * into the root's Map of thousands of characters.
   */
  byUnit?: RootIndex;
}

/** A root's children: each code unit's place in `children` + 1 (0: none). Typed, so a page
 * pays next to nothing to make it, where an array of 65,536 slots costs it a millisecond. */
interface RootIndex {
  readonly places: Int32Array;
  readonly children: TrieNode[];
}

/** The value of the last `matchEnd` that found a match (a module variable: no object per call). */
let matched = '';

/** opencc-js's `Trie.matchPrefix` without allocating: the end of the longest match at `i` (0 if
 * none), its replacement left in `matched`. */
function matchEnd(root: TrieNode, text: string, i: number): number {
  let node = root;
  let end = 0;
  let j = i;
  const unit = text.charCodeAt(i);
  const byUnit = root.byUnit;
  if (byUnit && (unit < 0xd800 || unit > 0xdfff)) {
    const place = byUnit.places[unit] as number;
    if (place === 0) return 0;
    const first = byUnit.children[place - 1] as TrieNode;
    node = first;
    j = i + 1;
    if (first.value !== undefined) {
      end = j;
      matched = first.value;
    }
  }
  for (; j < text.length;) {
    const cp = text.codePointAt(j) as number;
    j += cp > 0xffff ? 2 : 1;
    const next = node.next?.get(cp);
    if (next === undefined) break;
    node = next;
    const value = node.value;
    if (value !== undefined) {
      end = j;
      matched = value;
    }
  }
  return end;
}

/** opencc-js's segmentation: dictionary matches, with the unmatched runs between them. */
function segmentSpans(root: TrieNode, text: string): (readonly [number, number])[] {
  const spans: [number, number][] = [];
  let unmatchedStart = -1;
  for (let i = 0; i < text.length;) {
    const end = matchEnd(root, text, i);
    if (end > 0) {
      if (unmatchedStart >= 0) {
        spans.push([unmatchedStart, i]);
        unmatchedStart = -1;
      }
      spans.push([i, end]);
      i = end;
    } else {
      if (unmatchedStart < 0) unmatchedStart = i;
      i += unmatchedLength(text, i);
    }
  }
  if (unmatchedStart >= 0) spans.push([unmatchedStart, text.length]);
  return spans;
}

/** Unmatched text advances by one code point, or by a whole ideographic description sequence
 * (⿰氵每), which opencc-js keeps together. */
function unmatchedLength(text: string, i: number): number {
  const end = idsEnd(text, i);
  return end > i ? end - i : codePointLength(text, i);
}

function codePointLength(text: string, i: number): number {
  return (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}

function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

function idsEnd(text: string, i: number): number {
  const arity = idsArity(text.codePointAt(i) ?? 0);
  if (arity === 0) return 0;
  let end = i + codePointLength(text, i);
  for (let n = 0; n < arity; n++) {
    if (end >= text.length) return 0;
    const child = idsEnd(text, end);
    end = child || end + codePointLength(text, end);
  }
  return end;
}

function getTrie(group: NamedGroup): TrieNode {
  const key = group.join(',');
  let trie = trieCache.get(key);
  if (!trie) {
    trie = {
      next: new Map(),
      value: undefined,
      byUnit: { places: new Int32Array(0x10000), children: [] },
    };
    // As opencc-js's loadDictGroup: the last dictionary first, so where two dictionaries list the
    // same source the earlier one's replacement wins.
    for (let d = group.length - 1; d >= 0; d--) {
      const name = group[d] as OpenccDictionaryName;
      const text = dictionaries.get(name);
      // A programming error, not a page's: the caller converts before loading what it needs.
      if (text === undefined) throw new Error(`opencc dictionary ${name} is not loaded`);
      addEntries(trie, text);
    }
    trieCache.set(key, trie);
  }
  return trie;
}

/**
 * Adds a serialized opencc dictionary (`source target[ other…]|…`) to a trie, as opencc-js's
 * `loadDict` does (the first target of each entry; a later entry replaces an earlier one), but
 * scanning the text in place instead of splitting it into thousands of strings.
 */
function addEntries(root: TrieNode, text: string): void {
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('|', start);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', start);
    if (space < 0 || space > end) throw new TypeError('Invalid opencc dictionary entry');
    let targetEnd = text.indexOf(' ', space + 1);
    if (targetEnd < 0 || targetEnd > end) targetEnd = end;
    let node = root;
    for (let i = start; i < space;) {
      const cp = text.codePointAt(i) as number;
      i += cp > 0xffff ? 2 : 1;
      let next = node.next?.get(cp);
      if (next === undefined) {
        next = { next: undefined, value: undefined };
        (node.next ??= new Map()).set(cp, next);
        // The root's index is kept as children are added (a pass over its Map afterwards cost
        // a page milliseconds, in code not yet optimised).
        if (node === root && root.byUnit && cp <= 0xffff) {
          root.byUnit.children.push(next);
          root.byUnit.places[cp] = root.byUnit.children.length;
        }
      }
      node = next;
    }
    node.value = text.slice(space + 1, targetEnd);
    start = end + 1;
  }
}
