/**
 * How the dashboard and the exports name a tracked term: built-in entries and pattern terms by
 * their simplified form (utils/glossary/entries.ts), personal terms by the reader's own form.
 */
import { describeTerm } from '../glossary/entries';

/** Sightings of a personal term carry this prefix before its id, so no id can be mistaken for a
 * built-in entry's. */
export const PERSONAL_TERM_PREFIX = 'personal:';

/** The sighting id of a personal term. */
export function personalSightingId(personalTermId: string): string {
  return `${PERSONAL_TERM_PREFIX}${personalTermId}`;
}

/**
 * A function naming term ids, caching what it has looked up. `personal` maps personal term ids
 * (without the prefix) to their simplified form; an id known to neither is shown as it is.
 */
export function termNamer(
  personal: ReadonlyMap<string, string> = new Map(),
): (termId: string) => string {
  const cache = new Map<string, string>();
  return (termId) => {
    let name = cache.get(termId);
    if (name === undefined) {
      name = termId.startsWith(PERSONAL_TERM_PREFIX)
        ? (personal.get(termId.slice(PERSONAL_TERM_PREFIX.length)) ?? termId)
        : (describeTerm(termId)?.simplified ?? termId);
      cache.set(termId, name);
    }
    return name;
  };
}
