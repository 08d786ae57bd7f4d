/**
 * The settings the reader follows, read from `browser.storage.local` in one call and watched
 * through one listener. The reader does not use the WXT storage items of `utils/settings.ts`:
 * defining an item reads its value at once, so the six items cost a page six storage reads (and
 * the reads that follow them) before the reader had asked for anything.
 */
import { browser } from 'wxt/browser';
import {
  sanitizeSettings,
  sanitizeSiteList,
  sanitizeStudySettings,
  sanitizeTrackerSettings,
  STORAGE_KEYS,
  type ReaderSettings,
  type StudySettings,
  type TrackerSettings,
} from '../../utils/settings-values';

export interface ReaderState {
  readonly settings: ReaderSettings;
  readonly sites: readonly string[];
  readonly study: StudySettings;
  readonly tracker: TrackerSettings;
}

/** The reader's settings and the site list, sanitized (missing or malformed values fall back to
 * the defaults, as the storage items do). */
export async function readReaderState(): Promise<ReaderState> {
  const { readerSettings, enabledSites, studySettings, trackerSettings } = STORAGE_KEYS;
  const stored = await browser.storage.local.get([
    readerSettings,
    enabledSites,
    studySettings,
    trackerSettings,
  ]);
  return {
    settings: sanitizeSettings(stored[readerSettings] as Partial<ReaderSettings> | undefined),
    sites: sanitizeSiteList(stored[enabledSites]),
    study: sanitizeStudySettings(stored[studySettings] as Partial<StudySettings> | undefined),
    tracker: sanitizeTrackerSettings(
      stored[trackerSettings] as Partial<TrackerSettings> | undefined,
    ),
  };
}

/** What the reader does when a stored value changes (each given its new, sanitized value). */
export interface ReaderStateWatchers {
  readonly settings: (settings: ReaderSettings) => void;
  readonly sites: (sites: readonly string[]) => void;
  readonly study: (study: StudySettings) => void;
  readonly tracker: (tracker: TrackerSettings) => void;
  /** Saved words changed (the background bumped their version). */
  readonly studyWords: () => void;
  /** Personal terms changed. */
  readonly personalTerms: () => void;
}

/** Calls the watchers on changes; returns the function that stops watching. */
export function watchReaderState(on: ReaderStateWatchers): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const changed = (key: string) => Object.prototype.hasOwnProperty.call(changes, key);
    const value = (key: string) => changes[key]?.newValue;
    if (changed(STORAGE_KEYS.readerSettings))
      on.settings(sanitizeSettings(value(STORAGE_KEYS.readerSettings) as Partial<ReaderSettings>));
    if (changed(STORAGE_KEYS.enabledSites))
      on.sites(sanitizeSiteList(value(STORAGE_KEYS.enabledSites)));
    if (changed(STORAGE_KEYS.studySettings))
      on.study(sanitizeStudySettings(value(STORAGE_KEYS.studySettings) as Partial<StudySettings>));
    if (changed(STORAGE_KEYS.trackerSettings))
      on.tracker(
        sanitizeTrackerSettings(value(STORAGE_KEYS.trackerSettings) as Partial<TrackerSettings>),
      );
    if (changed(STORAGE_KEYS.studyWordsVersion)) on.studyWords();
    if (changed(STORAGE_KEYS.personalTermsVersion)) on.personalTerms();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
