/**
 * Dictionary search for the search box: hanzi (simplified or traditional), pinyin with or
 * without tones (`xinzhi`, `xin1 zhi4`, `xīnzhì`), or English. The index is built on the first
 * search from the compiled file (one pass, compact arrays); lookups under the pointer never need
 * it and never wait for it.
 */
import { parseCedictLine, type CedictEntry } from './cedict-format';

export interface SearchIndex {
  /** Every entry line, in file order (sorted by simplified headword). */
  readonly lines: string[];
  /** Per line: the toneless pinyin without spaces (`xinzhi`) and its tones in order without
   * the neutral tone (`14`), so `xin1 zhi4`, `xīnzhì` and `xinzhi` can all be compared. */
  readonly toneless: string[];
  readonly tones: string[];
  /** Per line: the senses in lower case, for English search. */
  readonly english: string[];
  /** Per line: the simplified headword (the file is sorted by it). */
  readonly simplified: string[];
}

export type QueryKind = 'hanzi' | 'pinyin' | 'english';

export interface SearchResult {
  readonly kind: QueryKind;
  readonly entries: CedictEntry[];
}

/** Results returned at most; a search box shows a screenful. */
export const MAX_RESULTS = 50;

const TONE_MARKS: Record<string, [string, string]> = {
  ā: ['a', '1'],
  á: ['a', '2'],
  ǎ: ['a', '3'],
  à: ['a', '4'],
  ē: ['e', '1'],
  é: ['e', '2'],
  ě: ['e', '3'],
  è: ['e', '4'],
  ī: ['i', '1'],
  í: ['i', '2'],
  ǐ: ['i', '3'],
  ì: ['i', '4'],
  ō: ['o', '1'],
  ó: ['o', '2'],
  ǒ: ['o', '3'],
  ò: ['o', '4'],
  ū: ['u', '1'],
  ú: ['u', '2'],
  ǔ: ['u', '3'],
  ù: ['u', '4'],
  ǖ: ['v', '1'],
  ǘ: ['v', '2'],
  ǚ: ['v', '3'],
  ǜ: ['v', '4'],
  ü: ['v', ''],
};

/** Builds the search index from the compiled dictionary text. */
export function buildSearchIndex(text: string): SearchIndex {
  const lines: string[] = [];
  const toneless: string[] = [];
  const tones: string[] = [];
  const english: string[] = [];
  const simplified: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split('\t');
    const pinyin = (fields[2] ?? '').toLowerCase().replaceAll('u:', 'v');
    lines.push(line);
    toneless.push(pinyin.replace(/[1-5 ]/g, ''));
    tones.push(pinyin.replace(/[^1-4]/g, ''));
    english.push((fields[3] ?? '').toLowerCase());
    simplified.push(fields[1] ?? '');
  }
  return { lines, toneless, tones, english, simplified };
}

/** What a query is: Chinese characters, pinyin (each syllable valid-looking), or English. */
export function classifyQuery(query: string): QueryKind {
  if (/[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{323af}]/u.test(query)) return 'hanzi';
  const normalized = normalizePinyinQuery(query);
  // Tone digits or marks make it pinyin; plain letters are pinyin when they split into
  // syllables. Words that are both (e.g. "man") are searched both ways.
  if (normalized.tones !== null && looksLikePinyin(normalized.toneless)) return 'pinyin';
  return /^[a-zü:\s]+$/i.test(query) && looksLikePinyin(normalized.toneless) ? 'pinyin' : 'english';
}

