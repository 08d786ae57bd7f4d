import { useLiveQuery } from 'dexie-react-hooks';
import type { VocabularyRecord } from '../../utils/db/schema';
import { reviewDatabase } from './review-database';

/** Every saved word, kept live; undefined while the first read is pending. */
export function useVocabulary(): VocabularyRecord[] | undefined {
  return useLiveQuery(() => reviewDatabase().vocabulary.toArray(), []);
}
