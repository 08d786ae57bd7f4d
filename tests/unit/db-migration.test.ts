// Schema migrations, each from a fixture of the old shape written with raw Dexie (STYLE habit 7).
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { TifaDatabase, type VocabularyRecord } from '../../utils/db/schema';

/** A v1 vocabulary row exactly as the v1 code wrote it (no card). */
const v1Word = {
  key: 'dictionary:经济',
  word: '经济',
  traditional: '經濟',
  kind: 'dictionary',
  pinyin: 'jing1 ji4',
  definition: 'economy',
  status: 'new',
  tags: ['两会'],
  notes: 'a note',
  firstSeen: 1_700_000_000_000,
  lastSeen: 1_700_000_500_000,
  timesSaved: 2,
  contexts: [{ sentence: '全力以赴拼经济。', url: 'https://a.example/1', title: 'T', time: 1 }],
};

const v1Lookup = {
  word: '经济',
  kind: 'dictionary',
  reading: 'jing1 ji4',
  sentence: '全力以赴拼经济。',
  url: 'https://a.example/1',
  title: 'T',
  site: 'a.example',
  time: 1_700_000_000_000,
};

async function writeV1Fixture(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores({
    lookups: '++id, word, time, site',
    vocabulary: '&key, word, status, lastSeen, *tags',
  });
  await v1
    .table('vocabulary')
    .bulkAdd([v1Word, { ...v1Word, key: 'dictionary:发展', word: '发展' }]);
  await v1.table('lookups').bulkAdd([v1Lookup, { ...v1Lookup, time: v1Lookup.time + 1 }]);
  v1.close();
}

describe('schema v1 → v2', () => {
  it('keeps every row and gives each saved word a new card, due when it was first seen', async () => {
    await writeV1Fixture('migration-v1');
    const db = new TifaDatabase('migration-v1');
    await db.open();
    expect(db.verno).toBe(2);
    const words = await db.vocabulary.toArray();
    expect(words).toHaveLength(2);
    const word = words.find((w) => w.word === '经济') as VocabularyRecord;
    expect(word).toEqual({
      ...v1Word,
      card: {
        due: v1Word.firstSeen,
        stability: 0,
        difficulty: 0,
        elapsed_days: 0,
        scheduled_days: 0,
        learning_steps: 0,
        reps: 0,
        lapses: 0,
        state: 0,
        last_review: null,
      },
    });
    expect(await db.lookups.count()).toBe(2);
    // The new indexes work on migrated rows.
    expect(await db.vocabulary.where('card.due').belowOrEqual(v1Word.firstSeen).count()).toBe(2);
    expect(await db.lookups.where('[kind+word]').equals(['dictionary', '经济']).count()).toBe(2);
    expect(await db.reviewLog.count()).toBe(0);
    db.close();
  });
});
