// The JSON backup: export → import round trip, merge rules, and every kind of bad file leaving
// the database exactly as it was.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  deleteLookups,
  getDatabase,
  importBackup,
  importBackupRows,
  recordLookup,
  reviewCard,
  saveWord,
  updateWord,
  useDatabase as setDatabase,
  type SaveWordInput,
} from '../../entrypoints/background/store';
import {
  BACKUP_FORMAT,
  mergeVocabularyRows,
  parseBackup,
  readBackup,
  splitBackup,
  writeBackupParts,
  type Backup,
} from '../../utils/db/backup';
import {
  MAX_CONTEXTS,
  newCardState,
  SCHEMA_VERSION,
  TifaDatabase,
  type VocabularyRecord,
} from '../../utils/db/schema';

const word: SaveWordInput = {
  word: '经济',
  traditional: '經濟',
  kind: 'dictionary',
  pinyin: 'jing1 ji4',
  definition: 'economy',
  sentence: '全力以赴拼经济。',
  url: 'https://news.example.cn/a.html',
  title: '标题',
};

let counter = 0;
function freshDatabase(): TifaDatabase {
  const db = new TifaDatabase(`backup-test-${++counter}`);
  setDatabase(db);
  return db;
}

/** A profile with words, history and reviews, backed up as text. */
async function backupOfSampleProfile(): Promise<string> {
  freshDatabase();
  await saveWord(word, 1000);
  await saveWord({ ...word, word: '发展', traditional: '發展', pinyin: 'fa1 zhan3' }, 2000);
  await updateWord('dictionary:发展', { tags: ['两会'], notes: 'from the report' });
  await recordLookup({ ...word, reading: word.pinyin }, 1000);
  await reviewCard('dictionary:经济', 3, 5000);
  return JSON.stringify(await readBackup(getDatabase(), 9000));
}

async function snapshot(db: TifaDatabase) {
  return {
    vocabulary: await db.vocabulary.toArray(),
    lookups: await db.lookups.toArray(),
    reviewLog: await db.reviewLog.toArray(),
  };
}

beforeEach(() => {
  vi.restoreAllMocks();
});

