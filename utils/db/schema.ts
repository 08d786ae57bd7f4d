/**
 * The one schema of Tifa Reader's IndexedDB database, opened only by the background service
 * worker (the content script never opens IndexedDB: it would land in the web page's origin).
 *
 * Every table here is USER DATA: it is never evicted or rebuilt, and every schema change comes
 * with a migration and a test from a fixture of the old shape.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { PackEntry } from '../glossary/pack';

export const DATABASE_NAME = 'tifa-reader';

/** Where a word was met: the sentence around it and the page. */
export interface WordContext {
  sentence: string;
  url: string;
  title: string;
  /** Epoch milliseconds. */
  time: number;
}

/** What a lookup was of: a CC-CEDICT word or a glossary term. */
export type LookupKind = 'dictionary' | 'glossary';

/** One saved lookup, in the order they happened (user data: the reader's history). */
export interface LookupRecord {
  id?: number;
  word: string;
  kind: LookupKind;
  reading: string;
  sentence: string;
  url: string;
  title: string;
  /** Hostname, for filtering by site. */
  site: string;
  time: number;
}

export type VocabularyStatus = 'new' | 'learning' | 'known';

/** FSRS scheduling state (ts-fsrs `Card` field names, numbers for dates so rows survive JSON). */
export interface StoredCard {
  /** When the card is next due, epoch milliseconds. */
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs `State`: 0 new, 1 learning, 2 review, 3 relearning. */
  state: CardState;
  /** Epoch milliseconds of the last review, null before the first. */
  last_review: number | null;
}

export type CardState = 0 | 1 | 2 | 3;

/** ts-fsrs `Rating` without Manual: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type ReviewRating = 1 | 2 | 3 | 4;

/** The card of a word never reviewed: due at once (ts-fsrs `createEmptyCard`, dates as numbers). */
export function newCardState(now: number): StoredCard {
  return {
    due: now,
    stability: 0,
    difficulty: 0,
    elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: 0,
    reps: 0,
    lapses: 0,
    state: 0,
    last_review: null,
  };
}

/** One row per saved word or term (user data: the reader's vocabulary). */
export interface VocabularyRecord {
  /** `${kind}:${simplified}`: a word and a glossary term with the same characters stay apart. */
  key: string;
  word: string;
  traditional: string;
  kind: LookupKind;
  pinyin: string;
  /** The definition as it was when saved, so later dictionary updates never change a card. */
  definition: string;
  status: VocabularyStatus;
  tags: string[];
  notes: string;
  firstSeen: number;
  lastSeen: number;
  timesSaved: number;
  /** Most recent first, at most MAX_CONTEXTS. */
  contexts: WordContext[];
  /** Spaced-repetition state (schema v2). */
  card: StoredCard;
}

/** One flashcard review (user data: the history FSRS learns from; ts-fsrs `ReviewLog` fields). */
export interface ReviewLogRecord {
  id?: number;
  /** The vocabulary key reviewed. */
  key: string;
  rating: ReviewRating;
  /** The card's state before this review. */
  state: CardState;
  /** When the card was due before this review. */
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  last_elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  /** When the review happened, epoch milliseconds. */
  review: number;
}

/**
 * One glossary term met on one page by the term tracker (opt-in; user data: the reader's record
 * of what they read). Only these fields are kept, nothing else of the page. Recording a page
 * again replaces its rows, so a reload never counts twice.
 */
export interface SightingRecord {
  id?: number;
  /** Glossary entry id, pattern id (`pattern:congress:20`) or `personal:<personal term id>`. */
  termId: string;
  /** The page, without its `#fragment`. */
  url: string;
  title: string;
  /** The site (host name without `www.`) or the name the page gives its publisher. */
  outlet: string;
  /** When the page was first recorded, epoch milliseconds. */
  time: number;
  /** Occurrences of the term on the page. */
  count: number;
  /** One sentence of context: the first in which the term occurs. */
  sentence: string;
}

/** Mentions and pages of one term in one bucket (a week, or an outlet). */
export type StatsBucket = [key: string | number, mentions: number, pages: number];

/**
 * One term's totals over all its sightings (REBUILDABLE: derived from `sightings`, updated in the
 * same transaction as every sightings write, and recomputed by `rebuildTermStats`). The dashboard
 * reads these few hundred rows instead of 100,000 sightings: IndexedDB needs seconds for those.
 */
