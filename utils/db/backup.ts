/**
 * The JSON backup of the whole database (every table, with a format version), how to read one
 * back with errors that name what is wrong, and the merge rules of an import. Pure functions:
 * the background runs the import in one transaction (entrypoints/background/store.ts), the review
 * page builds the export from its own read of the database.
 */
import * as v from 'valibot';
import { FIELD_LIMITS, STUDY_LIMITS } from '../limits';
import {
  MAX_CONTEXTS,
  SCHEMA_VERSION,
  type LookupRecord,
  type ReviewLogRecord,
  type TifaDatabase,
  type VocabularyRecord,
  type WordContext,
} from './schema';

/** Marks a file as ours, so a foreign JSON file is recognised as such. */
export const BACKUP_FORMAT = 'tifa-reader-backup';

/** Version of the backup layout (not of the database schema); bump it with a reader for the old. */
export const BACKUP_FORMAT_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The database schema version the rows were read from. */
  schemaVersion: number;
  /** Epoch milliseconds. */
  exportedAt: number;
  tables: {
    vocabulary: VocabularyRecord[];
    lookups: LookupRecord[];
    reviewLog: ReviewLogRecord[];
  };
}

/** Reads every table in one read transaction, so the backup is one consistent snapshot. */
export async function readBackup(db: TifaDatabase, now = Date.now()): Promise<Backup> {
  return db.transaction('r', db.vocabulary, db.lookups, db.reviewLog, async () => ({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: now,
    tables: {
      vocabulary: await db.vocabulary.toArray(),
      lookups: await db.lookups.toArray(),
      reviewLog: await db.reviewLog.toArray(),
    },
  }));
}

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const kind = v.picklist(['dictionary', 'glossary']);
const cardState = v.picklist([0, 1, 2, 3]);

const contextSchema = v.object({
  sentence: text(FIELD_LIMITS.sentence),
  url: text(FIELD_LIMITS.url),
  title: text(FIELD_LIMITS.title),
  time,
});

const cardSchema = v.object({
  due: time,
  stability: v.pipe(v.number(), v.finite()),
  difficulty: v.pipe(v.number(), v.finite()),
  elapsed_days: v.pipe(v.number(), v.finite()),
  scheduled_days: v.pipe(v.number(), v.finite()),
  learning_steps: count,
  reps: count,
  lapses: count,
  state: cardState,
  last_review: v.nullable(time),
});

const vocabularySchema = v.object({
  key: text(FIELD_LIMITS.word + 20),
  word: v.pipe(v.string(), v.minLength(1), v.maxLength(FIELD_LIMITS.word)),
  traditional: text(FIELD_LIMITS.word),
  kind,
  pinyin: text(FIELD_LIMITS.pinyin),
  definition: text(FIELD_LIMITS.definition),
  status: v.picklist(['new', 'learning', 'known']),
  tags: v.pipe(v.array(text(STUDY_LIMITS.tag)), v.maxLength(STUDY_LIMITS.tags)),
  notes: text(STUDY_LIMITS.notes),
  firstSeen: time,
  lastSeen: time,
  timesSaved: count,
  contexts: v.array(contextSchema),
  card: cardSchema,
});

const lookupSchema = v.object({
  id: v.optional(v.number()),
  word: v.pipe(v.string(), v.minLength(1), v.maxLength(FIELD_LIMITS.word)),
  kind,
  reading: text(FIELD_LIMITS.pinyin),
  sentence: text(FIELD_LIMITS.sentence),
  url: text(FIELD_LIMITS.url),
  title: text(FIELD_LIMITS.title),
  site: text(FIELD_LIMITS.url),
  time,
});

const reviewLogSchema = v.object({
  id: v.optional(v.number()),
  key: text(FIELD_LIMITS.word + 20),
  rating: v.picklist([1, 2, 3, 4]),
  state: cardState,
  due: time,
  stability: v.pipe(v.number(), v.finite()),
  difficulty: v.pipe(v.number(), v.finite()),
  elapsed_days: v.pipe(v.number(), v.finite()),
  last_elapsed_days: v.pipe(v.number(), v.finite()),
  scheduled_days: v.pipe(v.number(), v.finite()),
  learning_steps: count,
  review: time,
});

const backupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  formatVersion: v.literal(BACKUP_FORMAT_VERSION),
  schemaVersion: v.pipe(v.number(), v.integer()),
  exportedAt: time,
  tables: v.object({
    vocabulary: v.array(vocabularySchema),
    lookups: v.array(lookupSchema),
    reviewLog: v.array(reviewLogSchema),
  }),
});