describe('JSON backup', () => {
  it('restores everything into a fresh profile', async () => {
    const text = await backupOfSampleProfile();
    const before = JSON.parse(text) as Backup;
    const db = freshDatabase();
    const summary = await importBackup(text);
    expect(summary).toEqual({ wordsAdded: 2, wordsMerged: 0, lookupsAdded: 1, reviewsAdded: 1 });
    const after = await readBackup(db, 9000);
    expect(after.tables.vocabulary).toEqual(before.tables.vocabulary);
    const withoutId = <T extends { id?: number }>({ id: _id, ...rest }: T) => rest;
    expect(after.tables.lookups.map(withoutId)).toEqual(before.tables.lookups.map(withoutId));
    expect(after.tables.reviewLog.map(withoutId)).toEqual(before.tables.reviewLog.map(withoutId));
  });

  it('merges into an existing profile without duplicates, losing nothing, keeping reviews', async () => {
    const text = await backupOfSampleProfile();
    const db = freshDatabase();
    // This profile has its own version of 经济 (older, other sentence, a tag), a word of its own,
    // and the same lookup as the backup.
    await saveWord({ ...word, sentence: '经济运行稳中向好。' }, 500);
    await updateWord('dictionary:经济', { tags: ['经济'], notes: 'mine' });
    await saveWord({ ...word, word: '改革', traditional: '改革' }, 600);
    await recordLookup({ ...word, reading: word.pinyin }, 1000);

    const summary = await importBackup(text);
    expect(summary).toEqual({ wordsAdded: 1, wordsMerged: 1, lookupsAdded: 0, reviewsAdded: 1 });
    const economy = await db.vocabulary.get('dictionary:经济');
    expect(economy?.contexts.map((c) => c.sentence).sort()).toEqual(
      ['全力以赴拼经济。', '经济运行稳中向好。'].sort(),
    );
    expect(economy?.tags).toEqual(['经济']);
    expect(economy?.notes).toBe('mine');
    // The backup's card was reviewed, the local one never: the review state is kept.
    expect(economy?.card.reps).toBe(1);
    expect(economy?.card.last_review).toBe(5000);
    expect(economy?.status).toBe('learning');
    expect(economy?.firstSeen).toBe(500);
    expect(await db.vocabulary.count()).toBe(3);
    expect(await db.lookups.count()).toBe(1);

    // Importing the same file again changes nothing.
    const before = await snapshot(db);
    expect(await importBackup(text)).toEqual({
      wordsAdded: 0,
      wordsMerged: 2,
      lookupsAdded: 0,
      reviewsAdded: 0,
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('merges two versions of a word field by field', () => {
    const base: VocabularyRecord = {
      key: 'dictionary:经济',
      word: '经济',
      traditional: '經濟',
      kind: 'dictionary',
      pinyin: 'jing1 ji4',
      definition: 'economy',
      status: 'learning',
      tags: ['a'],
      notes: 'old note',
      firstSeen: 100,
      lastSeen: 200,
      timesSaved: 2,
      contexts: [{ sentence: 's1', url: 'u1', title: 't', time: 150 }],
      card: { ...newCardState(100), reps: 3, last_review: 180, state: 2 },
    };
    const newer: VocabularyRecord = {
      ...base,
      status: 'known',
      tags: ['b', 'a'],
      notes: 'new note',
      firstSeen: 50,
      lastSeen: 300,
      timesSaved: 1,
      contexts: [
        { sentence: 's2', url: 'u2', title: 't', time: 300 },
        { sentence: 's1', url: 'u1', title: 't', time: 150 },
      ],
      card: { ...newCardState(50), reps: 1, last_review: 90, state: 1 },
    };
    const merged = mergeVocabularyRows(base, newer);
    expect(merged.status).toBe('known');
    expect(merged.tags).toEqual(['b', 'a']);
    expect(merged.notes).toBe('new note\n\nold note');
    expect([merged.firstSeen, merged.lastSeen, merged.timesSaved]).toEqual([50, 300, 2]);
    expect(merged.contexts.map((c) => c.sentence)).toEqual(['s2', 's1']);
    // The card reviewed last wins even though the other row is newer overall.
    expect(merged.card.last_review).toBe(180);
    expect(mergeVocabularyRows(newer, base)).toEqual(merged);
  });
});

describe('bad backup files', () => {
  const cases: [string, (good: string) => string, RegExp][] = [
    ['a truncated file', (good) => good.slice(0, Math.floor(good.length / 2)), /cut short/],
    ['a file that is not JSON', () => 'word\tpinyin\n经济\tjing1 ji4\n', /not JSON/],
    [
      'a foreign JSON file',
      () => JSON.stringify({ name: 'my-package', version: '1.0.0' }),
      /not a Tifa Reader backup/,
    ],
    ['a JSON array', () => '[1, 2, 3]', /not a Tifa Reader backup/],
    [
      'a newer format version',
      (good) => JSON.stringify({ ...(JSON.parse(good) as object), formatVersion: 99 }),
      /format version 99, newer/,
    ],
    [
      'a row with a wrong field',
      (good) => {
        const backup = JSON.parse(good) as Backup;
        (backup.tables.vocabulary[1] as unknown as { card: { due: string } }).card.due = 'soon';
        return JSON.stringify(backup);
      },
      /damaged at tables\.vocabulary\[1\]\.card\.due/,
    ],
    [
      'a missing table',
      (good) => {
        const backup = JSON.parse(good) as { tables: Record<string, unknown> };
        delete backup.tables.reviewLog;
        return JSON.stringify(backup);
      },
      /damaged at tables\.reviewLog/,
    ],
    [
      'a key that does not match its word',
      (good) => {
        const backup = JSON.parse(good) as Backup;
        (backup.tables.vocabulary[0] as VocabularyRecord).key = 'dictionary:别的';
        return JSON.stringify(backup);
      },
      /vocabulary\[0\]\.key/,
    ],
  ];

  for (const [what, damage, message] of cases) {
    it(`refuses ${what} with a clear error and leaves the database unchanged`, async () => {
      const good = await backupOfSampleProfile();
      const db = freshDatabase();
      await saveWord({ ...word, word: '改革' }, 10);
      await recordLookup({ ...word, reading: '' }, 10);
      const before = await snapshot(db);
      await expect(importBackup(damage(good))).rejects.toThrow(message);
      expect(await snapshot(db)).toEqual(before);
    });
  }

  it('rolls back a merge that fails half-way', async () => {
    const good = await backupOfSampleProfile();
    const db = freshDatabase();
    await saveWord({ ...word, word: '改革' }, 10);
    const before = await snapshot(db);
    // The words are written, then adding the history fails: none of it may stay.
    vi.spyOn(db.lookups, 'bulkAdd').mockRejectedValue(
      Object.assign(new Error('quota'), { name: 'QuotaExceededError' }),
    );
    await expect(importBackup(good)).rejects.toThrow(/storage for Tifa Reader is full/);
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
  });

  it('marks the file with its format', async () => {
    const backup = parseBackup(await backupOfSampleProfile());
    expect(backup.format).toBe(BACKUP_FORMAT);
    expect(backup.formatVersion).toBe(1);
    expect(backup.schemaVersion).toBe(SCHEMA_VERSION);
  });
});

/** A profile with more history than one page of the export, ids with gaps (deleted rows). */
async function profileWithHistory(): Promise<TifaDatabase> {
  const db = freshDatabase();
  await saveWord(word, 1000);
  await saveWord({ ...word, word: '发展', traditional: '發展', pinyin: 'fa1 zhan3' }, 2000);
  await reviewCard('dictionary:经济', 3, 5000);
  await reviewCard('dictionary:经济', 4, 6000);
  for (let i = 0; i < 25; i++) {
    await recordLookup({ ...word, reading: word.pinyin, url: `https://news.example.cn/${i}` }, i);
  }
  await deleteLookups([1, 2, 9, 10, 11, 25]);
  return db;
}

describe('writing a backup', () => {
  it('writes, in pieces, exactly the text of the whole backup as one JSON value', async () => {
    const db = await profileWithHistory();
    const whole = JSON.stringify(await readBackup(db, 9000));
    for (const pageRows of [1, 3, 7, 10_000]) {
      const { parts, counts } = await writeBackupParts(db, 9000, pageRows);
      expect(parts.join('')).toBe(whole);
      expect(counts).toEqual({ vocabulary: 2, lookups: 19, reviewLog: 2 });
    }
    expect(parseBackup(whole).tables.lookups).toHaveLength(19);
  });

  it('writes an empty profile as a valid backup', async () => {
    const db = freshDatabase();
    const { parts, counts } = await writeBackupParts(db, 9000);
    expect(parts.join('')).toBe(JSON.stringify(await readBackup(db, 9000)));
    expect(counts).toEqual({ vocabulary: 0, lookups: 0, reviewLog: 0 });
    expect(parseBackup(parts.join('')).tables.vocabulary).toEqual([]);
  });
});

describe('importing in chunks', () => {
  it('splits a backup into chunks of one table each, none over the size asked', async () => {
    const backup = parseBackup(JSON.stringify(await readBackup(await profileWithHistory())));
    const chunks = splitBackup(backup.tables, 600);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      const tables = Object.values(chunk);
      expect(tables).toHaveLength(1);
      if ((tables[0] ?? []).length > 1) expect(JSON.stringify(chunk).length).toBeLessThan(700);
    }
    expect(chunks.flatMap((c) => c.vocabulary ?? [])).toEqual(backup.tables.vocabulary);
    expect(chunks.flatMap((c) => c.lookups ?? [])).toEqual(backup.tables.lookups);
    expect(chunks.flatMap((c) => c.reviewLog ?? [])).toEqual(backup.tables.reviewLog);
  });

  it('restores a backup sent in chunks as one import does, and an interrupted one on re-run', async () => {
    const text = JSON.stringify(await readBackup(await profileWithHistory(), 9000));
    const oneImport = freshDatabase();
    await importBackup(text);
    const expected = await snapshot(oneImport);

    const chunks = splitBackup(parseBackup(text).tables, 600);
    const chunked = freshDatabase();
    for (const chunk of chunks) await importBackupRows(chunk);
    expect(await snapshot(chunked)).toEqual(expected);

    // Stopped after half the chunks (the worker stopped, the page closed), then imported again.
    const interrupted = freshDatabase();
    for (const chunk of chunks.slice(0, Math.floor(chunks.length / 2))) {
      await importBackupRows(chunk);
    }
    expect((await snapshot(interrupted)).lookups.length).toBeLessThan(expected.lookups.length);
    let lookupsAdded = 0;
    for (const chunk of chunks) lookupsAdded += (await importBackupRows(chunk)).lookupsAdded;
    const after = await snapshot(interrupted);
    expect(after.vocabulary).toEqual(expected.vocabulary);
    const withoutId = <T extends { id?: number }>({ id: _id, ...rest }: T) => rest;
    expect(after.lookups.map(withoutId)).toEqual(expected.lookups.map(withoutId));
    expect(after.reviewLog.map(withoutId)).toEqual(expected.reviewLog.map(withoutId));
    expect(lookupsAdded).toBeGreaterThan(0);
    expect(lookupsAdded).toBeLessThan(expected.lookups.length);
  });

  it('keeps the most recent contexts of a hand-edited word with too many', async () => {
    const backup = JSON.parse(await backupOfSampleProfile()) as Backup;
    const row = backup.tables.vocabulary[0] as VocabularyRecord;
    row.contexts = Array.from({ length: MAX_CONTEXTS + 5 }, (_, i) => ({
      sentence: `第${i}句。`,
      url: 'https://news.example.cn/a.html',
      title: '',
      time: i,
    }));
    expect(parseBackup(JSON.stringify(backup)).tables.vocabulary[0]?.contexts).toHaveLength(
      MAX_CONTEXTS,
    );
    const db = freshDatabase();
    await importBackupRows({ vocabulary: [row] });
    const stored = await db.vocabulary.get(row.key);
    expect(stored?.contexts).toHaveLength(MAX_CONTEXTS);
    expect(stored?.contexts[0]?.time).toBe(MAX_CONTEXTS + 4);
  });
});

describe('backups written by earlier versions', () => {
  it('restores a format 1 file written before the export was split into pieces', async () => {
    const text = readFileSync(
      new URL('../fixtures/backups/v1-2026-11.json', import.meta.url),
      'utf8',
    );
    const file = JSON.parse(text) as Backup;
    const db = freshDatabase();
    expect(await importBackup(text)).toEqual({
      wordsAdded: 2,
      wordsMerged: 0,
      lookupsAdded: 2,
      reviewsAdded: 2,
    });
    const after = await readBackup(db, file.exportedAt);
    expect(after.tables.vocabulary).toEqual(
      [...file.tables.vocabulary].sort((a, b) => a.key.localeCompare(b.key)),
    );
    const withoutId = <T extends { id?: number }>({ id: _id, ...rest }: T) => rest;
    expect(after.tables.lookups.map(withoutId)).toEqual(file.tables.lookups.map(withoutId));
    expect(after.tables.reviewLog.map(withoutId)).toEqual(file.tables.reviewLog.map(withoutId));
    // Written again, it reads back the same rows.
    const again = parseBackup((await writeBackupParts(db, file.exportedAt)).parts.join(''));
    expect(again.tables.vocabulary).toEqual(after.tables.vocabulary);
  });
});
