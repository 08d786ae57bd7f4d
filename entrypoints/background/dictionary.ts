/**
 * CC-CEDICT in the background: the compiled file is fetched on the first lookup and kept as one
 * string (about 18 MB in memory), searched by binary search over its sorted lines; nothing is
 * parsed up front, so a cold worker answers its first lookup quickly. If the worker is stopped,
 * the next lookup simply loads it again.
 */
import { fetchPackagedText } from './packaged-file';
import { loadOnce } from '../../utils/load-once';
import {
  CEDICT_FILE_NAME,
  findCedictEntries,
  type CedictEntry,
} from '../../utils/dict/cedict-format';
import { lookupWords, type FindEntries, type WordMatch } from '../../utils/dict/lookup';
import { lookupKey } from '../../utils/dict/lookup-key';
import { loadTonelessReadings } from './reading-file';
import {
  buildSearchIndex,
  searchDictionary,
  type SearchIndex,
  type SearchResult,
} from '../../utils/dict/search';

/** Small cache: popups look up the same few words again and again while a reader moves about. */
const cache = new Map<string, CedictEntry[]>();
const CACHE_LIMIT = 2000;

const loadDictionary = loadOnce(() =>
  fetchPackagedText(`/dict/${CEDICT_FILE_NAME}` as const, 'dictionary'),
);

/** Entries by simplified headword, through the small cache. */
function finder(dictionary: string): (word: string) => CedictEntry[] {
  return (word) => {
    let entries = cache.get(word);
    if (!entries) {
      entries = findCedictEntries(dictionary, word);
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? '');
      cache.set(word, entries);
    }
    return entries;
  };
}

/** Looks up the words at the start of `text` (simplified, artefact-free), longest first. */
export async function lookupInDictionary(text: string, preferred?: string): Promise<WordMatch[]> {
  return lookupWords(text, finder(await loadDictionary()), preferred);
}

/** A page's lookup: the text from the word under the pointer on, as the page shows it (either
 * script, inline-pinyin artefacts), and the word reading mode drew there. */
export interface ShownTextLookup {
  readonly text: string;
  readonly preferred?: string;
}

/** Looks up the words at the start of text as a page shows it, longest first. */
export async function lookupShownText(lookup: ShownTextLookup): Promise<WordMatch[]> {
  const [dictionary] = await Promise.all([loadDictionary(), loadTonelessReadings()]);
  return lookupShown(lookup, finder(dictionary));
}

/** Many lookups at once (the popup's prefetch of a paragraph), answered in the order asked. */
export async function lookupShownTextBatch(
  lookups: readonly ShownTextLookup[],
): Promise<WordMatch[][]> {
  const [dictionary] = await Promise.all([loadDictionary(), loadTonelessReadings()]);
  const find = finder(dictionary);
  return lookups.map((lookup) => lookupShown(lookup, find));
}

function lookupShown({ text, preferred }: ShownTextLookup, find: FindEntries): WordMatch[] {
  const key = lookupKey(text);
  if (!key) return [];
  return lookupWords(key, find, preferred ? lookupKey(preferred) || undefined : undefined);
}

let searchIndex: SearchIndex | null = null;

/** Searches by hanzi, pinyin or English; the index is built on the first search (~0.4 s). */
export async function searchInDictionary(query: string): Promise<SearchResult> {
  searchIndex ??= buildSearchIndex(await loadDictionary());
  return searchDictionary(searchIndex, query);
}
