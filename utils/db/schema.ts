/**
 * The one schema of Tifa Reader's IndexedDB database, opened only by the background service
 * worker (the content script never opens IndexedDB: it would land in the web page's origin).
 *
 * Every table here is USER DATA: it is never evicted or rebuilt, and every schema change comes
 * with a migration and a test from a fixture of the old shape.
 */
import Dexie, { type EntityTable } from 'dexie';

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
}

/** Contexts kept per word: enough to study from, bounded so one word cannot grow without end. */
export const MAX_CONTEXTS = 20;

export class TifaDatabase extends Dexie {
  lookups!: EntityTable<LookupRecord, 'id'>;
  vocabulary!: EntityTable<VocabularyRecord, 'key'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      lookups: '++id, word, time, site',
      vocabulary: '&key, word, status, lastSeen, *tags',
    });
  }
}

/** The key of a vocabulary row. */
export function vocabularyKey(kind: LookupKind, word: string): string {
  return `${kind}:${word}`;
}