export interface TermStatsRecord {
  termId: string;
  mentions: number;
  pages: number;
  firstSeen: number;
  lastSeen: number;
  /** By week start (epoch ms of Monday 00:00 UTC), ascending. */
  weeks: StatsBucket[];
  /** By outlet, in no particular order. */
  outlets: StatsBucket[];
}

/**
 * A reader's own term (user data): the fields of a glossary entry where they apply (see
 * utils/glossary/schema.ts; packs of personal terms share this shape, utils/glossary/pack.ts),
 * the reader's notes and tags, and when it was added and last changed.
 */
export interface PersonalTermRecord extends PackEntry {
  createdAt: number;
  updatedAt: number;
}

/**
 * A reader's note on a passage of a page (user data, schema v4): the W3C text-quote selector
 * (exact quote, up to 32 characters of prefix and suffix) and a position hint to find the passage
 * again (utils/annotations/quote-selector.ts), the note and tags, and the page.
 */
export interface AnnotationRecord {
  id?: number;
  /** The page, without its `#fragment`. */
  url: string;
  title: string;
  /** The site (host name without `www.`). */
  outlet: string;
  /** When the annotation was made, epoch milliseconds. */
  time: number;
  exact: string;
  prefix: string;
  suffix: string;
  /** Offset of `exact` in the page's text (body text as the reader displayed it). */
  position: number;
  note: string;
  tags: string[];
  /** Set by the reader when the page was last read: true when the quote could not be found
   * there (listed as orphaned, never deleted). Not indexed, so no schema version. */
  orphaned?: boolean;
}

/** Contexts kept per word: enough to study from, bounded so one word cannot grow without end. */
export const MAX_CONTEXTS = 20;

/** The schema version the code writes; backups record it. */
export const SCHEMA_VERSION = 4;

export class TifaDatabase extends Dexie {
  /** User data: every lookup, oldest first (`time`); `[kind+word]` lists one entry's history. */
  lookups!: EntityTable<LookupRecord, 'id'>;
  /** User data: saved words and terms with their contexts, notes and FSRS card. */
  vocabulary!: EntityTable<VocabularyRecord, 'key'>;
  /** User data: every flashcard review, by word (`key`) and time (`review`). */
  reviewLog!: EntityTable<ReviewLogRecord, 'id'>;
  /** User data: term tracker sightings, one row per term per page (schema v3). `url` finds a
   * page's rows to replace them; `[termId+time]` lists a term's pages by date. */
  sightings!: EntityTable<SightingRecord, 'id'>;
  /** Rebuildable: per-term totals of `sightings`, for the dashboard (schema v3). */
  termStats!: EntityTable<TermStatsRecord, 'termId'>;
  /** User data: the reader's own terms, by id; `simplified` finds one form's entries (schema v3). */
  personalTerms!: EntityTable<PersonalTermRecord, 'id'>;
  /** User data: the reader's annotations, by page (`url`), date and tag (schema v4). */
  annotations!: EntityTable<AnnotationRecord, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      lookups: '++id, word, time, site',
      vocabulary: '&key, word, status, lastSeen, *tags',
    });
    // v2: FSRS cards on vocabulary rows (indexed by due date for the badge and the review queue),
    // the review log, and a per-entry history index. Rows saved under v1 get a new card, due at
    // the time they were first seen, so they enter the review queue at once.
    this.version(2)
      .stores({
        lookups: '++id, word, time, site, [kind+word]',
        vocabulary: '&key, word, status, lastSeen, *tags, card.due',
        reviewLog: '++id, key, review',
      })
      .upgrade((tx) =>
        tx
          .table<VocabularyRecord, string>('vocabulary')
          .toCollection()
          .modify((row) => {
            row.card ??= newCardState(row.firstSeen);
          }),
      );
    // v3: the term tracker's sightings with their per-term totals, and personal terms. New
    // tables only, nothing to convert.
    this.version(3).stores({
      sightings: '++id, url, time, [termId+time]',
      termStats: '&termId',
      personalTerms: '&id, simplified, *tags, updatedAt',
    });
    // v4: annotations. A new table only, nothing to convert.
    this.version(4).stores({
      annotations: '++id, url, time, *tags',
    });
  }
}

/** The key of a vocabulary row. */
export function vocabularyKey(kind: LookupKind, word: string): string {
  return `${kind}:${word}`;
}
