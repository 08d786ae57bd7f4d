/**
 * Dictionary lookups as the word popup needs them: the longest word starting at the pointer,
 * then the shorter words starting there (经济体制 → 经济 → 经), each entry with its classifiers
 * and cross-references resolved, and a character-by-character breakdown.
 */
import type { CedictEntry } from './cedict-format';
import {
  parseClassifiers,
  parseCrossReference,
  type CitedWord,
  type CrossReference,
} from './sense-parts';

/** Longest word the popup looks for; CC-CEDICT has longer entries, but not among news words. */
export const MAX_LOOKUP_LENGTH = 16;

/** A dictionary entry ready for display. */
export interface EntryView {
  readonly traditional: string;
  readonly simplified: string;
  /** CC-CEDICT numbered pinyin, e.g. `jing1 ji4`. */
  readonly pinyin: string;
  /** Senses other than classifiers. */
  readonly senses: string[];
  readonly classifiers: CitedWord[];
  /** Cross-references with the target's own senses, so "variant of X" shows what X means. */
  readonly references: ResolvedReference[];
}

export interface ResolvedReference extends CrossReference {
  readonly senses: string[];
}

export interface WordMatch {
  /** The simplified word looked up. */
  readonly word: string;
  readonly entries: EntryView[];
  /** For multi-character words: each character's first entry, briefly. */
  readonly characters: { char: string; pinyin: string; senses: string[] }[];
}

/** How the lookup reaches the dictionary: all entries whose simplified headword is `word`. */
export type FindEntries = (word: string) => CedictEntry[];

/** Senses shown per character in the breakdown; the popup is a glance, not the full entry. */
const BREAKDOWN_SENSES = 3;

/**
 * Looks up the words starting at the beginning of `text` (simplified, artefact-free), longest
 * first. `preferred` (the word as reading mode segmented it) is moved to the front, so the popup
 * and the ruby agree.
 */
export function lookupWords(text: string, find: FindEntries, preferred?: string): WordMatch[] {
  const codePoints = Array.from(text.slice(0, MAX_LOOKUP_LENGTH * 2)).slice(0, MAX_LOOKUP_LENGTH);
  const matches: WordMatch[] = [];
  for (let length = codePoints.length; length >= 1; length--) {
    const word = codePoints.slice(0, length).join('');
    const entries = find(word);
    if (entries.length === 0) continue;
    matches.push({
      word,
      entries: entries.map((entry) => viewEntry(entry, find)),
      characters: length > 1 ? breakdown(codePoints.slice(0, length), find) : [],
    });
  }
  if (preferred) {
    const index = matches.findIndex((m) => m.word === preferred);
    if (index > 0) matches.unshift(...matches.splice(index, 1));
  }
  return matches;
}

function viewEntry(entry: CedictEntry, find: FindEntries): EntryView {
  const senses: string[] = [];
  const classifiers: CitedWord[] = [];
  const references: ResolvedReference[] = [];
  for (const sense of entry.senses) {
    const cls = parseClassifiers(sense);
    if (cls) {
      classifiers.push(...cls);
      continue;
    }
    senses.push(sense);
    const reference = parseCrossReference(sense);
    if (reference) references.push({ ...reference, senses: resolve(reference, find) });
  }
  return {
    traditional: entry.traditional,
    simplified: entry.simplified,
    pinyin: entry.pinyin,
    senses,
    classifiers,
    references,
  };
}

/** The target's senses (its entry with the cited reading when there are several). */
function resolve(reference: CrossReference, find: FindEntries): string[] {
  const candidates = find(reference.simplified);
  const wanted = reference.pinyin.toLowerCase();
  const chosen = candidates.find((c) => c.pinyin.toLowerCase() === wanted) ?? candidates[0];
  // Do not follow a chain of references: the target's own references are shown as text.
  return chosen ? chosen.senses.filter((s) => !s.startsWith('CL:')) : [];
}

function breakdown(chars: string[], find: FindEntries): WordMatch['characters'] {
  return chars.map((char) => {
    const entry = find(char)[0];
    return {
      char,
      pinyin: entry?.pinyin ?? '',
      senses: entry
        ? entry.senses.filter((s) => !s.startsWith('CL:')).slice(0, BREAKDOWN_SENSES)
        : [],
    };
  });
}
