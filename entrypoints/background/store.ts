/**
 * The only writer of user data. Every write is one Dexie transaction, so a service worker stopped
 * mid-write leaves either the whole change or none of it. Write failures (a full disk, a quota)
 * are rethrown with a message the reader can act on; nothing is dropped silently.
 */
import type { Table } from 'dexie';
import {
  boundContexts,
  lookupIdentity,
  mergeVocabularyRows,
  parseBackup,
  reviewIdentity,
} from '../../utils/db/backup';
import type { BackupChunk } from '../../utils/db/backup-rows';
import {
  MAX_CONTEXTS,
  newCardState,
  TifaDatabase,
  vocabularyKey,
  type LookupKind,
  type LookupRecord,
  type ReviewLogRecord,
  type ReviewRating,
  type VocabularyRecord,
  type VocabularyStatus,
} from '../../utils/db/schema';
import { scheduleReview } from '../../utils/study/fsrs';

let database: TifaDatabase | null = null;

/** The database, opened on first use (the worker may have been restarted since). */
export function getDatabase(): TifaDatabase {
  database ??= new TifaDatabase();
  return database;
}

/** Replaces the database, for tests with fake-indexeddb. */
export function useDatabase(db: TifaDatabase): void {
  database = db;
}

/** A word looked up again on the same page within this time is one lookup, not several: hovering
 * back and forth over a word must not flood the history. */
export const LOOKUP_REPEAT_MS = 10 * 60 * 1000;

export interface SaveWordInput {
  word: string;
  traditional: string;
  kind: LookupKind;
  pinyin: string;
  definition: string;
  sentence: string;
  url: string;
  title: string;
}

/**
 * Saves a word to the vocabulary, adding this context. The lookup itself is recorded in history
 * by `recordLookup` when the popup shows it (if history is on), so saving adds no history row.
 */
export async function saveWord(input: SaveWordInput, now = Date.now()): Promise<VocabularyRecord> {
  const db = getDatabase();
  const context = { sentence: input.sentence, url: input.url, title: input.title, time: now };
  return write('save the word', () =>
    db.transaction('rw', db.vocabulary, async () => {
      const key = vocabularyKey(input.kind, input.word);
      const existing = await db.vocabulary.get(key);
      const record: VocabularyRecord = existing
        ? {
            ...existing,
            lastSeen: Math.max(existing.lastSeen, now),
            timesSaved: existing.timesSaved + 1,
            contexts: [
              context,
              ...existing.contexts.filter(
                (c) => c.sentence !== context.sentence || c.url !== context.url,
              ),
            ].slice(0, MAX_CONTEXTS),
          }
        : {
            key,
            word: input.word,
            traditional: input.traditional,
            kind: input.kind,
            pinyin: input.pinyin,
            definition: input.definition,
            status: 'new',
            tags: [],
            notes: '',
            firstSeen: now,
            lastSeen: now,
            timesSaved: 1,
            contexts: [context],
            card: newCardState(now),
          };
      await db.vocabulary.put(record);
      return record;
    }),
  );
}

export type RecordLookupInput = Omit<LookupRecord, 'id' | 'site' | 'time'>;

/**
 * Adds a lookup to the history, unless the same word was recorded on the same page less than
 * LOOKUP_REPEAT_MS ago. Returns whether a row was added.
 */
export async function recordLookup(input: RecordLookupInput, now = Date.now()): Promise<boolean> {
  const db = getDatabase();
  return write('record the lookup', () =>
    db.transaction('rw', db.lookups, async () => {
      const recent = await db.lookups
        .where('[kind+word]')
        .equals([input.kind, input.word])
        .filter((row) => row.url === input.url && now - row.time < LOOKUP_REPEAT_MS)
        .count();
      if (recent > 0) return false;
      const { word, kind, reading, sentence, url, title } = input;
      await db.lookups.add({
        word,
        kind,
        reading,
        sentence,
        url,
        title,
        site: hostnameOf(url),
        time: now,
      });
      return true;
    }),
  );
}

/**
 * Adds a history row to the vocabulary (the history view's one-click add), with the lookup's
 * sentence and page as its context and `definition` from the dictionary as it is now.
 */
export async function saveLookup(
  id: number,
  describe: (lookup: LookupRecord) => Promise<{ traditional: string; definition: string }>,
): Promise<VocabularyRecord> {
  const lookup = await getDatabase().lookups.get(id);
  if (!lookup) throw new Error('That history entry no longer exists.');
  const { traditional, definition } = await describe(lookup);
  return saveWord(
    {
      word: lookup.word,
      traditional,
      kind: lookup.kind,
      pinyin: lookup.reading,
      definition,
      sentence: lookup.sentence,
      url: lookup.url,
      title: lookup.title,
    },
    lookup.time,
  );
}