/** Searches the index, best matches first. */
export function searchDictionary(index: SearchIndex, query: string): SearchResult {
  const trimmed = query.trim();
  if (trimmed === '') return { kind: 'english', entries: [] };
  const kind = classifyQuery(trimmed);
  let ranked: number[];
  if (kind === 'hanzi') ranked = rankHanzi(index, trimmed);
  else if (kind === 'pinyin') {
    ranked = rankPinyin(index, trimmed);
    // A query like "ren" or "man" is also an English word: add English hits after pinyin hits.
    if (!/[1-5āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/.test(trimmed))
      ranked = unique([...ranked, ...rankEnglish(index, trimmed)]);
  } else ranked = rankEnglish(index, trimmed);
  const entries = ranked
    .slice(0, MAX_RESULTS)
    .map((i) => parseCedictLine(index.lines[i] ?? ''))
    .filter((e): e is CedictEntry => e !== null);
  return { kind, entries };
}

function rankHanzi(index: SearchIndex, query: string): number[] {
  const scored: [number, number][] = [];
  index.lines.forEach((line, i) => {
    const tab1 = line.indexOf('\t');
    const tab2 = line.indexOf('\t', tab1 + 1);
    const traditional = line.slice(0, tab1);
    const simplified = line.slice(tab1 + 1, tab2);
    let score: number;
    if (simplified === query || traditional === query) score = 0;
    else if (simplified.startsWith(query) || traditional.startsWith(query)) score = 1;
    else if (simplified.includes(query) || traditional.includes(query)) score = 2;
    else return;
    scored.push([score, i]);
  });
  return byScore(index, scored);
}

function rankPinyin(index: SearchIndex, query: string): number[] {
  const { toneless, tones } = normalizePinyinQuery(query);
  const scored: [number, number][] = [];
  for (let i = 0; i < index.lines.length; i++) {
    const key = index.toneless[i] ?? '';
    let score: number;
    if (key === toneless) score = 0;
    else if (key.startsWith(toneless)) score = 1;
    else continue;
    // Tones given: only entries whose tones agree (xin1 zhi4 is not xìnzhǐ).
    if (tones !== null && !(index.tones[i] ?? '').startsWith(tones)) continue;
    scored.push([score, i]);
  }
  return byScore(index, scored);
}

function rankEnglish(index: SearchIndex, query: string): number[] {
  const needle = query.toLowerCase();
  const word = new RegExp(`(^|[^a-z])${escapeRegExp(needle)}($|[^a-z])`);
  const scored: [number, number][] = [];
  index.english.forEach((senses, i) => {
    const at = senses.indexOf(needle);
    if (at < 0) return;
    let score: number;
    const first = senses.split('/')[0] ?? '';
    if (first === needle) score = 0;
    else if (senses.split('/').includes(needle)) score = 1;
    else if (word.test(first)) score = 2;
    else if (word.test(senses)) score = 3;
    else score = 4;
    scored.push([score * 1000 + Math.min(senses.length, 999), i]);
  });
  return byScore(index, scored);
}

/** Query pinyin as the index compares it: toneless letters (ü as v) and, when the query gives
 * any, its tones in order without the neutral tone. */
export function normalizePinyinQuery(query: string): { toneless: string; tones: string | null } {
  let toneless = '';
  let tones = '';
  for (const ch of query.toLowerCase().replaceAll('u:', 'v').normalize('NFC')) {
    const marked = TONE_MARKS[ch];
    if (marked) {
      toneless += marked[0];
      tones += marked[1];
    } else if (/[1-4]/.test(ch)) tones += ch;
    else if (/[a-z]/.test(ch)) toneless += ch;
    // Spaces, apostrophes (xi'an) and the neutral tone's 5 carry no letters or tones.
  }
  return { toneless, tones: tones === '' ? null : tones };
}

function looksLikePinyin(letters: string): boolean {
  // Greedy split into syllable-shaped pieces; English words usually fail somewhere.
  return /^((zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(iong|iang|uang|iao|ian|uai|uan|ang|eng|ing|ong|ian|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|ve|ue|er|a|o|e|i|u|v)(?![aeiouv]))+$/.test(
    letters,
  );
}

/** Headwords starting with `word`, by binary search over the sorted simplified column. */
function compoundCount(index: SearchIndex, word: string): number {
  if (!word) return 0;
  return lowerBound(index.simplified, `${word}\uffff`) - lowerBound(index.simplified, word);
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? '') < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Orders [score, line] pairs: by score (match quality, then length), and within equal scores by
 * commonness. CC-CEDICT has no word frequencies; how many headwords begin with a word is a usable
 * stand-in: common words (经济) start many compounds, rare ones (京畿) few.
 */
function byScore(index: SearchIndex, scored: [number, number][]): number[] {
  const compounds = new Map<number, number>();
  const commonness = (line: number): number => {
    let count = compounds.get(line);
    if (count === undefined) {
      count = compoundCount(index, index.simplified[line] ?? '');
      compounds.set(line, count);
    }
    return count;
  };
  return scored
    .sort((a, b) => a[0] - b[0] || commonness(b[1]) - commonness(a[1]) || a[1] - b[1])
    .map(([, line]) => line);
}

function unique(items: number[]): number[] {
  return [...new Set(items)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
