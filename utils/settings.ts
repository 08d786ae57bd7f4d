/**
 * Reader settings, in `browser.storage.local` through WXT storage items (versioned, so a change
 * of shape comes with a migration). Settings are preferences, not user data: user data (lookups,
 * vocabulary) lives in IndexedDB, owned by the background. Their values, defaults and
 * sanitizers are in `settings-values.ts`, re-exported here.
 */
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  DEFAULT_STUDY_SETTINGS,
  DEFAULT_TRACKER_SETTINGS,
  STORAGE_KEYS,
  type ReaderSettings,
  type StudySettings,
  type TrackerSettings,
} from './settings-values';

export * from './settings-values';

export const readerSettings = storage.defineItem<ReaderSettings>(
  `local:${STORAGE_KEYS.readerSettings}`,
  {
    fallback: DEFAULT_SETTINGS,
    version: 1,
  },
);

/** Hostnames where the reader is on: switched on from the toolbar or listed in the options. */
export const enabledSites = storage.defineItem<string[]>(`local:${STORAGE_KEYS.enabledSites}`, {
  fallback: [],
  version: 1,
});

export const studySettings = storage.defineItem<StudySettings>(
  `local:${STORAGE_KEYS.studySettings}`,
  {
    fallback: DEFAULT_STUDY_SETTINGS,
    version: 1,
  },
);

/**
 * Bumped by the background whenever a word's status changes or words are added or removed, so
 * reading mode (which cannot read IndexedDB) knows to fetch the known and learning words again.
 */
export const studyWordsVersion = storage.defineItem<number>(
  `local:${STORAGE_KEYS.studyWordsVersion}`,
  {
    fallback: 0,
  },
);

export const trackerSettings = storage.defineItem<TrackerSettings>(
  `local:${STORAGE_KEYS.trackerSettings}`,
  {
    fallback: DEFAULT_TRACKER_SETTINGS,
    version: 1,
  },
);

/**
 * Bumped by the background whenever personal terms are added, changed, deleted or imported, so
 * pages in reading mode (which cannot read IndexedDB) fetch them again and redraw their marks.
 */
export const personalTermsVersion = storage.defineItem<number>(
  `local:${STORAGE_KEYS.personalTermsVersion}`,
  {
    fallback: 0,
  },
);