export interface WordChanges {
  status?: VocabularyStatus;
  tags?: string[];
  notes?: string;
}

/** Changes a saved word's status, tags or notes. */
export async function updateWord(key: string, changes: WordChanges): Promise<VocabularyRecord> {
  const db = getDatabase();
  return write('update the word', () =>
    db.transaction('rw', db.vocabulary, async () => {
      const existing = await db.vocabulary.get(key);
      if (!existing) throw new Error('That word is no longer in the vocabulary.');
      const record: VocabularyRecord = {
        ...existing,
        ...(changes.status !== undefined && { status: changes.status }),
        ...(changes.tags !== undefined && { tags: normalizeTags(changes.tags) }),
        ...(changes.notes !== undefined && { notes: changes.notes }),
      };
      await db.vocabulary.put(record);
      return record;
    }),
  );
}

/** Trimmed, without empties or repeats, in the order given. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

/**
 * Answers a flashcard: FSRS schedules the card, the review is logged, and a new word becomes a
 * word being learned. One transaction over the word and the log.
 */
export async function reviewCard(
  key: string,
  rating: ReviewRating,
  now = Date.now(),
): Promise<VocabularyRecord> {
  const db = getDatabase();
  return write('record the review', () =>
    db.transaction('rw', db.vocabulary, db.reviewLog, async () => {
      const existing = await db.vocabulary.get(key);
      if (!existing) throw new Error('That word is no longer in the vocabulary.');
      const { card, log } = scheduleReview(existing.card, rating, now);
      const record: VocabularyRecord = {
        ...existing,
        card,
        status: existing.status === 'new' ? 'learning' : existing.status,
      };
      await db.vocabulary.put(record);
      await db.reviewLog.add({ key, ...log });
      return record;
    }),
  );
}

/** Deletes saved words with their review logs; history rows stay (they record what was read). */
export async function deleteWords(keys: readonly string[]): Promise<number> {
  const db = getDatabase();
  return write('delete the words', () =>
    db.transaction('rw', db.vocabulary, db.reviewLog, async () => {
      const present = await deleteExisting(db.vocabulary, keys);
      await db.reviewLog
        .where('key')
        .anyOf([...keys])
        .delete();
      return present;
    }),
  );
}

/** Deletes history rows by id. */
export async function deleteLookups(ids: readonly number[]): Promise<number> {
  const db = getDatabase();
  return write('delete the history entries', () =>
    db.transaction('rw', db.lookups, () => deleteExisting(db.lookups, ids)),
  );
}

export interface ImportSummary {
  wordsAdded: number;
  wordsMerged: number;
  lookupsAdded: number;
  reviewsAdded: number;
}

/**
 * Restores a JSON backup by merging it into the database in one transaction (the review page
 * sends big files in chunks instead: `importBackupRows`). A file that is not a valid backup
 * throws BackupError before anything is written.
 */
export async function importBackup(fileText: string): Promise<ImportSummary> {
  return importBackupRows(parseBackup(fileText).tables);
}

/**
 * Merges checked backup rows (a whole backup, or one chunk of it) into the database in one
 * transaction: words present in both are merged (mergeVocabularyRows), history and reviews
 * already present are skipped, nothing is deleted. Merging is idempotent, so a file imported in
 * several chunks that stopped half-way (the worker was stopped, the page closed) is completed,
 * without duplicates, by importing the file again.
 */
export async function importBackupRows(rows: BackupChunk): Promise<ImportSummary> {
  const db = getDatabase();
  const { vocabulary = [], lookups = [], reviewLog = [] } = rows;
  return write('import the backup', () =>
    db.transaction('rw', db.vocabulary, db.lookups, db.reviewLog, async () => {
      const summary: ImportSummary = {
        wordsAdded: 0,
        wordsMerged: 0,
        lookupsAdded: 0,
        reviewsAdded: 0,
      };
      // A backup may hold the same word twice (hand-edited files): merge those first.
      const incoming = new Map<string, VocabularyRecord>();
      for (const row of vocabulary as VocabularyRecord[]) {
        const bounded = { ...row, contexts: boundContexts(row.contexts) };
        const seen = incoming.get(row.key);
        incoming.set(row.key, seen ? mergeVocabularyRows(seen, bounded) : bounded);
      }
      const keys = [...incoming.keys()];
      const existing = await db.vocabulary.bulkGet(keys);
      const words = keys.map((key, i) => {
        const row = incoming.get(key) as VocabularyRecord;
        const old = existing[i];
        if (old) summary.wordsMerged++;
        else summary.wordsAdded++;
        return old ? mergeVocabularyRows(old, row) : row;
      });
      await db.vocabulary.bulkPut(words);

      // Rows already here are found through the time indexes: only rows at the same instants
      // can be the same, so a chunk never reads the whole history.
      const newLookups = await unseen(
        lookups.map(withoutId),
        lookupIdentity,
        (times) => db.lookups.where('time').anyOf(times).toArray(),
        (row) => row.time,
      );
      await db.lookups.bulkAdd(newLookups);
      summary.lookupsAdded = newLookups.length;

      const newReviews = await unseen(
        (reviewLog as ReviewLogRecord[]).map(withoutId),
        reviewIdentity,
        (times) => db.reviewLog.where('review').anyOf(times).toArray(),
        (row) => row.review,
      );
      await db.reviewLog.bulkAdd(newReviews);
      summary.reviewsAdded = newReviews.length;
      return summary;
    }),
  );
}