/** A backup that could not be read; the message names what is wrong and where. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/**
 * Parses and checks a backup file's text. Throws BackupError naming the problem: not JSON or cut
 * short, not a Tifa Reader backup, a newer format, or the first row that does not fit (by table,
 * index and field). Row content is never quoted back: it is the reader's own data.
 */
export function parseBackup(fileText: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(fileText);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'syntax error';
    const truncated = /end of (JSON )?input|unterminated/i.test(detail);
    throw new BackupError(
      truncated
        ? `The file ends in the middle of its JSON: it was probably cut short (${fileText.length.toLocaleString('en-US')} characters read).`
        : `The file is not JSON (${detail}).`,
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new BackupError('The file is JSON but not a Tifa Reader backup: it is not an object.');
  }
  const header = json as Record<string, unknown>;
  if (header.format !== BACKUP_FORMAT) {
    throw new BackupError(
      `The file is JSON but not a Tifa Reader backup (no "format": "${BACKUP_FORMAT}" field).`,
    );
  }
  if (typeof header.formatVersion === 'number' && header.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `The backup has format version ${header.formatVersion}, newer than this version of Tifa ` +
        `Reader reads (${BACKUP_FORMAT_VERSION}); update the extension first.`,
    );
  }
  const result = v.safeParse(backupSchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    const where = formatPath(issue?.path ?? []);
    throw new BackupError(
      `The backup is damaged at ${where || 'its top level'}: ${issue?.message ?? 'unexpected value'}.`,
    );
  }
  const backup = result.output as Backup;
  for (const [index, row] of backup.tables.vocabulary.entries()) {
    if (row.key !== `${row.kind}:${row.word}`) {
      throw new BackupError(
        `The backup is damaged at tables.vocabulary[${index}].key: it does not match the word.`,
      );
    }
  }
  return backup;
}

function formatPath(path: readonly { key: unknown }[]): string {
  let out = '';
  for (const { key } of path) {
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** When a row was last touched: seen on a page or reviewed. */
function recency(row: VocabularyRecord): number {
  return Math.max(row.lastSeen, row.card.last_review ?? 0);
}

/**
 * One row from two versions of the same word, losing nothing: the more recently touched row
 * wins the single-valued fields (status, definition), the card with the later review is kept,
 * contexts and tags are united, different notes are both kept.
 */
export function mergeVocabularyRows(
  existing: VocabularyRecord,
  incoming: VocabularyRecord,
): VocabularyRecord {
  const [base, other] =
    recency(incoming) > recency(existing) ? [incoming, existing] : [existing, incoming];
  const card =
    (incoming.card.last_review ?? -1) > (existing.card.last_review ?? -1) ||
    ((incoming.card.last_review ?? -1) === (existing.card.last_review ?? -1) &&
      incoming.card.reps > existing.card.reps)
      ? incoming.card
      : existing.card;
  return {
    ...base,
    traditional: base.traditional || other.traditional,
    pinyin: base.pinyin || other.pinyin,
    definition: base.definition || other.definition,
    tags: [...new Set([...base.tags, ...other.tags])].slice(0, STUDY_LIMITS.tags),
    notes: mergeNotes(base.notes, other.notes),
    firstSeen: Math.min(existing.firstSeen, incoming.firstSeen),
    lastSeen: Math.max(existing.lastSeen, incoming.lastSeen),
    timesSaved: Math.max(existing.timesSaved, incoming.timesSaved),
    contexts: mergeContexts(base.contexts, other.contexts),
    card,
  };
}

function mergeNotes(base: string, other: string): string {
  if (!other || base.includes(other)) return base;
  if (!base || other.includes(base)) return other;
  return `${base}\n\n${other}`.slice(0, STUDY_LIMITS.notes);
}

/** Contexts of both, one per (sentence, page), most recent first, at most MAX_CONTEXTS. */
export function mergeContexts(a: readonly WordContext[], b: readonly WordContext[]): WordContext[] {
  const byPlace = new Map<string, WordContext>();
  for (const context of [...a, ...b]) {
    const place = `${context.url}\u0000${context.sentence}`;
    const seen = byPlace.get(place);
    if (!seen || context.time > seen.time) byPlace.set(place, context);
  }
  return [...byPlace.values()].sort((x, y) => y.time - x.time).slice(0, MAX_CONTEXTS);
}

/** Identity of a history row across profiles (ids are per database). */
export function lookupIdentity(row: LookupRecord): string {
  return `${row.time}\u0000${row.kind}\u0000${row.word}\u0000${row.url}\u0000${row.sentence}`;
}

/** Identity of a review across profiles. */
export function reviewIdentity(row: ReviewLogRecord): string {
  return `${row.key}\u0000${row.review}\u0000${row.rating}`;
}
