import { useLiveQuery } from 'dexie-react-hooks';
import type { VocabularyRecord } from '../../utils/db/schema';
import { reviewDatabase } from './review-database';

/** Every saved word, kept live; undefined while the first read is pending. */
export function useVocabulary(): VocabularyRecord[] | undefined {
  return useLiveQuery(() => reviewDatabase().vocabulary.toArray(), []);
}

/** The most recently seen words, read through the `lastSeen` index: a first screen of the table
 * that does not wait for every row (10,000 words take a few hundred milliseconds to read). */
export function useRecentWords(limit: number): VocabularyRecord[] | undefined {
  return useLiveQuery(
    () => reviewDatabase().vocabulary.orderBy('lastSeen').reverse().limit(limit).toArray(),
    [limit],
  );
}
