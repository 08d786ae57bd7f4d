import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  getDatabase,
  saveWord,
  useDatabase,
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

let counter = 0;
beforeEach(() => {
  useDatabase(new TifaDatabase(`test-${++counter}`));
});

describe('the vocabulary store', () => {
  it('saves a word with its context and records the lookup', async () => {
    const record = await saveWord(input, 1000);
    expect(record).toMatchObject({
      key: 'dictionary:经济',
      status: 'new',
      timesSaved: 1,
      firstSeen: 1000,
    });
    const db = getDatabase();
    expect(await db.vocabulary.count()).toBe(1);
    const lookups = await db.lookups.toArray();
    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toMatchObject({ word: '经济', site: 'news.example.cn', time: 1000 });
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
    expect(await getDatabase().lookups.count()).toBe(3);
  });

  it('keeps a word and a glossary term with the same characters apart', async () => {
    await saveWord(input);
    await saveWord({ ...input, kind: 'glossary' });
    expect(await getDatabase().vocabulary.count()).toBe(2);
  });

  it('writes all or nothing: a failure inside the transaction leaves no partial rows', async () => {
    const db = getDatabase();
    await saveWord(input, 1000);
    // Make the history insert fail after the vocabulary row was written in the same transaction.
    const spy = vi.spyOn(db.lookups, 'add').mockImplementation(() => {
      throw new Error('quota exceeded');
    });
    await expect(saveWord(input, 2000)).rejects.toThrow('quota exceeded');
    spy.mockRestore();
    const record = await db.vocabulary.get('dictionary:经济');
    expect(record?.timesSaved).toBe(1);
    expect(await db.lookups.count()).toBe(1);
  });
});
