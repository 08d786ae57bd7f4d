import { useLiveQuery } from 'dexie-react-hooks';
import type { VocabularyRecord } from '../../utils/db/schema';
import { reviewDatabase } from './review-database';

/** Every saved word, kept live; undefined while the first read is pending, or while not
 * `wanted` (the views that do not show words need not read 10,000 of them). */
export function useVocabulary(wanted = true): VocabularyRecord[] | undefined {
  return useLiveQuery(
    (): Promise<VocabularyRecord[] | undefined> =>
      wanted ? reviewDatabase().vocabulary.toArray() : Promise.resolve(undefined),
    [wanted],
  );
}

/** The most recently seen words, read through the `lastSeen` index: a first screen of the table
 * that does not wait for every row (10,000 words take a few hundred milliseconds to read). */
export function useRecentWords(limit: number): VocabularyRecord[] | undefined {
  return useLiveQuery(
    () => reviewDatabase().vocabulary.orderBy('lastSeen').reverse().limit(limit).toArray(),
    [limit],
  );
}
