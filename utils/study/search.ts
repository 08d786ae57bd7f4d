/**
 * Searching, filtering and sorting the vocabulary on the review page. Search keys are built once
 * per row (`indexVocabulary`), so a keystroke over 10,000 words is a pass of substring tests.
 * A query is hanzi (simplified or traditional), pinyin with tone marks, tone numbers or no tones
 * (spaces optional), or English words of the definition.
 */
import type { VocabularyRecord, VocabularyStatus } from '../db/schema';
import { formatCedictSyllable } from '../dict/format-pinyin';
import { formatReading } from '../zh/pinyin';

const HAN = /\p{Script=Han}/u;
const TONE_MARKS = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;

/** Lower case, NFC, ü and u: and v all as `v`, no spaces or apostrophes. */
function squash(pinyin: string): string {
  return pinyin
    .normalize('NFC')
    .toLowerCase()
    .replace(/u:|ü/g, 'v')
    .replace(/[\s'’·-]+/g, '');
}

/** Tone marks removed, ü kept (`lǜ sè` → `lü se`). */
function stripTones(marked: string): string {
  return marked
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0304\u030c]/g, '')
    .normalize('NFC');
}

/** Search keys of one row. */
export interface IndexedWord {
  readonly row: VocabularyRecord;
  readonly hanzi: string;
  /** Tone-marked pinyin, squashed: `jīngjì`. */
  readonly toned: string;
  /** Toneless pinyin, squashed, ü as v: `jingji`, `lvse`. */
  readonly toneless: string;
  /** The same with ü as u, as most people type it without a v key: `luse`. */
  readonly tonelessU: string;
  readonly english: string;
  /** Hostnames of the pages the word was met on. */
  readonly sites: ReadonlySet<string>;
}

/** Builds the search keys of every row (once per change of the rows). Syllables repeat across
 * words (about 1,500 distinct in CC-CEDICT), so each is converted once. */
export function indexVocabulary(rows: readonly VocabularyRecord[]): IndexedWord[] {
  const syllables = new Map<string, { toned: string; toneless: string }>();
  const keysOf = (syllable: string) => {
    let keys = syllables.get(syllable);
    if (keys === undefined) {
      const marked = formatCedictSyllable(syllable);
      keys = { toned: squash(marked).replace(/v/g, 'ü'), toneless: squash(stripTones(marked)) };
      syllables.set(syllable, keys);
    }
    return keys;
  };
  return rows.map((row) => {
    let toned = '';
    let toneless = '';
    for (const syllable of row.pinyin.split(' ')) {
      const keys = keysOf(syllable);
      toned += keys.toned;
      toneless += keys.toneless;
    }
    return {
      row,
      hanzi: `${row.word}\u0000${row.traditional}`,
      toned,
      toneless,
      tonelessU: toneless.replace(/v/g, 'u'),
      english: row.definition.toLowerCase(),
      sites: new Set(row.contexts.map((c) => hostOf(c.url))),
    };
  });
}

/** How a query is compared; exported for tests. */
export type QueryMatcher = (word: IndexedWord) => boolean;

/** The matcher for what a reader typed. An empty query matches everything. */
export function matchQuery(query: string): QueryMatcher {
  const q = query.trim();
  if (!q) return () => true;
  if (HAN.test(q)) return (w) => w.hanzi.includes(q);
  const lower = q.toLowerCase();
  if (/[1-5]/.test(q) && /^[a-zü:v\s'1-5]+$/i.test(q)) {
    // Tone numbers: `jing1ji4`, `jing1 ji4`: mark each numbered syllable, then compare toned.
    const marked = squash(
      q
        .toLowerCase()
        .replace(/([a-zü:v]+?)([1-5])/g, (_, letters: string, tone: string) =>
          formatReading(`${letters.replace(/u:|ü/g, 'v')}${tone}`, 'mark'),
        ),
    ).replace(/v/g, 'ü');
    return (w) => w.toned.includes(marked);
  }
  if (TONE_MARKS.test(lower.normalize('NFC'))) {
    const toned = squash(lower).replace(/v/g, 'ü');
    return (w) => w.toned.includes(toned);
  }
  // Letters only: toneless pinyin (spaces optional) or English words.
  const toneless = squash(lower);
  return (w) =>
    w.toneless.includes(toneless) || w.tonelessU.includes(toneless) || w.english.includes(lower);
}

export interface VocabularyFilter {
  query: string;
  status: VocabularyStatus | 'all';
  tag: string;
  site: string;
  /** Inclusive epoch-millisecond bounds on when the word was last seen; null for open ends. */
  from: number | null;
  to: number | null;
}

export const EMPTY_FILTER: VocabularyFilter = {
  query: '',
  status: 'all',
  tag: '',
  site: '',
  from: null,
  to: null,
};

export type SortKey = 'lastSeen' | 'firstSeen' | 'word' | 'pinyin' | 'timesSaved' | 'due';

export interface SortOrder {
  key: SortKey;
  descending: boolean;
}

/** The rows passing the filter, sorted. */
export function filterVocabulary(
  words: readonly IndexedWord[],
  filter: VocabularyFilter,
  sort: SortOrder,
): VocabularyRecord[] {
  const matches = matchQuery(filter.query);
  const out: IndexedWord[] = [];
  for (const w of words) {
    const row = w.row;
    if (filter.status !== 'all' && row.status !== filter.status) continue;
    if (filter.tag && !row.tags.includes(filter.tag)) continue;
    if (filter.site && !w.sites.has(filter.site)) continue;
    if (filter.from !== null && row.lastSeen < filter.from) continue;
    if (filter.to !== null && row.firstSeen > filter.to) continue;
    if (!matches(w)) continue;
    out.push(w);
  }
  const compare = comparator(sort.key);
  out.sort((a, b) => (sort.descending ? compare(b, a) : compare(a, b)));
  return out.map((w) => w.row);
}

const collator = new Intl.Collator('zh-Hans-CN');

function comparator(key: SortKey): (a: IndexedWord, b: IndexedWord) => number {
  switch (key) {
    case 'word':
      return (a, b) => collator.compare(a.row.word, b.row.word);
    case 'pinyin':
      return (a, b) => (a.toneless < b.toneless ? -1 : a.toneless > b.toneless ? 1 : 0);
    case 'due':
      return (a, b) => a.row.card.due - b.row.card.due;
    default:
      return (a, b) => a.row[key] - b.row[key];
  }
}

/** Every tag and every site in use, sorted, for the filter menus. */
export function facetsOf(words: readonly IndexedWord[]): { tags: string[]; sites: string[] } {
  const tags = new Set<string>();
  const sites = new Set<string>();
  for (const w of words) {
    for (const tag of w.row.tags) tags.add(tag);
    for (const site of w.sites) if (site) sites.add(site);
  }
  return { tags: [...tags].sort(), sites: [...sites].sort() };
}

/** The hostname of an http(s) URL, '' for anything else. A pattern rather than `new URL`: it
 * runs for every context of every word when the table loads. */
export function hostOf(url: string): string {
  return /^https?:\/\/(?:[^/?#@]*@)?([^/?#:]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
}
