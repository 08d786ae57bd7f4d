// The study messages through the background's handler on WXT's fake browser: who may send them,
// the history switch and excluded sites, and error replies.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleMessage } from '../../entrypoints/background/handlers';
import { getDatabase, saveWord, useDatabase } from '../../entrypoints/background/store';
import { TifaDatabase } from '../../utils/db/schema';
import { MAX_BACKUP_CHARS, MAX_MESSAGE_CHARS } from '../../utils/limits';
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

  it('answers a bad backup with an error naming the problem', async () => {
    const reply = await handleMessage({ type: 'importBackup', payload: { text: '{"a":' } }, page);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/cut short/);
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
  it('lets a backup import carry a whole file, and nothing else', () => {
    const text = 'x'.repeat(MAX_MESSAGE_CHARS * 4);
    expect(parseRequest({ type: 'importBackup', payload: { text } }).ok).toBe(true);
    expect(
      parseRequest({ type: 'recordLookup', payload: { ...lookup, title: text } }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^message too large/) as unknown,
    });
    const huge = parseRequest({
      type: 'importBackup',
      payload: { text: 'x'.repeat(MAX_BACKUP_CHARS + 2048) },
    });
    expect(huge.ok).toBe(false);
  });
});
