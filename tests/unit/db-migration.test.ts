// Schema migrations, each from a fixture of the old shape written with raw Dexie (STYLE habit 7).
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, TifaDatabase, type VocabularyRecord } from '../../utils/db/schema';

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
    // Opened by the current code, so through every later version too.
    expect(db.verno).toBe(SCHEMA_VERSION);
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

/** The v2 shape exactly as the v2 code declared it, with a row in every table. */
async function writeV2Fixture(name: string): Promise<void> {
  const v2 = new Dexie(name);
  v2.version(2).stores({
    lookups: '++id, word, time, site, [kind+word]',
    vocabulary: '&key, word, status, lastSeen, *tags, card.due',
    reviewLog: '++id, key, review',
  });
  const card = {
    due: 1_700_000_900_000,
    stability: 3.2,
    difficulty: 5.1,
    elapsed_days: 0,
    scheduled_days: 3,
    learning_steps: 0,
    reps: 1,
    lapses: 0,
    state: 2,
    last_review: 1_700_000_600_000,
  };
  await v2.table('vocabulary').add({ ...v1Word, card });
  await v2.table('lookups').add({ ...v1Lookup });
  await v2.table('reviewLog').add({
    key: v1Word.key,
    rating: 3,
    state: 0,
    due: 1_700_000_000_000,
    stability: 0,
    difficulty: 0,
    elapsed_days: 0,
    last_elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: 0,
    review: 1_700_000_600_000,
  });
  v2.close();
}

describe('schema v2 → v3', () => {
  it('keeps every v2 row as it was and adds empty, usable sightings, term totals and personal-term tables', async () => {
    await writeV2Fixture('migration-v2');
    const before = new Dexie('migration-v2');
    await before.open();
    const snapshot = {
      vocabulary: await before.table('vocabulary').toArray(),
      lookups: await before.table('lookups').toArray(),
      reviewLog: await before.table('reviewLog').toArray(),
    };
    before.close();

    const db = new TifaDatabase('migration-v2');
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.vocabulary.toArray()).toEqual(snapshot.vocabulary);
    expect(await db.lookups.toArray()).toEqual(snapshot.lookups);
    expect(await db.reviewLog.toArray()).toEqual(snapshot.reviewLog);
    expect(await db.vocabulary.where('card.due').belowOrEqual(Infinity).count()).toBe(1);

    expect(await db.sightings.count()).toBe(0);
    expect(await db.termStats.count()).toBe(0);
    expect(await db.personalTerms.count()).toBe(0);
    await db.sightings.add({
      termId: 'new-quality-productive-forces',
      url: 'https://a.example/1',
      title: 'T',
      outlet: 'a.example',
      time: 1,
      count: 2,
      sentence: '发展新质生产力。',
    });
    await db.personalTerms.add({
      id: 'my-term',
      simplified: '新提法',
      english: { gloss: 'a new formulation' },
      tags: ['2025'],
      createdAt: 1,
      updatedAt: 1,
    });
    expect(await db.sightings.where('url').equals('https://a.example/1').count()).toBe(1);
    expect(
      await db.sightings
        .where('[termId+time]')
        .between(['new-quality-productive-forces', 0], ['new-quality-productive-forces', Infinity])
        .count(),
    ).toBe(1);
    expect(await db.personalTerms.where('tags').equals('2025').count()).toBe(1);
    db.close();
  });
});

describe('schema v3 → v4', () => {
  it('keeps every v3 row as it was and adds an empty, usable annotations table', async () => {
    await writeV2Fixture('migration-v3');
    // The v3 shape exactly as the v3 code declared it, with rows in its new tables.
    const v3 = new Dexie('migration-v3');
    v3.version(3).stores({
      lookups: '++id, word, time, site, [kind+word]',
      vocabulary: '&key, word, status, lastSeen, *tags, card.due',
      reviewLog: '++id, key, review',
      sightings: '++id, url, time, [termId+time]',
      termStats: '&termId',
      personalTerms: '&id, simplified, *tags, updatedAt',
    });
    await v3.open();
    await v3.table('sightings').add({
      termId: 'new-quality-productive-forces',
      url: 'https://a.example/1',
      title: 'T',
      outlet: 'a.example',
      time: 1,
      count: 2,
      sentence: '发展新质生产力。',
    });
    await v3.table('personalTerms').add({
      id: 'my-term',
      simplified: '新提法',
      english: { gloss: 'a new formulation' },
      createdAt: 1,
      updatedAt: 1,
    });
    const snapshot = {
      vocabulary: await v3.table('vocabulary').toArray(),
      lookups: await v3.table('lookups').toArray(),
      reviewLog: await v3.table('reviewLog').toArray(),
      sightings: await v3.table('sightings').toArray(),
      personalTerms: await v3.table('personalTerms').toArray(),
    };
    v3.close();

    const db = new TifaDatabase('migration-v3');
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.vocabulary.toArray()).toEqual(snapshot.vocabulary);
    expect(await db.lookups.toArray()).toEqual(snapshot.lookups);
    expect(await db.reviewLog.toArray()).toEqual(snapshot.reviewLog);
    expect(await db.sightings.toArray()).toEqual(snapshot.sightings);
    expect(await db.personalTerms.toArray()).toEqual(snapshot.personalTerms);
    expect(await db.annotations.count()).toBe(0);
    await db.annotations.add({
      url: 'https://a.example/1',
      title: 'T',
      outlet: 'a.example',
      time: 1,
      exact: '新质生产力',
      prefix: '发展',
      suffix: '。',
      position: 10,
      note: 'n',
      tags: ['nqpf'],
    });
    expect(await db.annotations.where('url').equals('https://a.example/1').count()).toBe(1);
    expect(await db.annotations.where('tags').equals('nqpf').count()).toBe(1);
    db.close();
  });
});