/** The rows whose identity is neither in the database (rows at the same times) nor earlier in
 * `rows`. */
async function unseen<T>(
  rows: readonly T[],
  identity: (row: T) => string,
  readAt: (times: number[]) => Promise<T[]>,
  timeOf: (row: T) => number,
): Promise<T[]> {
  if (rows.length === 0) return [];
  const known = new Set((await readAt([...new Set(rows.map(timeOf))])).map(identity));
  return rows.filter((row) => {
    const id = identity(row);
    if (known.has(id)) return false;
    known.add(id);
    return true;
  });
}

/** Words not marked known whose card is due by `now`: the flashcard queue and the badge. */
export async function countDue(now = Date.now()): Promise<number> {
  const db = getDatabase();
  return db.vocabulary
    .where('card.due')
    .belowOrEqual(now)
    .filter((row) => row.status !== 'known')
    .count();
}

/**
 * Simplified forms of saved words by status, for reading mode's known-word display. Read from the
 * status index as keys only (`kind:word`), so no row with its contexts is deserialised.
 */
export async function readStudyWords(): Promise<{ known: string[]; learning: string[] }> {
  const db = getDatabase();
  const wordOf = (key: unknown) => String(key).slice(String(key).indexOf(':') + 1);
  return db.transaction('r', db.vocabulary, async () => {
    const known = await db.vocabulary.where('status').equals('known').primaryKeys();
    const learning = await db.vocabulary.where('status').anyOf('new', 'learning').primaryKeys();
    return { known: [...new Set(known.map(wordOf))], learning: [...new Set(learning.map(wordOf))] };
  });
}

/**
 * Deletes the rows of `table` with these keys, in the caller's transaction; returns how many
 * there were (keys whose rows are gone already are skipped, not an error).
 */
export async function deleteExisting<T, K, I>(
  table: Table<T, K, I>,
  keys: readonly K[],
): Promise<number> {
  const present = (await table.bulkGet([...keys])).filter(Boolean).length;
  await table.bulkDelete([...keys]);
  return present;
}

/**
 * Runs a write, turning storage failures into messages a reader can act on. The browser's own
 * texts ("QuotaExceededError", "UnknownError") say nothing about what to do.
 */
export async function write<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new Error(describeWriteError(what, error), { cause: error });
  }
}

/** A readable message for a failed write: quota, disk and closed-database errors are named. */
export function describeWriteError(what: string, error: unknown): string {
  const names = errorNames(error);
  const message = error instanceof Error ? error.message : String(error);
  if (names.includes('QuotaExceededError') || /quota/i.test(message)) {
    return `Could not ${what}: the browser's storage for Tifa Reader is full. Free disk space, or export a backup and delete old history, then try again.`;
  }
  if (names.includes('DatabaseClosedError') || names.includes('InvalidStateError')) {
    return `Could not ${what}: the database was closed (the browser may be shutting down). Try again.`;
  }
  if (names.includes('UnknownError')) {
    return `Could not ${what}: the browser could not write to disk (${message}). Check free disk space and try again.`;
  }
  // Errors we raise ourselves already say what happened.
  if (names.includes('BackupError') || names[0] === 'Error') return message;
  return `Could not ${what}: ${message}`;
}

/** The names of an error and its inner errors (Dexie wraps the browser's in `inner`). */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const named = e as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof named.name === 'string') names.push(named.name);
    e = named.inner ?? named.cause;
  }
  return names;
}

/** A copy of a row without its id: imported rows get ids of this database. */
function withoutId<T extends { id?: number }>(row: T): T {
  const copy = { ...row };
  delete copy.id;
  return copy;
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
