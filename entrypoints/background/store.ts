/**
 * The only writer of user data. Every write is one Dexie transaction, so a service worker stopped
 * mid-write leaves either the whole change or none of it.
 */
import {
  MAX_CONTEXTS,
  TifaDatabase,
  vocabularyKey,
  type LookupKind,
  type VocabularyRecord,
} from '../../utils/db/schema';

let database: TifaDatabase | null = null;

/** The database, opened on first use (the worker may have been restarted since). */
export function getDatabase(): TifaDatabase {
  database ??= new TifaDatabase();
  return database;
}

/** Replaces the database, for tests with fake-indexeddb. */
export function useDatabase(db: TifaDatabase): void {
  database = db;
}

export interface SaveWordInput {
  word: string;
  traditional: string;
  kind: LookupKind;
  pinyin: string;
  definition: string;
  sentence: string;
  url: string;
  title: string;
}

/** Saves a word to the vocabulary (adding this context) and records the lookup in history. */
export async function saveWord(input: SaveWordInput, now = Date.now()): Promise<VocabularyRecord> {
  const db = getDatabase();
  const site = hostnameOf(input.url);
  const context = { sentence: input.sentence, url: input.url, title: input.title, time: now };
  return db.transaction('rw', db.vocabulary, db.lookups, async () => {
    const key = vocabularyKey(input.kind, input.word);
    const existing = await db.vocabulary.get(key);
    const record: VocabularyRecord = existing
      ? {
          ...existing,
          lastSeen: now,
          timesSaved: existing.timesSaved + 1,
          contexts: [
            context,
            ...existing.contexts.filter(
              (c) => c.sentence !== context.sentence || c.url !== context.url,
            ),
          ].slice(0, MAX_CONTEXTS),
        }
      : {
          key,
          word: input.word,
          traditional: input.traditional,
          kind: input.kind,
          pinyin: input.pinyin,
          definition: input.definition,
          status: 'new',
          tags: [],
          notes: '',
          firstSeen: now,
          lastSeen: now,
          timesSaved: 1,
          contexts: [context],
        };
    await db.vocabulary.put(record);
    await db.lookups.add({
      word: input.word,
      kind: input.kind,
      reading: input.pinyin,
      sentence: input.sentence,
      url: input.url,
      title: input.title,
      site,
      time: now,
    });
    return record;
  });
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
