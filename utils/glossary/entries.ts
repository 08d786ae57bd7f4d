/**
 * The glossary: every authored entry (assets/glossary/, one file per group of categories), a
 * lookup by id, every surface form in matching-key form, and the card for any hit.
 *
 * Entries are plain TypeScript objects compiled into the bundle, so nothing is parsed at run
 * time; the index of forms is built on first use (≈1 ms) and kept.
 */
import { diplomacySecurityEntries } from '../../assets/glossary/diplomacy-security';
import { economyEntries } from '../../assets/glossary/economy';
import { formulationEntries } from '../../assets/glossary/formulations';
import { governanceEntries } from '../../assets/glossary/governance';
import { localIdiomEntries } from '../../assets/glossary/local-idiom';
import { plansAndMeetingsEntries } from '../../assets/glossary/plans-and-meetings';
import { foldForMatching } from './normalize';
import { explainPattern, patternWords } from './patterns';
import type { GlossaryEntry, TermCard } from './schema';

/** All authored entries, in file order. */
export const GLOSSARY_ENTRIES: readonly GlossaryEntry[] = [
  ...formulationEntries,
  ...plansAndMeetingsEntries,
  ...economyEntries,
  ...governanceEntries,
  ...diplomacySecurityEntries,
  ...localIdiomEntries,
];

/**
 * Forms that two entries list, and the entry the matcher picks for them. A form mapping to two
 * entries is an error unless it is declared here, with the reason beside it.
 */
export const SHARED_FORMS: Readonly<Record<string, string>> = {};

/** Marks an exclusion form in `forms`: matched so it can win, never reported. */
export const EXCLUDED = '';

/** The glossary as the matcher and the cards use it. */
export interface Glossary {
  readonly entries: ReadonlyMap<string, GlossaryEntry>;
  /** Matching key of every surface form → entry id (`EXCLUDED` for exclusion forms). */
  readonly forms: ReadonlyMap<string, string>;
  /** Pattern id → the entry that explains it instead of the computed card. */
  readonly patternEntries: ReadonlyMap<string, string>;
  /** Whether the pattern families (第二十届…全会) are matched too; false for a glossary of
   * listed forms only, such as the reader's personal terms (utils/glossary/personal.ts). */
  readonly patterns?: boolean;
}

/** An entry's surface forms in matching-key form: simplified first, then variants. */
export function formsOf(entry: GlossaryEntry): string[] {
  const forms = [entry.simplified, ...(entry.variants ?? [])].map(foldForMatching);
  return [...new Set(forms)];
}

/**
 * Builds a glossary from entries (the authored ones, or those plus user-defined terms later).
 * Throws on a duplicate id, or on a form claimed by two entries that `shared` does not settle.
 */
export function buildGlossary(
  list: readonly GlossaryEntry[],
  shared: Readonly<Record<string, string>> = SHARED_FORMS,
): Glossary {
  const entries = new Map<string, GlossaryEntry>();
  const forms = new Map<string, string>();
  const patternEntries = new Map<string, string>();
  for (const entry of list) {
    if (entries.has(entry.id)) throw new Error(`glossary: duplicate id "${entry.id}"`);
    entries.set(entry.id, entry);
    if (entry.patternId) patternEntries.set(entry.patternId, entry.id);
  }
  for (const entry of list) {
    for (const form of formsOf(entry)) {
      const owner = forms.get(form);
      if (owner === undefined || owner === EXCLUDED) {
        forms.set(form, entry.id);
      } else if (owner !== entry.id) {
        const winner = shared[form];
        if (winner !== owner && winner !== entry.id)
          throw new Error(`glossary: "${form}" is a form of both "${owner}" and "${entry.id}"`);
        forms.set(form, winner);
      }
    }
  }
  for (const entry of list) {
    // An exclusion never displaces a real form: a word that is a term somewhere stays a term.
    for (const form of entry.exclude ?? []) {
      const key = foldForMatching(form);
      if (!forms.has(key)) forms.set(key, EXCLUDED);
    }
  }
  return { entries, forms, patternEntries };
}

let glossary: Glossary | null = null;

/** The authored glossary, built once. */
export function getGlossary(): Glossary {
  glossary ??= buildGlossary(GLOSSARY_ENTRIES);
  return glossary;
}

/** One authored entry by id. */
export function getEntry(id: string, from: Glossary = getGlossary()): GlossaryEntry | undefined {
  return from.entries.get(id);
}

/**
 * The card for a hit id: an authored entry, the entry that explains a pattern, or the pattern's
 * computed card. Null for an unknown id.
 */
export function describeTerm(id: string, from: Glossary = getGlossary()): TermCard | null {
  const entry = from.entries.get(from.patternEntries.get(id) ?? id);
  if (entry) return entryCard(entry);
  return explainPattern(id);
}

/** An authored entry in card shape. */
export function entryCard(entry: GlossaryEntry): TermCard {
  return {
    id: entry.id,
    kind: 'entry',
    simplified: entry.simplified,
    traditional: entry.traditional,
    pinyin: entry.pinyin,
    english: entry.english,
    explanation: entry.explanation,
    category: entry.category,
    firstUse: entry.firstUse,
    components: entry.components ?? [],
    related: entry.related ?? [],
    sources: entry.sources ?? [],
    lastChecked: entry.lastChecked,
  };
}

/**
 * Words for the segmentation lexicon (`Lexicon.addWords`): every form made only of Chinese
 * characters, and the common pattern terms, so 二十大 and 新质生产力 segment as one word
 * (CC-CEDICT has neither).
 */
export function glossaryWords(from: Glossary = getGlossary()): string[] {
  const words = new Set<string>();
  for (const [form, id] of from.forms) {
    if (id !== EXCLUDED && /^\p{Script=Han}+$/u.test(form)) words.add(form);
  }
  for (const word of patternWords()) words.add(word);
  return [...words];
}
