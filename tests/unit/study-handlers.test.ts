// The study messages through the background's handler on WXT's fake browser: who may send them,
// the history switch and excluded sites, and error replies.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/handlers';
import { getDatabase, saveWord, useDatabase } from '../../entrypoints/background/store';
import { TifaDatabase } from '../../utils/db/schema';
import { BACKUP_LIMITS, MAX_MESSAGE_CHARS } from '../../utils/limits';
import { parseRequest } from '../../utils/messaging';
import { studySettings, studyWordsVersion, DEFAULT_STUDY_SETTINGS } from '../../utils/settings';

const lookup = {
  word: '经济',
  kind: 'dictionary',
  reading: 'jing1 ji4',
  sentence: '全力以赴拼经济。',
  url: 'https://news.example.cn/a.html',
  title: '标题',
};

let counter = 0;
beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  // The fake browser has no badge; the badge code must not turn that into a failed write.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  useDatabase(new TifaDatabase(`handlers-test-${++counter}`));
});

const page = { url: fakeBrowser.runtime.getURL('/review.html') };
const contentScript = { tabId: 1, frameId: 0, url: 'https://news.example.cn/a.html' };

describe('study messages', () => {
  it('records lookups while history is on, and not on excluded sites or when off', async () => {
    expect(await handleMessage({ type: 'recordLookup', payload: lookup }, contentScript)).toEqual({
      ok: true,
      value: { recorded: true },
    });
    await studySettings.setValue({
      ...DEFAULT_STUDY_SETTINGS,
      historyExcludedSites: ['example.cn'],
    });
    const excluded = await handleMessage(
      { type: 'recordLookup', payload: { ...lookup, word: '发展' } },
      contentScript,
    );
    expect(excluded).toEqual({ ok: true, value: { recorded: false } });
    await studySettings.setValue({ ...DEFAULT_STUDY_SETTINGS, recordHistory: false });
    const off = await handleMessage(
      { type: 'recordLookup', payload: { ...lookup, word: '改革', url: 'https://b.example/' } },
      contentScript,
    );
    expect(off).toEqual({ ok: true, value: { recorded: false } });
    expect(await getDatabase().lookups.count()).toBe(1);
  });

  it('accepts review-page messages only from the extension’s own pages', async () => {
    await saveWord({
      ...lookup,
      kind: 'dictionary',
      traditional: '經濟',
      pinyin: 'jing1 ji4',
      definition: 'economy',
    });
    const fromPage = await handleMessage(
      { type: 'deleteWords', payload: { keys: ['dictionary:经济'] } },
      contentScript,
    );
    expect(fromPage).toEqual({
      ok: false,
      error: "deleteWords is accepted only from the extension's own pages",
    });
    expect(await getDatabase().vocabulary.count()).toBe(1);
    const fromReview = await handleMessage(
      { type: 'deleteWords', payload: { keys: ['dictionary:经济'] } },
      page,
    );
    expect(fromReview).toEqual({ ok: true, value: { deleted: 1 } });
  });

  it('reviews a card, tells reading mode that saved words changed, and answers with the due date', async () => {
    await saveWord(
      {
        ...lookup,
        kind: 'dictionary',
        traditional: '經濟',
        pinyin: 'jing1 ji4',
        definition: 'economy',
      },
      0,
    );
    const before = await studyWordsVersion.getValue();
    const reply = await handleMessage(
      { type: 'reviewCard', payload: { key: 'dictionary:经济', rating: 3 } },
      page,
    );
    expect(reply.ok).toBe(true);
    expect(reply.ok && reply.value).toMatchObject({ key: 'dictionary:经济', status: 'learning' });
    expect(await studyWordsVersion.getValue()).toBeGreaterThan(before);
    const bad = await handleMessage(
      { type: 'reviewCard', payload: { key: 'dictionary:经济', rating: 5 } },
      page,
    );
    expect(bad.ok).toBe(false);
  });

  it('merges backup rows from the review page only, checking every row', async () => {
    const history = { ...lookup, site: 'news.example.cn', time: 1000 };
    const chunk = { lookups: [history] };
    const refused = await handleMessage(
      { type: 'importBackupRows', payload: chunk },
      contentScript,
    );
    expect(refused.ok).toBe(false);
    expect(await getDatabase().lookups.count()).toBe(0);
    expect(await handleMessage({ type: 'importBackupRows', payload: chunk }, page)).toEqual({
      ok: true,
      value: { wordsAdded: 0, wordsMerged: 0, lookupsAdded: 1, reviewsAdded: 0 },
    });
    // The same rows again (an import completed after it stopped half-way) add nothing.
    expect(await handleMessage({ type: 'importBackupRows', payload: chunk }, page)).toMatchObject({
      ok: true,
      value: { lookupsAdded: 0 },
    });
    const bad = await handleMessage(
      { type: 'importBackupRows', payload: { lookups: [{ ...history, time: 'soon' }] } },
      page,
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/invalid importBackupRows request at lookups\.0\.time/);
    const foreignKey = await handleMessage(
      {
        type: 'importBackupRows',
        payload: { reviewLog: [], vocabulary: [{ key: 'dictionary:别的', word: '经济' }] },
      },
      page,
    );
    expect(foreignKey.ok).toBe(false);
    expect(await getDatabase().lookups.count()).toBe(1);
  });

  it('lists saved words for reading mode to any sender', async () => {
    await saveWord({
      ...lookup,
      kind: 'dictionary',
      traditional: '經濟',
      pinyin: 'jing1 ji4',
      definition: 'economy',
    });
    expect(await handleMessage({ type: 'getStudyWords', payload: {} }, contentScript)).toEqual({
      ok: true,
      value: { known: [], learning: ['经济'] },
    });
  });
});

describe('message size limits', () => {
  it('lets a backup chunk carry megabytes, and nothing else', () => {
    const text = 'x'.repeat(MAX_MESSAGE_CHARS * 4);
    const row = { ...lookup, site: '', time: 0 };
    const rows = Array.from({ length: 1000 }, () => ({ ...row, title: 'x'.repeat(400) }));
    expect(JSON.stringify(rows).length).toBeGreaterThan(MAX_MESSAGE_CHARS);
    expect(parseRequest({ type: 'importBackupRows', payload: { lookups: rows } }).ok).toBe(true);
    expect(
      parseRequest({ type: 'recordLookup', payload: { ...lookup, title: text } }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^message too large/) as unknown,
    });
    const huge = parseRequest({
      type: 'importBackupRows',
      payload: { lookups: [{ ...row, title: 'x'.repeat(BACKUP_LIMITS.chunkChars) }] },
    });
    expect(huge).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^message too large/) as unknown,
    });
  });
});
