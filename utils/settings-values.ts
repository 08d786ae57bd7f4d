/**
 * The reader's settings as values: their shapes, defaults, sanitizers, and the keys they are
 * stored under. The storage items themselves are in `settings.ts` (which re-exports all of
 * this); WXT reads every item's value as soon as it is defined, so code that only needs the
 * values, such as the reader a web page evaluates, imports this module instead.
 */
import { isSiteEnabled, siteKey } from './site-key';

/** Keys in `browser.storage.local`. */
export const STORAGE_KEYS = {
  readerSettings: 'readerSettings',
  enabledSites: 'enabledSites',
  studySettings: 'studySettings',
  studyWordsVersion: 'studyWordsVersion',
  trackerSettings: 'trackerSettings',
  personalTermsVersion: 'personalTermsVersion',
} as const;

/** How readings are written above the characters. */
export type RubyStyle = 'mark' | 'num' | 'zhuyin';

export const RUBY_STYLES: readonly RubyStyle[] = ['mark', 'num', 'zhuyin'];

/** What opens the word popup: pointing at a word (optionally only with a key held), or a
 * click/tap, for touch screens and for readers who find hover popups intrusive. */
export type PopupTrigger = 'hover' | 'hover-shift' | 'hover-alt' | 'click' | 'off';

export const POPUP_TRIGGERS: readonly PopupTrigger[] = [
  'hover',
  'hover-shift',
  'hover-alt',
  'click',
  'off',
];

/** Which script the page is shown in: the page's own, simplified, or traditional (TW or HK). */
export type DisplayScript = 'keep' | 'cn' | 'tw' | 'hk';

export const DISPLAY_SCRIPTS: readonly DisplayScript[] = ['keep', 'cn', 'tw', 'hk'];

export interface ReaderSettings {
  /** Show readings above the characters. */
  pinyin: boolean;
  rubyStyle: RubyStyle;
  /** Colour each reading by its tone. */
  toneColors: boolean;
  script: DisplayScript;
  /** Hide inline-pinyin artefacts such as 現(xiàn). */
  removeArtifacts: boolean;
  /** Size of the readings relative to the text, in percent. */
  rubySize: number;
  popupTrigger: PopupTrigger;
  /** Underline political terms from the glossary (and offer the "Terms on this page" panel). */
  glossary: boolean;
}

export const DEFAULT_SETTINGS: ReaderSettings = {
  pinyin: true,
  rubyStyle: 'mark',
  toneColors: false,
  script: 'keep',
  removeArtifacts: true,
  rubySize: 55,
  popupTrigger: 'hover',
  glossary: true,
};

/** Bounds of the ruby size slider; beyond them readings become unreadable or swamp the text. */
export const RUBY_SIZE_RANGE = { min: 35, max: 90 } as const;

// The site matching lives in its own module, usable without these items.
export { isSiteEnabled, siteKey } from './site-key';

/** Returns the list with the site added or removed. */
export function withSite(sites: readonly string[], hostname: string, enabled: boolean): string[] {
  const key = siteKey(hostname);
  const rest = sites.filter((site) => site !== key);
  return enabled ? [...rest, key].sort() : rest;
}

/** Fills in missing or invalid fields from the defaults, so a damaged store never breaks a page. */
export function sanitizeSettings(
  value: Partial<ReaderSettings> | null | undefined,
): ReaderSettings {
  const v = value ?? {};
  const pick = <K extends keyof ReaderSettings>(
    key: K,
    ok: (x: unknown) => boolean,
  ): ReaderSettings[K] => (ok(v[key]) ? (v[key] as ReaderSettings[K]) : DEFAULT_SETTINGS[key]);
  return {
    pinyin: pick('pinyin', (x) => typeof x === 'boolean'),
    rubyStyle: pick('rubyStyle', (x) => x === 'mark' || x === 'num' || x === 'zhuyin'),
    toneColors: pick('toneColors', (x) => typeof x === 'boolean'),
    script: pick('script', (x) => x === 'keep' || x === 'cn' || x === 'tw' || x === 'hk'),
    removeArtifacts: pick('removeArtifacts', (x) => typeof x === 'boolean'),
    popupTrigger: pick('popupTrigger', (x) => POPUP_TRIGGERS.includes(x as PopupTrigger)),
    glossary: pick('glossary', (x) => typeof x === 'boolean'),
    rubySize: pick(
      'rubySize',
      (x) => typeof x === 'number' && x >= RUBY_SIZE_RANGE.min && x <= RUBY_SIZE_RANGE.max,
    ),
  };
}

/** Study preferences: the lookup history and how reading mode shows saved words. */
export interface StudySettings {
  /** Record every lookup in the history (the word popup sends it; the background decides). */
  recordHistory: boolean;
  /** Sites whose lookups are never recorded (a listed site covers its subdomains). */
  historyExcludedSites: string[];
  /** In reading mode, hide pinyin over words marked known and highlight saved words not yet
   * known. Off by default: it changes how every page looks. */
  markSavedWords: boolean;
}

export const DEFAULT_STUDY_SETTINGS: StudySettings = {
  recordHistory: true,
  historyExcludedSites: [],
  markSavedWords: false,
};

/** Fills in missing or invalid study settings from the defaults. */
export function sanitizeStudySettings(
  value: Partial<StudySettings> | null | undefined,
): StudySettings {
  const v = value ?? {};
  return {
    recordHistory:
      typeof v.recordHistory === 'boolean' ? v.recordHistory : DEFAULT_STUDY_SETTINGS.recordHistory,
    historyExcludedSites: sanitizeSiteList(v.historyExcludedSites),
    markSavedWords:
      typeof v.markSavedWords === 'boolean'
        ? v.markSavedWords
        : DEFAULT_STUDY_SETTINGS.markSavedWords,
  };
}

/** Whether a lookup on `hostname` goes into the history under these settings. */
export function shouldRecordLookup(settings: StudySettings, hostname: string): boolean {
  return settings.recordHistory && !isSiteEnabled(settings.historyExcludedSites, hostname);
}

/** The term tracker: off unless the reader switches it on (it keeps a record of what they read). */
export interface TrackerSettings {
  /** Record, for each page with glossary terms, which terms it uses and one sentence each. */
  enabled: boolean;
  /** Sites never recorded (a listed site covers its subdomains). */
  excludedSites: string[];
}

export const DEFAULT_TRACKER_SETTINGS: TrackerSettings = {
  enabled: false,
  excludedSites: [],
};

/** Fills in missing or invalid tracker settings from the defaults (off). */
export function sanitizeTrackerSettings(
  value: Partial<TrackerSettings> | null | undefined,
): TrackerSettings {
  const v = value ?? {};
  return {
    enabled: v.enabled === true,
    excludedSites: sanitizeSiteList(v.excludedSites),
  };
}

/** Whether a page on `hostname` is recorded by the term tracker under these settings. */
export function shouldTrackSite(settings: TrackerSettings, hostname: string): boolean {
  return settings.enabled && hostname !== '' && !isSiteEnabled(settings.excludedSites, hostname);
}

/** A stored list of sites as strings; anything else in it is dropped, a non-list is empty. */
export function sanitizeSiteList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : [];
}
