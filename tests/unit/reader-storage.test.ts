// The reader's own view of its settings: one read, sanitized like the storage items, and one
// listener that calls the right watcher with the new value, for the extension's local area only.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  readReaderState,
  watchReaderState,
  type ReaderStateWatchers,
} from '../../entrypoints/reader.content/reader-storage';
import {
  DEFAULT_SETTINGS,
  DEFAULT_STUDY_SETTINGS,
  DEFAULT_TRACKER_SETTINGS,
  enabledSites,
  personalTermsVersion,
  readerSettings,
  trackerSettings,
} from '../../utils/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('readReaderState', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await readReaderState()).toEqual({
      settings: DEFAULT_SETTINGS,
      sites: [],
      study: DEFAULT_STUDY_SETTINGS,
      tracker: DEFAULT_TRACKER_SETTINGS,
    });
  });

  it('reads what the storage items wrote, and sanitizes what they did not', async () => {
    await readerSettings.setValue({ ...DEFAULT_SETTINGS, rubyStyle: 'zhuyin', toneColors: true });
    await enabledSites.setValue(['news.example.cn']);
    await trackerSettings.setValue({ enabled: true, excludedSites: ['a.example'] });
    await fakeBrowser.storage.local.set({ studySettings: { markSavedWords: 'yes' } });
    const state = await readReaderState();
    expect(state.settings).toEqual({ ...DEFAULT_SETTINGS, rubyStyle: 'zhuyin', toneColors: true });
    expect(state.sites).toEqual(['news.example.cn']);
    expect(state.tracker).toEqual({ enabled: true, excludedSites: ['a.example'] });
    // A malformed value falls back to the default, as sanitizeStudySettings does for the item.
    expect(state.study.markSavedWords).toBe(false);
    await fakeBrowser.storage.local.set({ enabledSites: 'news.example.cn', readerSettings: 7 });
    expect(await readReaderState()).toMatchObject({ sites: [], settings: DEFAULT_SETTINGS });
  });
});

describe('watchReaderState', () => {
  function watchers() {
    return {
      settings: vi.fn(),
      sites: vi.fn(),
      study: vi.fn(),
      tracker: vi.fn(),
      studyWords: vi.fn(),
      personalTerms: vi.fn(),
    } satisfies ReaderStateWatchers;
  }

  it('calls the watcher of each changed value with its sanitized value, until stopped', async () => {
    const on = watchers();
    const stop = watchReaderState(on);
    await readerSettings.setValue({ ...DEFAULT_SETTINGS, pinyin: false });
    await enabledSites.setValue(['b.example']);
    await personalTermsVersion.setValue(5);
    expect(on.settings).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, pinyin: false });
    expect(on.sites).toHaveBeenCalledWith(['b.example']);
    expect(on.personalTerms).toHaveBeenCalledTimes(1);
    expect(on.study).not.toHaveBeenCalled();
    expect(on.tracker).not.toHaveBeenCalled();
    expect(on.studyWords).not.toHaveBeenCalled();
    stop();
    await enabledSites.setValue([]);
    expect(on.sites).toHaveBeenCalledTimes(1);
  });

  it('ignores other storage areas', async () => {
    const on = watchers();
    watchReaderState(on);
    await fakeBrowser.storage.session.set({ readerSettings: DEFAULT_SETTINGS });
    expect(on.settings).not.toHaveBeenCalled();
  });
});
