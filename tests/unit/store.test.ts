import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  countDue,
  deleteLookups,
  deleteWords,
  describeWriteError,
  getDatabase,
  LOOKUP_REPEAT_MS,
  readStudyWords,
  recordLookup,
  reviewCard,
  saveLookup,
  saveWord,
  updateWord,
  useDatabase,
  type RecordLookupInput,
  type SaveWordInput,
} from '../../entrypoints/background/store';
import { TifaDatabase } from '../../utils/db/schema';

const input: SaveWordInput = {
  word: '经济',
  traditional: '經濟',
  kind: 'dictionary',
  pinyin: 'jing1 ji4',
  definition: 'economy',
  sentence: '全力以赴拼经济。',
  url: 'https://news.example.cn/a.html',
  title: '全市工作动员大会召开',
};

const lookup: RecordLookupInput = {
  word: '经济',
  kind: 'dictionary',
  reading: 'jing1 ji4',
  sentence: '全力以赴拼经济。',
  url: 'https://news.example.cn/a.html',
  title: '全市工作动员大会召开',
};

const DAY = 24 * 60 * 60 * 1000;

let counter = 0;
beforeEach(() => {
  useDatabase(new TifaDatabase(`store-test-${++counter}`));
});

describe('saving words', () => {
  it('saves a word with its context and a new card due at once', async () => {
    const record = await saveWord(input, 1000);
    expect(record).toMatchObject({
      key: 'dictionary:经济',
      status: 'new',
      timesSaved: 1,
      firstSeen: 1000,
      card: { due: 1000, state: 0, reps: 0, last_review: null },
    });
    const db = getDatabase();
    expect(await db.vocabulary.count()).toBe(1);
    // Saving is not a lookup: the popup records lookups itself (recordLookup).
    expect(await db.lookups.count()).toBe(0);
  });

  it('counts a second save, keeps one row and dedupes the same context', async () => {
    await saveWord(input, 1000);
    await saveWord(input, 2000);
    const record = await saveWord({ ...input, sentence: '经济运行稳中向好。' }, 3000);
    expect(record.timesSaved).toBe(3);
    expect(record.firstSeen).toBe(1000);
    expect(record.lastSeen).toBe(3000);
    expect(record.contexts.map((c) => c.sentence)).toEqual([
      '经济运行稳中向好。',
      '全力以赴拼经济。',
    ]);
  });

  it('keeps review state when a word is saved again', async () => {
    await saveWord(input, 1000);
    const reviewed = await reviewCard('dictionary:经济', 3, 2000);
    const again = await saveWord(input, 3000);
    expect(again.card).toEqual(reviewed.card);
    expect(again.status).toBe('learning');
  });

  it('keeps a word and a glossary term with the same characters apart', async () => {
    await saveWord(input);
    await saveWord({ ...input, kind: 'glossary' });
    expect(await getDatabase().vocabulary.count()).toBe(2);
  });

  it('writes all or nothing: a failure inside the transaction leaves no partial rows', async () => {
    const db = getDatabase();
    await saveWord(input, 1000);
    await reviewCard('dictionary:经济', 3, 2000);
    // Make the log insert fail after the card was updated in the same transaction.
    const spy = vi.spyOn(db.reviewLog, 'add').mockImplementation(() => {
      throw new Error('disk on fire');
    });
    await expect(reviewCard('dictionary:经济', 1, 3000)).rejects.toThrow('disk on fire');
    spy.mockRestore();
    const record = await db.vocabulary.get('dictionary:经济');
    expect(record?.card.reps).toBe(1);
    expect(await db.reviewLog.count()).toBe(1);
  });

  it('reports a full disk as a readable error, not as the browser’s error name', async () => {
    const db = getDatabase();
    const quota = Object.assign(new Error('QuotaExceededError'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db.vocabulary, 'put').mockRejectedValue(quota);
    await expect(saveWord(input)).rejects.toThrow(/storage for Tifa Reader is full/);
    spy.mockRestore();
    expect(await db.vocabulary.count()).toBe(0);
    expect(describeWriteError('x', { name: 'AbortError', inner: quota })).toMatch(/full/);
  });
});

describe('the lookup history', () => {
  it('records a lookup with its site and time', async () => {
    expect(await recordLookup(lookup, 5000)).toBe(true);
    const rows = await getDatabase().lookups.toArray();
    expect(rows).toEqual([{ ...lookup, id: rows[0]?.id, site: 'news.example.cn', time: 5000 }]);
  });

  it('records the same word on the same page once per ten minutes', async () => {
    expect(await recordLookup(lookup, 0)).toBe(true);
    expect(await recordLookup(lookup, LOOKUP_REPEAT_MS - 1)).toBe(false);
    expect(await recordLookup({ ...lookup, url: 'https://b.example/' }, 10)).toBe(true);
    expect(await recordLookup(lookup, LOOKUP_REPEAT_MS + 1)).toBe(true);
    expect(await getDatabase().lookups.count()).toBe(3);
  });

  it('adds a history entry to the vocabulary with the lookup’s sentence and time', async () => {
    await recordLookup(lookup, 7000);
    const [row] = await getDatabase().lookups.toArray();
    const describe = vi.fn().mockResolvedValue({ traditional: '經濟', definition: 'economy' });
    const record = await saveLookup(row?.id ?? 0, describe);
    expect(record).toMatchObject({
      key: 'dictionary:经济',
      traditional: '經濟',
      definition: 'economy',
      firstSeen: 7000,
      contexts: [{ sentence: lookup.sentence, url: lookup.url, time: 7000 }],
    });
    await expect(saveLookup(999, describe)).rejects.toThrow(/no longer exists/);
  });

  it('deletes history entries by id', async () => {
    await recordLookup(lookup, 1);
    await recordLookup({ ...lookup, word: '发展' }, 2);
    const ids = (await getDatabase().lookups.toArray()).map((r) => r.id ?? 0);
    expect(await deleteLookups([ids[0] ?? 0, 12345])).toBe(1);
    expect((await getDatabase().lookups.toArray()).map((r) => r.word)).toEqual(['发展']);
  });
});

describe('editing and reviewing words', () => {
  it('changes status, tags (trimmed, deduplicated) and notes', async () => {
    await saveWord(input, 1000);
    const record = await updateWord('dictionary:经济', {
      status: 'known',
      tags: [' 两会 ', '经济', '两会', ''],
      notes: 'often with 发展',
    });
    expect(record).toMatchObject({
      status: 'known',
      tags: ['两会', '经济'],
      notes: 'often with 发展',
    });
    const notesOnly = await updateWord('dictionary:经济', { notes: '' });
    expect(notesOnly).toMatchObject({ status: 'known', tags: ['两会', '经济'], notes: '' });
    await expect(updateWord('dictionary:无', { notes: 'x' })).rejects.toThrow(/no longer/);
  });

  it('schedules a review with FSRS, logs it and makes a new word a learning one', async () => {
    await saveWord(input, 0);
    const record = await reviewCard('dictionary:经济', 3, 1000);
    expect(record.status).toBe('learning');
    expect(record.card.reps).toBe(1);
    expect(record.card.last_review).toBe(1000);
    expect(record.card.due).toBeGreaterThan(1000);
    const log = await getDatabase().reviewLog.toArray();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ key: 'dictionary:经济', rating: 3, state: 0, review: 1000 });
  });

  it('counts due cards, leaving out known words and cards due later', async () => {
    await saveWord(input, 0);
    await saveWord({ ...input, word: '发展' }, 0);
    await saveWord({ ...input, word: '改革' }, 0);
    await updateWord('dictionary:改革', { status: 'known' });
    expect(await countDue(10)).toBe(2);
    await reviewCard('dictionary:发展', 4, 10);
    expect(await countDue(20)).toBe(1);
    expect(await countDue(400 * DAY)).toBe(2);
  });

  it('lists saved words by status for reading mode', async () => {
    await saveWord(input, 0);
    await saveWord({ ...input, word: '改革' }, 0);
    await updateWord('dictionary:改革', { status: 'known' });
    expect(await readStudyWords()).toEqual({ known: ['改革'], learning: ['经济'] });
  });

  it('deletes words with their review logs', async () => {
    await saveWord(input, 0);
    await saveWord({ ...input, word: '发展' }, 0);
    await reviewCard('dictionary:经济', 3, 10);
    expect(await deleteWords(['dictionary:经济', 'dictionary:无'])).toBe(1);
    const db = getDatabase();
    expect(await db.vocabulary.count()).toBe(1);
    expect(await db.reviewLog.count()).toBe(0);
  });
});
