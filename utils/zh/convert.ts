/**
 * Simplified ⇄ traditional conversion with opencc-js's own dictionaries and matching rules, but
 * keeping an offset map, so converted text still points at the text it came from.
 *
 * opencc-js converts a string into a string. We rebuild its pipeline (normalisation, optional
 * segmentation, then a chain of longest-match tries) on its exported `Trie`, recording for every
 * replacement which source range it came from. The conformance script checks that the text we
 * produce is exactly what opencc-js produces on OpenCC's own test cases.
 */
import { Trie } from 'opencc-js/core';
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
 * needs them: `opencc-all.ts` everywhere but on web pages, where the reader asks the background
 * for the few a traditional display needs (reader-session.ts).
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
const trieCache = new Map<string, Trie>();

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
  let stages: Trie[] | null = null;
  let normalizers: Trie[] | null = null;
  let segmenter: Trie | null | undefined;
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
function convertWithTrie(trie: Trie, text: string): MappedText {
  const pieces: Piece[] = [];
  const root = (trie as unknown as { map: TrieNode }).map;
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

/** opencc-js's trie node: a Map from code point to child, with the replacement on the node. */
type TrieNode = Map<number, TrieNode> & { trie_val?: string };

/** The value of the last `matchEnd` that found a match (a module variable: no object per call). */
let matched = '';

/** opencc-js's `Trie.matchPrefix` without allocating: the end of the longest match at `i` (0 if
 * none), its replacement left in `matched`. */
function matchEnd(root: TrieNode, text: string, i: number): number {
  let node = root;
  let end = 0;
  for (let j = i; j < text.length;) {
    const cp = text.codePointAt(j) as number;
    j += cp > 0xffff ? 2 : 1;
    const next = node.get(cp);
    if (next === undefined) break;
    node = next;
    const value = node.trie_val;
    if (value !== undefined) {
      end = j;
      matched = value;
    }
  }
  return end;
}

/** opencc-js's segmentation: dictionary matches, with the unmatched runs between them. */
function segmentSpans(trie: Trie, text: string): (readonly [number, number])[] {
  const spans: [number, number][] = [];
  let unmatchedStart = -1;
  for (let i = 0; i < text.length;) {
    const match = trie.matchPrefix(text, i);
    if (match) {
      if (unmatchedStart >= 0) {
        spans.push([unmatchedStart, i]);
        unmatchedStart = -1;
      }
      spans.push([i, match.end]);
      i = match.end;
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

function getTrie(group: NamedGroup): Trie {
  const key = group.join(',');
  let trie = trieCache.get(key);
  if (!trie) {
    const texts = group.map((name) => {
      const text = dictionaries.get(name);
      // A programming error, not a page's: the caller converts before loading what it needs.
      if (text === undefined) throw new Error(`opencc dictionary ${name} is not loaded`);
      return text;
    });
    trie = new Trie();
    trie.loadDictGroup(texts);
    trieCache.set(key, trie);
  }
  return trie;
}
